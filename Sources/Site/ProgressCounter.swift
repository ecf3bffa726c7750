import Foundation

/// Counts finished items across threads and reports every so often.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let buildStep: BuildStep
    private let report: @Sendable (BuildProgress) -> Void
    /// Report every this many.
    private let every: Int

    init(total: Int, step: BuildStep, report: @escaping @Sendable (BuildProgress) -> Void) {
        self.total = total
        self.buildStep = step
        self.report = report
        self.every = max(1, total / 100)
    }

    func advance() {
        lock.lock()
        done += 1
        let current = done
        lock.unlock()
        if current % every == 0 || current == total {
            report(BuildProgress(buildStep, done: current, total: total))
        }
    }
}
