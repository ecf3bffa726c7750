// libFuzzer harness for FuzzTarget.jekyll. `make fuzz` builds it with coverage and
// -DFUZZING (SwiftPM calls the entry point `fuzz_jekyll_main`); a normal build makes a
// program that replays the files or folders it is given through the same check.
import FuzzChecks

#if FUZZING
@_cdecl("fuzz_jekyll_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(.jekyll, argc, argv)
}
#else
@main
struct ReplayJekyllInputs {
    static func main() { FuzzReplay.main(.jekyll, arguments: Array(CommandLine.arguments.dropFirst())) }
}
#endif
