// libFuzzer harness for FuzzTarget.templates. `make fuzz` builds it with coverage and
// -DFUZZING (SwiftPM calls the entry point `fuzz_templates_main`); a normal build makes a
// program that replays the files or folders it is given through the same check.
import FuzzChecks

#if FUZZING
@_cdecl("fuzz_templates_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(.templates, argc, argv)
}
#else
@main
struct ReplayTemplatesInputs {
    static func main() { FuzzReplay.main(.templates, arguments: Array(CommandLine.arguments.dropFirst())) }
}
#endif
