import Archive
import Foundation
import Output
import Parallel
import Search

/// What `serve` keeps from one build to the next, so that a rebuild after an edit redoes only
/// what the edit touched: issues whose files did not change are not read or parsed again
/// (`IssueCache`), cross-references whose inputs did not change are taken over, pages and
/// feeds whose fingerprints (`PageFingerprint`) did not change are not rendered again, the
/// search index weighs again only the terms of changed issues (`IndexMemory`), and only
/// files whose bytes changed are written (`InPlaceOutput`).
///
/// A build with a memory writes into the memory's folder in place, not through a staging
/// folder, so it is only for a folder of the caller's own. The result is byte for byte what
/// a full build of the same content writes (`RebuildTests`). One build at a time.
public final class BuildMemory: @unchecked Sendable {
    /// Issues parsed by earlier builds.
    public let issues = IssueCache()
    /// The folder builds update.
    let output: InPlaceOutput
    /// The search index the last build made, to make the next from.
    public let searchIndex = IndexMemory()
    private let lock = NSLock()
    private var archive: NewsletterArchive?
    /// Fingerprint of each page and feed in the folder, by output path.
    private var fingerprints: [String: Int] = [:]
    private var rendered = 0
    private var digestsBySource: [Int: PageFingerprint.IssueDigests] = [:]
    private var digestsLinking: Int?
    private var documentsBySource: [Int: SearchDocument] = [:]
    private var documentsLinking: Int?

    /// A memory for builds into `folder`, which must be empty or missing.
    public init(folder: URL) throws {
        output = try InPlaceOutput(destination: folder)
    }

    /// Pages and feeds the last build rendered, of all it has (the rest were unchanged).
    public var lastRendered: Int { lock.withLock { rendered } }

    /// Ends builds into the folder: a build still running fails at its next write instead of
    /// writing there, and the folder where written files wait is removed (the output stays).
    public func close() { output.close() }

    var previousArchive: NewsletterArchive? { lock.withLock { archive } }

    /// The digests of each issue, newest first; those of an issue seen before are taken from
    /// the last build rather than hashed again, unless the mention linking (`linking`: the
    /// registry and link policy, hashed) changed, which changes issues whose text did not.
    func digests(of issues: [Issue], linking: Int) -> [PageFingerprint.IssueDigests] {
        let known = lock.withLock {
            if linking != digestsLinking { digestsBySource = [:] }
            digestsLinking = linking
            return digestsBySource
        }
        // By index: a closure taking each issue would copy it.
        let digests = (try? Array(issues.indices).concurrentMap { index in
            issues[index].sourceDigest.flatMap { known[$0] } ?? PageFingerprint.IssueDigests(issues[index])
        }) ?? issues.map(PageFingerprint.IssueDigests.init)
        var next: [Int: PageFingerprint.IssueDigests] = [:]
        next.reserveCapacity(issues.count)
        for index in issues.indices { if let source = issues[index].sourceDigest { next[source] = digests[index] } }
        lock.withLock { digestsBySource = next }
        return digests
    }

    /// What each issue gives the search index, newest first; that of an issue seen before is
    /// taken from the last build (same source, same `linking`) rather than made again. Its
    /// strings are then the very ones the index memory holds, so comparing them is quick.
    func searchDocuments(of archive: NewsletterArchive, linking: Int) -> [SearchDocument] {
        let known = lock.withLock {
            if linking != documentsLinking { documentsBySource = [:] }
            documentsLinking = linking
            return documentsBySource
        }
        let documents = SearchDocuments.make(archive) { known[$0] }
        var next: [Int: SearchDocument] = [:]
        next.reserveCapacity(documents.count)
        for index in archive.issues.indices { if let source = archive.issues[index].sourceDigest { next[source] = documents[index] } }
        lock.withLock { documentsBySource = next }
        return documents
    }

    /// The fingerprints of the files the last build made, by output path: a file whose new
    /// fingerprint is the same holds what it stands for, so need not be made again.
    var lastFingerprints: [String: Int] { lock.withLock { fingerprints } }

    /// Records what the build that just committed made.
    func remember(_ archive: NewsletterArchive, fingerprints: [String: Int], rendered: Int) {
        lock.withLock {
            self.archive = archive
            self.fingerprints = fingerprints
            self.rendered = rendered
        }
    }
}
