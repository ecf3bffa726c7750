// libFuzzer harness for FuzzTarget.registry. `make fuzz` builds it with coverage and
// -DFUZZING (SwiftPM calls the entry point `fuzz_registry_main`); a normal build makes a
// program that replays the files or folders it is given through the same check.
import FuzzChecks

#if FUZZING
@_cdecl("fuzz_registry_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(.registry, argc, argv)
}
#else
@main
struct ReplayRegistryInputs {
    static func main() { FuzzReplay.main(.registry, arguments: Array(CommandLine.arguments.dropFirst())) }
}
#endif
