#if canImport(Glibc)
import Glibc
#endif

/// Hands memory that a build freed back to the system.
///
/// `serve` lives for hours and rebuilds after every save, and a whole rebuild of the
/// search index frees tens of megabytes of analysis while keeping the next. glibc keeps
/// such freed blocks in its heaps for reuse rather than returning them, so the preview's
/// resident memory grew with each whole rebuild; `malloc_trim` returns the free pages.
/// Swift's Glibc module leaves out `malloc.h`, so the function is looked up by name.
enum FreedMemory {
    #if canImport(Glibc)
    private typealias Trim = @convention(c) (Int) -> Int32
    nonisolated(unsafe) private static let trim: Trim? = dlsym(nil, "malloc_trim").map { unsafeBitCast($0, to: Trim.self) }
    #endif

    /// Returns freed memory to the system (a few milliseconds; nothing where there is no glibc).
    static func release() {
        #if canImport(Glibc)
        _ = trim?(0)
        #endif
    }
}
