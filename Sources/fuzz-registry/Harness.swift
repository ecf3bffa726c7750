// libFuzzer harness for FuzzTarget.registry. `make fuzz` builds it with -sanitize=fuzzer and
// -DFUZZING, and libFuzzer supplies main(). A normal build makes a program that
// replays the files or folders it is given through the same check.
import FuzzChecks

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzTarget.registry.trap(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
#else
@main
struct ReplayRegistryInputs {
    static func main() {
        FuzzReplay.main(.registry, arguments: Array(CommandLine.arguments.dropFirst()))
    }
}
#endif
