// libFuzzer harness for FuzzTarget.pelican: `make fuzz` builds it with -sanitize=fuzzer
// and -DFUZZING. A normal build makes a program that replays the files it is given.
import FuzzChecks

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzTarget.pelican.trap(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
#else
FuzzReplay.main(.pelican, arguments: Array(CommandLine.arguments.dropFirst()))
#endif
