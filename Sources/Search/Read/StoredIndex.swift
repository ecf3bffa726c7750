import Foundation

/// A stored index, read lazily: the manifest at once, every other file the first
/// time a query needs it. The same files, read the same way, as the browser engine.
///
/// Every file is checked as it is read (`IndexFile.unwrap`, then each kind's own
/// checks), so a damaged or truncated file is an `IndexFormatError`, never a crash
/// or a wrong answer.
public final class StoredIndex: @unchecked Sendable {
    public let manifest: IndexManifest
    private let source: IndexSource
    private let lock = NSLock()
    private var shards: [Int: TermShard] = [:]
    private var blobFiles: [String: [UInt8]] = [:]
    private var documentChunks: [Int: [StoredDocument]] = [:]
    private var excerptChunks: [Int: [String]] = [:]
    private var facetChunks: [Int: [StoredFacets]] = [:]
    /// Each file read so far and its size on disk, for measuring what a query costs.
    public private(set) var filesRead: [String: Int] = [:]

    /// Opens the index in `source`, reading its manifest.
    public init(source: IndexSource) throws {
        self.source = source
        let text = try source.read("manifest")
        filesRead["manifest"] = text.count
        manifest = try IndexManifest(payload: try IndexFile.unwrap(text, name: "manifest", kind: .manifest))
    }

    private func payload(_ name: String, _ kind: IndexFileKind) throws -> [UInt8] {
        let text = try source.read(name)
        lock.withLock { filesRead[name] = text.count }
        return try IndexFile.unwrap(text, name: name, kind: kind)
    }

    private func cached<Value>(_ get: () -> Value?, _ load: () throws -> Value, _ store: (Value) -> Void) throws -> Value {
        if let value = lock.withLock(get) { return value }
        let value = try load()
        lock.withLock { store(value) }
        return value
    }

    // MARK: Terms

    func shard(_ number: Int) throws -> TermShard {
        try cached({ shards[number] }, {
            try TermShard(payload: try payload(IndexWriter.name("terms", number), .terms), number: number, manifest: manifest)
        }, { shards[number] = $0 })
    }

    func shardNumber(for word: String) -> Int {
        IndexShards.shard(for: Array(word.utf8), bounds: manifest.shardBounds)
    }

    /// The entry for `stem`, or nil when no document has it.
    public func entry(_ stem: String) throws -> TermEntry? {
        try shard(shardNumber(for: stem)).entries[stem]
    }

    /// The shards that can hold a word beginning with `byte`.
    func shardNumbers(startingWith byte: UInt8) -> ClosedRange<Int> {
        let first = IndexShards.shard(for: [byte], bounds: manifest.shardBounds)
        let last = IndexShards.shard(for: [byte, 0xFF, 0xFF, 0xFF], bounds: manifest.shardBounds)
        return first...last
    }

    // MARK: Postings and positions

    private func blob(_ kind: String, _ fileKind: IndexFileKind, _ reference: IndexWriter.BlobReference) throws -> [UInt8] {
        let name = IndexWriter.name(kind, reference.file)
        let expected = (fileKind == .postings ? manifest.postingsLengths : manifest.positionsLengths)[reference.file]
        let data = try cached({ blobFiles[name] }, {
            let data = try payload(name, fileKind)
            guard data.count == expected else { throw IndexFormatError("\(name).js holds \(data.count) bytes where the manifest says \(expected)") }
            return data
        }, { blobFiles[name] = $0 })
        guard reference.offset <= data.count, reference.length <= data.count - reference.offset else {
            throw IndexFormatError("\(name).js is shorter than the terms say")
        }
        return Array(data[reference.offset..<(reference.offset + reference.length)])
    }

    /// Every document with the entry's stem, in id order, with its impact.
    public func postings(_ entry: TermEntry) throws -> [(document: Int, impact: UInt8)] {
        guard let reference = entry.postings else {
            return entry.top.map { ($0.document, $0.impact) }.sorted { $0.0 < $1.0 }
        }
        let bytes = try blob("postings", .postings, reference)
        guard let coding = bytes.first, coding <= 1, bytes.count >= 1 + entry.documentFrequency else {
            throw IndexFormatError("the postings of '\(entry.stem)' are damaged")
        }
        let impacts = bytes.suffix(entry.documentFrequency)
        let ids = try (coding == 0 ? PostingCoding.gaps : .bitmap)
            .decode(Array(bytes[1..<(bytes.count - entry.documentFrequency)]), count: entry.documentFrequency, universe: manifest.documentCount)
        return zip(ids, impacts).map { ($0, $1) }
    }

