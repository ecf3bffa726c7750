import Archive
import Foundation
import Output

/// What `serve` keeps from one build to the next, so that a rebuild after an edit redoes only
/// what the edit touched: issues whose files did not change are not read or parsed again
/// (`IssueCache`), cross-references whose inputs did not change are taken over, pages and
/// feeds whose fingerprints (`PageFingerprint`) did not change are not rendered again, and
/// only files whose bytes changed are written (`InPlaceOutput`).
///
/// A build with a memory writes into the memory's folder in place, not through a staging
/// folder, so it is only for a folder of the caller's own. The result is byte for byte what
/// a full build of the same content writes (`RebuildTests`). One build at a time.
public final class BuildMemory: @unchecked Sendable {
    /// Issues parsed by earlier builds.
    public let issues = IssueCache()
    /// The folder builds update.
    let output: InPlaceOutput
    private let lock = NSLock()
    private var archive: NewsletterArchive?
    /// Fingerprint of each page and feed in the folder, by output path.
    private var fingerprints: [String: Int] = [:]
    private var rendered = 0

    /// A memory for builds into `folder`, which must be empty or missing.
    public init(folder: URL) throws {
        output = try InPlaceOutput(destination: folder)
    }

    /// Pages and feeds the last build rendered, of all it has (the rest were unchanged).
    public var lastRendered: Int { lock.withLock { rendered } }

    /// Removes the folder where written files wait (the output folder stays).
    public func close() { output.close() }

    var previousArchive: NewsletterArchive? { lock.withLock { archive } }

    /// Whether the file at `path` holds what `fingerprint` stands for, so need not be made again.
    func isCurrent(_ path: String, fingerprint: Int) -> Bool {
        lock.withLock { fingerprints[path] == fingerprint } && output.contains(path)
    }

    /// Records what the build that just committed made.
    func remember(_ archive: NewsletterArchive, fingerprints: [String: Int], rendered: Int) {
        lock.withLock {
            self.archive = archive
            self.fingerprints = fingerprints
            self.rendered = rendered
        }
    }
}
