import Foundation
import Site

/// Shows a build's stage and count on one terminal line, once it has run a second.
///
/// Short builds print nothing but their summary; long ones show they are alive.
/// Writes to stderr so stdout stays just the summary line for scripts.
final class ProgressReporter: @unchecked Sendable {
    private let enabled: Bool
    private let start = Date()
    private let lock = NSLock()
    private var shown = false
    private var lastDraw = Date.distantPast

    init(enabled: Bool) { self.enabled = enabled }

    /// Receives progress from any thread.
    var report: @Sendable (BuildProgress) -> Void {
        { [self] progress in self.draw(progress) }
    }

    private func draw(_ progress: BuildProgress) {
        guard enabled else { return }
        let now = Date()
        lock.lock()
        defer { lock.unlock() }
        guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        shown = true
        let count = progress.total > 0 ? " \(progress.done)/\(progress.total)" : ""
        FileHandle.standardError.write(Data("\r\u{1B}[K\(progress.stage)\(count)".utf8))
    }

    /// Clears the progress line before the summary or an error is printed.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }
}
