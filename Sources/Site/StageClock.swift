import Foundation
import Search

/// Times the named steps of a build, for `build --timings`.
struct StageClock {
    private let start = Date()
    private var timer = StepTimer()
    private(set) var stages: [BuildReport.Stage] = []

    /// Ends `step`, timed from the end of the one before.
    mutating func lap(_ step: BuildStep) {
        lap(step.name)
    }

    mutating func lap(_ name: String) {
        let time = timer.lap()
        stages.append(BuildReport.Stage(name: name, seconds: time.seconds, processorSeconds: time.processorSeconds))
    }

    /// Adds the parts of the step just timed (shown indented beneath it).
    mutating func detail(_ parts: [BuildReport.Stage]) {
        stages += parts.map { BuildReport.Stage(name: $0.name, seconds: $0.seconds, processorSeconds: $0.processorSeconds, depth: $0.depth + 1) }
    }

    /// Adds steps timed elsewhere, just now, as this clock's own; the next starts from now.
    mutating func record(_ timed: [BuildReport.Stage]) {
        stages += timed
        _ = timer.lap()
    }

    var total: Double { Date().timeIntervalSince(start) }
}
