// libFuzzer harness for FuzzTarget.pelican. `make fuzz` builds it with coverage and
// -DFUZZING (SwiftPM calls the entry point `fuzz_pelican_main`); a normal build makes a
// program that replays the files or folders it is given through the same check.
import FuzzChecks

#if FUZZING
@_cdecl("fuzz_pelican_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(.pelican, argc, argv)
}
#else
@main
struct ReplayPelicanInputs {
    static func main() { FuzzReplay.main(.pelican, arguments: Array(CommandLine.arguments.dropFirst())) }
}
#endif
