import Archive
import Foundation

/// What to build, and how.
public struct BuildOptions: Sendable {
    /// The archive's root folder (holds `content/`, maybe `templates/`).
    public var root: URL
    /// Where the site goes; replaced whole, and only when the build succeeds.
    public var output: URL
    /// Include issues marked `draft: true`.
    public var includeDrafts: Bool
    /// Include issues dated after today (`--future`), for a preview of what is scheduled.
    public var includeFuture = false
    /// The date after which issues are in the future (`YYYY-MM-DD`); nil for this machine's today.
    public var today: String?
    /// Write relative links with explicit `index.html`, for browsing from `file://`.
    public var offline: Bool
    /// The theme folder; nil finds one with `Theme.locate(root:)`.
    public var themeDirectory: URL?
    /// Replace an output folder that Broadsheet did not build (its files are moved
    /// aside, not deleted). Never allows the root, `content/` or `templates/`.
    public var force: Bool
    /// Treat every warning as an error, for CI.
    public var strict: Bool
    /// Links and feeds use this instead of `site.yml`'s `base_url`: `broadsheet serve` points
    /// them at the preview's own address, so a preview never links to the published site.
    public var baseURL: String?
    /// What `serve` keeps between builds: with it, a build updates the memory's folder in
    /// place (which must be `output`) and redoes only what changed (see `BuildMemory`).
    public var memory: BuildMemory?
    /// Called during an in-place build (with `memory`) once its pages and feeds are in place,
    /// before the search index is brought up to date: `serve` reloads open pages then.
    public var pagesInPlace: (@Sendable () -> Void)?
    /// Asked during an in-place build's search index (with `memory`); when it says yes, the
    /// build leaves the index as it was and returns (`BuildReport.searchIndexLeftForLater`):
    /// `serve` says yes when a newer edit is waiting, so that its pages need not wait for an
    /// index already out of date. The next build makes the index.
    public var stopIndexing: (@Sendable () -> Bool)?

    /// Options with the CLI's defaults: output `ROOT/site`, no drafts, served links.
    public init(root: URL, output: URL? = nil, includeDrafts: Bool = false, offline: Bool = false,
                themeDirectory: URL? = nil, force: Bool = false, strict: Bool = false, baseURL: String? = nil) {
        self.root = root.standardizedFileURL
        self.output = (output ?? root.appendingPathComponent("site")).standardizedFileURL
        self.includeDrafts = includeDrafts
        self.offline = offline
        self.themeDirectory = themeDirectory
        self.force = force
        self.strict = strict
        self.baseURL = baseURL
    }
}

/// What a finished build made, for the summary line.
public struct BuildReport: Sendable {
    public var issues: Int
    public var pages: Int
    public var otherFiles: Int
    public var seconds: Double
    public var output: URL
    /// How long each named step took, in order.
    public var stages: [Stage] = []
    /// Where `--force` moved the files of a folder Broadsheet had not built, if it did.
    public var setAside: URL?
    /// What of the previous output could not be cleaned up after the swap, and why.
    public var leftover: String?
    /// Files an in-place build (`BuildOptions.memory`) wrote or removed; nil for a whole build.
    public var changedFiles: Int?
    /// True when an in-place build stopped before its search index (`BuildOptions.stopIndexing`).
    public var searchIndexLeftForLater = false
    /// The drafts and future issues left out, and the date that made an issue future.
    public var leftOut = LeftOut()
    public var today = ""

    /// One named step of the build and its duration; a step with `depth` 1 is a part of
    /// the step of depth 0 before it (so the top-level steps add up to the whole build).
    /// `processorSeconds` is the CPU time the whole process spent in it (all threads, user
    /// and system): against `seconds` it shows how well the step uses every core.
    public struct Stage: Sendable {
        public var name: String
        public var seconds: Double
        public var processorSeconds: Double
        public var depth = 0
    }

    /// One line per step, for `--timings`: `   0.004 s  load theme  (cpu 0.00 s)`, a part of a
    /// step indented under it.
    public var timingLines: [String] {
        stages.map { stage in
            String(repeating: "    ", count: stage.depth)
                + String(format: "%8.3f s  %@  (cpu %.2f s)", stage.seconds, stage.name, stage.processorSeconds)
        }
    }

    /// `Left out 1 draft (--drafts builds it).`, or nil when nothing was left out.
    public var leftOutLine: String? { leftOut.line(today: today) }

    /// `Built 5 issues into 27 pages in 0.12 s → site/`.
    public var summaryLine: String {
        let time = seconds < 10 ? String(format: "%.2f", seconds) : String(format: "%.1f", seconds)
        return "Built \(issues) issue\(issues == 1 ? "" : "s") into \(pages) page\(pages == 1 ? "" : "s") in \(time) s → \(output.path)"
    }
}

/// A step of the build, reported as it goes so a long build shows progress.
public struct BuildProgress: Sendable {
    /// The step's name (`BuildStep.name`), as `--timings` prints it.
    public var stage: String
    public var done: Int
    /// 0 when the stage has no count.
    public var total: Int

    /// Progress of `step`: `done` of `total` things (0 of 0 for a step with no count).
    public init(_ step: BuildStep, done: Int = 0, total: Int = 0) {
        self.stage = step.name
        self.done = done
        self.total = total
    }
}
