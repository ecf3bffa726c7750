// libFuzzer harness for FuzzTarget.registry. `make fuzz` builds it with -sanitize=fuzzer and
// -DFUZZING; a normal build makes a program that replays the files or folders it is
// given through the same check.
import FuzzChecks

#if FUZZING
/// libFuzzer's entry for a program with its own main (SwiftPM names an executable's
/// entry point `fuzz_registry_main`, so libFuzzer's own main() is not used).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

@_cdecl("fuzz_registry_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in
        FuzzTarget.registry.trap(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }
}
#else
@main
struct ReplayRegistryInputs {
    static func main() {
        FuzzReplay.main(.registry, arguments: Array(CommandLine.arguments.dropFirst()))
    }
}
#endif
