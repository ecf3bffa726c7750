// libFuzzer harness for FuzzTarget.dates. `make fuzz` builds it with -sanitize=fuzzer and
// -DFUZZING, and libFuzzer supplies main(). A normal build makes a program that
// replays the files or folders it is given through the same check.
import FuzzChecks

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzTarget.dates.trap(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
#else
@main
struct ReplayDatesInputs {
    static func main() {
        FuzzReplay.main(.dates, arguments: Array(CommandLine.arguments.dropFirst()))
    }
}
#endif
