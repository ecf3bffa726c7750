import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The CPU time this process has used so far, every thread, user and system, for
/// `build --timings`: a step's CPU time against its wall time shows how many cores it
/// kept busy, which is what to look at before making it parallel.
public enum ProcessorTime {
    #if canImport(Glibc)
    private static let RUSAGE_SELF_WHO = __rusage_who_t(RUSAGE_SELF.rawValue)
    #else
    private static let RUSAGE_SELF_WHO = RUSAGE_SELF
    #endif

    /// Seconds of CPU time since the process started.
    public static func seconds() -> Double {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF_WHO, &usage) == 0 else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

/// Wall and CPU time since the last lap: what `build --timings` prints for a step. The
/// one timer behind the site build's steps and the search index's parts.
public struct StepTimer: Sendable {
    private var wall = DispatchTime.now().uptimeNanoseconds
    private var processor = ProcessorTime.seconds()

    public init() {}

    /// Seconds of wall and CPU time since the timer started or last lapped; the next lap
    /// starts now.
    public mutating func lap() -> (seconds: Double, processorSeconds: Double) {
        let nowWall = DispatchTime.now().uptimeNanoseconds, nowProcessor = ProcessorTime.seconds()
        defer { (wall, processor) = (nowWall, nowProcessor) }
        return (Double(nowWall - wall) / 1e9, nowProcessor - processor)
    }
}
