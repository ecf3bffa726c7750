import Foundation

/// What one index build keeps for the next, so that `serve` can rebuild the index after
/// an edit by weighing again only the terms the edited issues hold, and compressing
/// again only the files whose contents changed.
///
/// The result is always the index a fresh build of the same documents would make, byte
/// for byte (`IncrementalIndexTests`). When an edit moves something every term depends
/// on (the number or order of documents, the facet lists, a rounded average field length
/// or the impact scale), the build starts over from the documents and the memory with it.
///
/// One build at a time uses a memory (`serve` builds one after another); the lock only
/// keeps a stray second caller from seeing half an update.
public final class IndexMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var state: IndexState?
    private var files: [String: (payload: [UInt8], contents: [UInt8])] = [:]
    private var lastBuild = IndexBuildKind.none
    private var compressed = 0

    public init() {}

    /// How the last build went: started over, or which terms it weighed again.
    public var lastBuildKind: IndexBuildKind { lock.withLock { lastBuild } }

    var previous: IndexState? { lock.withLock { state } }

    func keep(_ next: IndexState, kind: IndexBuildKind) {
        lock.withLock {
            state = next
            lastBuild = kind
        }
    }

    /// The finished file made from `payload` last time under `name`, if the payload is the same.
    func file(_ name: String, payload: [UInt8]) -> [UInt8]? {
        guard let last = lock.withLock({ files[name] }), last.payload.count == payload.count else { return nil }
        let same = last.payload.withUnsafeBytes { old in payload.withUnsafeBytes { new in old.count == 0 || memcmp(old.baseAddress!, new.baseAddress!, old.count) == 0 } }
        return same ? last.contents : nil
    }

    /// Keeps the files of the index just laid out (and forgets the rest); `compressed` of
    /// them were new.
    func keepFiles(_ made: [(name: String, payload: [UInt8], contents: [UInt8])], compressed: Int) {
        var next: [String: (payload: [UInt8], contents: [UInt8])] = [:]
        for file in made { next[file.name] = (file.payload, file.contents) }
        lock.withLock {
            files = next
            self.compressed = compressed
        }
    }

    /// How many files the last layout compressed, its others being the same as before.
    public var filesCompressed: Int { lock.withLock { compressed } }
}

/// How an index build went, for tests and `--timings`.
public enum IndexBuildKind: Sendable, Equatable {
    /// No build yet.
    case none
    /// Every document analysed and every term weighed, with the reason.
    case whole(reason: String)
    /// Only `terms` terms made again, for `documents` changed documents; `patched` of them
    /// by changing only the changed documents' postings (`TermPatch`).
    case changed(documents: Int, terms: Int, patched: Int)
}

/// The state of the index after a build: the analysis it was made from and what it made.
struct IndexState: Sendable {
    let options: IndexOptions
    /// Newest first, as numbered in the index.
    let documents: [SearchDocument]
    let things: [NamedThing]
    /// The analysis of every document as the last whole build read it; documents changed
    /// since are in `replaced` instead.
    let base: CollectedPostings
    /// Each changed document's analysis, by document id.
    let replaced: [Int: SingleDocumentAnalysis]
    /// Tokens per field, `SearchField.allCases.count` values per document (as they are now).
    let lengths: [Int32]
    /// The weigher's rounded averages and the rounded highest weight the impacts are scaled by.
    let averages: [Double]
    let highest: Double
    let facets: DocumentFacets
    /// Sorted by the stem's UTF-8 bytes.
    let terms: [TermRecord]
    /// Each term's highest weight, by place in `terms`.
    let highestWeights: [Double]
    let fallbackExcerpts: [String]
}