    /// Each document's token positions for the entry's stem, in id order (as `postings`),
    /// and when the stem has more than one form, which of them each document has.
    public func positions(_ entry: TermEntry) throws -> TermPositions {
        var reader = ByteReader(try blob("positions", .positions, entry.positions))
        let hasForms = entry.forms.count > 1
        let maskLimit = 1 << min(entry.forms.count, TermPositions.maskedForms)
        var result = TermPositions()
        for _ in 0..<entry.documentFrequency {
            var list: [Int32] = []
            var previous = -1
            for _ in 0..<(try reader.count()) {
                previous += 1 + (try reader.varint())
                guard previous <= Int32.max else { throw IndexFormatError("a position of '\(entry.stem)' is out of range") }
                list.append(Int32(previous))
            }
            result.lists.append(list)
            if hasForms {
                let mask = try reader.varint()
                guard mask < maskLimit, mask > 0 || entry.forms.count > TermPositions.maskedForms else { throw IndexFormatError("the positions of '\(entry.stem)' name a form it does not have") }
                result.formMasks.append(UInt32(mask))
            }
        }
        guard reader.atEnd else { throw IndexFormatError("the positions of '\(entry.stem)' are damaged") }
        return result
    }

    // MARK: Documents

    private func chunk<Value>(_ kind: String, _ fileKind: IndexFileKind, id: Int, size: Int, cache: ReferenceWritableKeyPath<StoredIndex, [Int: [Value]]>,
                              decode: (inout ByteReader) throws -> Value) throws -> Value {
        guard id >= 0, id < manifest.documentCount else { throw IndexFormatError("document \(id) of \(manifest.documentCount)") }
        let number = id / size
        let values = try cached({ self[keyPath: cache][number] }, {
            let name = IndexWriter.name(kind, number)
            var reader = ByteReader(try payload(name, fileKind))
            guard try reader.varint() == number * size else { throw IndexFormatError("\(name).js starts at the wrong document") }
            let count = try reader.count()
            guard count == min(size, manifest.documentCount - number * size) else { throw IndexFormatError("\(name).js holds \(count) documents") }
            var values: [Value] = []
            for _ in 0..<count { values.append(try decode(&reader)) }
            guard reader.atEnd else { throw IndexFormatError("\(name).js has bytes after its end") }
            return values
        }, { self[keyPath: cache][number] = $0 })
        return values[id - number * size]
    }

    private func ids(_ reader: inout ByteReader, below limit: Int) throws -> [Int] {
        var values: [Int] = []
        for _ in 0..<(try reader.count()) {
            let value = try reader.varint()
            guard value < limit else { throw IndexFormatError("a facet id \(value) of \(limit)") }
            values.append(value)
        }
        return values
    }

    /// What a result shows of document `id`.
    public func document(_ id: Int) throws -> StoredDocument {
        let tags = manifest.tags.count
        return try chunk("documents", .documents, id: id, size: manifest.documentsPerChunk, cache: \.documentChunks) { reader in
            StoredDocument(id: id, title: try reader.string(), url: try reader.string(), date: try reader.string(),
                           tags: try ids(&reader, below: tags))
        }
    }

    /// Document `id`'s excerpt when none of the query's terms has one stored.
    public func fallbackExcerpt(_ id: Int) throws -> String {
        try chunk("excerpts", .excerpts, id: id, size: manifest.excerptsPerChunk, cache: \.excerptChunks) { try $0.string() }
    }

    /// Document `id`'s date, tags and entities, for filters and facet counts.
    func facets(_ id: Int) throws -> StoredFacets {
        let tags = manifest.tags.count, entities = manifest.entities.count
        return try chunk("facets", .facets, id: id, size: manifest.facetsPerChunk, cache: \.facetChunks) { reader in
            StoredFacets(date: try reader.string(), tags: try ids(&reader, below: tags), entities: try ids(&reader, below: entities))
        }
    }
}

/// A document as a result shows it.
public struct StoredDocument: Sendable, Equatable {
    public var id: Int
    public var title: String
    public var url: String
    public var date: String
    /// Ids into the manifest's tags.
    public var tags: [Int]
}

/// A document's filterable values.
struct StoredFacets: Sendable, Equatable {
    var date: String
    var tags: [Int]
    var entities: [Int]
}
