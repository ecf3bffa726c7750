/// One stem's entry in a term shard: its forms, how many documents hold it, its best
/// documents with their excerpts, its facet counts, and where its full postings and
/// positions are.
public struct TermEntry: Sendable, Equatable {
    public var stem: String
    public var forms: [String]
    public var documentFrequency: Int
    /// Best first; every document when there are no more than the manifest's `topCount`.
    public var top: [TopHit]
    public var facets: FacetCounts
    /// Where the rest is, when `top` does not hold every document.
    var postings: IndexWriter.BlobReference?
    var positions: IndexWriter.BlobReference

    /// Whether `top` holds every document with the stem.
    public var topIsComplete: Bool { postings == nil }
}

/// A decoded term shard: its entries by stem, and forms whose stems live in another shard.
struct TermShard: Sendable {
    var entries: [String: TermEntry] = [:]
    /// Stems in stored order (by UTF-8 bytes), for scans.
    var stems: [String] = []
    var aliases: [(form: String, stem: String)] = []

    init(payload: [UInt8], number: Int, manifest: IndexManifest) throws(IndexFormatError) {
        let name = IndexWriter.name("terms", number)
        func fail(_ message: String) -> IndexFormatError { IndexFormatError("\(name).js: \(message)") }
        var reader = ByteReader(payload)
        guard try reader.varint() == number else { throw fail("holds another shard's number") }
        let count = try reader.count(minimumBytesEach: 8)
        for _ in 0..<count {
            let stem = try reader.string()
            var forms: [String] = []
            for _ in 0..<(try reader.count()) { forms.append(try reader.string()) }
            let frequency = try reader.varint()
            let topCount = try reader.count(minimumBytesEach: 2)
            guard topCount <= manifest.topCount, topCount == min(frequency, manifest.topCount) else {
                throw fail("'\(stem)' has \(topCount) best documents of \(frequency)")
            }
            var top: [TopHit] = []
            for _ in 0..<topCount {
                let document = try reader.varint()
                guard document < manifest.documentCount else { throw fail("'\(stem)' names document \(document) of \(manifest.documentCount)") }
                top.append(TopHit(document: document, impact: try reader.byte(), excerpt: ""))
            }
            for index in top.indices { top[index].excerpt = try reader.string() }
            var facets = FacetCounts()
            for (kind, limit) in [manifest.tags.count, manifest.entities.count, manifest.years.count].enumerated() {
                var counts: [FacetCounts.Count] = []
                for _ in 0..<(try reader.count(minimumBytesEach: 2)) {
                    let id = try reader.varint()
                    guard id < limit else { throw fail("'\(stem)' counts a facet value that does not exist") }
                    counts.append(FacetCounts.Count(id: id, count: try reader.varint()))
                }
                switch kind {
                case 0: facets.tags = counts
                case 1: facets.entities = counts
                default: facets.years = counts
                }
            }
            var postings: IndexWriter.BlobReference?
            if frequency > manifest.topCount {
                postings = try Self.reference(&reader, files: manifest.postingsFiles, what: "postings", stem: stem, fail: fail)
            }
            let positions = try Self.reference(&reader, files: manifest.positionsFiles, what: "positions", stem: stem, fail: fail)
            guard entries[stem] == nil else { throw fail("'\(stem)' appears twice") }
            entries[stem] = TermEntry(stem: stem, forms: forms, documentFrequency: frequency, top: top, facets: facets,
                                      postings: postings, positions: positions)
            stems.append(stem)
        }
        for _ in 0..<(try reader.count(minimumBytesEach: 2)) {
            aliases.append((try reader.string(), try reader.string()))
        }
        guard reader.atEnd else { throw fail("bytes after its end") }
    }

    private static func reference(_ reader: inout ByteReader, files: Int, what: String, stem: String,
                                  fail: (String) -> IndexFormatError) throws(IndexFormatError) -> IndexWriter.BlobReference {
        let file = try reader.varint(), offset = try reader.varint(), length = try reader.varint()
        guard file < files else { throw fail("'\(stem)' points at \(what) file \(file) of \(files)") }
        return IndexWriter.BlobReference(file: file, offset: offset, length: length)
    }
}

/// A stem's positions blob, read: each document's token positions, and which of the
/// stem's forms each document has.
public struct TermPositions: Sendable, Equatable {
    /// Forms past this many (in `TermEntry.forms` order) have no bit in a mask.
    public static let maskedForms = 31
    /// Per document, in id order: its token positions, ascending.
    public var lists: [[Int32]] = []
    /// Per document, in id order, when the stem has two forms or more: bit i set when
    /// the document has `forms[i]` (for i below `maskedForms`). Empty otherwise.
    public var formMasks: [UInt32] = []
}
