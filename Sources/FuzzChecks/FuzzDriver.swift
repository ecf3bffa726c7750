#if FUZZING
/// libFuzzer's entry for a program that has its own main (`int LLVMFuzzerRunDriver(int *argc,
/// char ***argv, int (*callback)(const uint8_t *, size_t))`). SwiftPM names each executable's
/// entry point `MODULE_main` and defines `main` as it, so libFuzzer's own main() is not used.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// Runs libFuzzer on one target; only in `make fuzz` builds (`-DFUZZING`).
public enum FuzzDriver {
    /// The target the C callback checks: a C function pointer cannot capture it.
    nonisolated(unsafe) private static var current = FuzzTarget.frontMatter

    /// Hands the process to libFuzzer, which calls `target.trap` for every input.
    public static func run(_ target: FuzzTarget, _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
        current = target
        var count = argc
        var arguments = argv
        return runFuzzerDriver(&count, &arguments) { data, size in
            FuzzDriver.current.trap(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
            return 0
        }
    }
}
#endif
