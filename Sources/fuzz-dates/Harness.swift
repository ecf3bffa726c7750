// libFuzzer harness for FuzzTarget.dates. `make fuzz` builds it with coverage and
// -DFUZZING (SwiftPM calls the entry point `fuzz_dates_main`); a normal build makes a
// program that replays the files or folders it is given through the same check.
import FuzzChecks

#if FUZZING
@_cdecl("fuzz_dates_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(.dates, argc, argv)
}
#else
@main
struct ReplayDatesInputs {
    static func main() { FuzzReplay.main(.dates, arguments: Array(CommandLine.arguments.dropFirst())) }
}
#endif
