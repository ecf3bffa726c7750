// libFuzzer harness for FuzzTarget.frontMatter. `make fuzz` builds it with coverage and
// -DFUZZING (SwiftPM calls the entry point `fuzz_front_matter_main`); a normal build makes a
// program that replays the files or folders it is given through the same check.
import FuzzChecks

#if FUZZING
@_cdecl("fuzz_front_matter_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(.frontMatter, argc, argv)
}
#else
@main
struct ReplayFrontMatterInputs {
    static func main() { FuzzReplay.main(.frontMatter, arguments: Array(CommandLine.arguments.dropFirst())) }
}
#endif
