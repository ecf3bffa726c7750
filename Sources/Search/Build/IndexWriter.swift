import Parallel

/// Lays a `BuiltIndex` out as files: the manifest, term shards by stem prefix,
/// postings and positions apart from the terms (so a one-word query never loads
/// them), document chunks, excerpt chunks and facet chunks. See docs/SEARCH-FORMAT.md.
public struct IndexWriter: Sendable {
    public init() {}

    /// Every file, by name (`terms-003` is written as `terms-003.js`), in a stable order.
    /// With `memory`, a file whose contents are the same as last time is taken from there
    /// rather than compressed again.
    public func files(for index: BuiltIndex, memory: IndexMemory? = nil) -> [(name: String, contents: [UInt8])] {
        let count = index.documents.count
        let limit = index.options.fileLimit ?? IndexLayout.fileLimit(documentCount: count)
        let postingsBytes = index.terms.reduce(0) { $0 + ($1.postings?.count ?? 0) }
        let positionsBytes = index.terms.reduce(0) { $0 + $1.positions.count }
        let termBytes = index.terms.reduce(0) { $0 + $1.stem.utf8.count + $1.excerptBytes + 3 * $1.top.count + 16 }
        let documentBytes = index.documents.reduce(0) { $0 + $1.title.utf8.count + $1.url.utf8.count + $1.date.utf8.count + 2 * $1.tags.count + 4 }
        let layout = IndexLayout(documentCount: count, termBytes: termBytes, documentBytes: documentBytes, postingsBytes: postingsBytes,
                                 positionsBytes: positionsBytes, limit: limit, resultsShown: index.options.topCount)

        var payloads: [(name: String, kind: IndexFileKind, payload: [UInt8])] = []
        let postings = Self.pack(index.terms.map(\.postings), into: layout.postings)
        let positions = Self.pack(index.terms.map { Optional($0.positions) }, into: layout.positions)
        for (number, data) in postings.files.enumerated() { payloads.append((Self.name("postings", number), .postings, data)) }
        for (number, data) in positions.files.enumerated() { payloads.append((Self.name("positions", number), .positions, data)) }

        let shards = Self.shardTerms(index.terms, into: layout.terms)
        var entries = Array(repeating: ByteWriter(), count: shards.bounds.count)
        var entryCounts = Array(repeating: 0, count: shards.bounds.count)
        var aliases = Array(repeating: [(form: String, stem: String)](), count: shards.bounds.count)
        for (id, term) in index.terms.enumerated() {
            let shard = shards.assignment[id]
            Self.encode(term, postings: postings.references[id], positions: positions.references[id]!,
                        topCount: index.options.topCount, into: &entries[shard])
            entryCounts[shard] += 1
            for form in term.forms {
                let formShard = IndexShards.shard(for: Array(form.utf8), bounds: shards.bounds)
                if formShard != shard { aliases[formShard].append((form, term.stem)) }
            }
        }
        for shard in shards.bounds.indices {
            var writer = ByteWriter()
            writer.varint(shard)
            writer.varint(entryCounts[shard])
            writer.raw(entries[shard].bytes)
            writer.varint(aliases[shard].count)
            for alias in aliases[shard] {
                writer.string(alias.form)
                writer.string(alias.stem)
            }
            payloads.append((Self.name("terms", shard), .terms, writer.bytes))
        }

        let fixed = index.options.documentsPerChunk.map { max(1, $0) }
        let documentChunk = fixed ?? (count + layout.documents - 1) / max(1, layout.documents)
        let excerptChunk = fixed ?? (count + layout.excerpts - 1) / max(1, layout.excerpts)
        let facetChunk = fixed ?? (count + layout.facets - 1) / max(1, layout.facets)
        for (number, range) in Self.chunks(count, size: documentChunk).enumerated() {
            var writer = ByteWriter()
            writer.varint(range.lowerBound)
            writer.varint(range.count)
            for id in range {
                let document = index.documents[id]
                writer.string(document.title)
                writer.string(document.url)
                writer.string(document.date)
                let tags = index.facets.of(id).tags
                writer.varint(tags.count)
                for tag in tags { writer.varint(Int(tag)) }
            }
            payloads.append((Self.name("documents", number), .documents, writer.bytes))
        }
        for (number, range) in Self.chunks(count, size: excerptChunk).enumerated() {
            var writer = ByteWriter()
            writer.varint(range.lowerBound)
            writer.varint(range.count)
            for id in range { writer.string(index.fallbackExcerpts[id]) }
            payloads.append((Self.name("excerpts", number), .excerpts, writer.bytes))
        }
        for (number, range) in Self.chunks(count, size: facetChunk).enumerated() {
            var writer = ByteWriter()
            writer.varint(range.lowerBound)
            writer.varint(range.count)
            for id in range {
                let facets = index.facets.of(id)
                writer.string(index.documents[id].date)
                writer.varint(facets.tags.count)
                for tag in facets.tags { writer.varint(Int(tag)) }
                writer.varint(facets.entities.count)
                for entity in facets.entities { writer.varint(Int(entity)) }
            }
            payloads.append((Self.name("facets", number), .facets, writer.bytes))
        }

        var manifest = ByteWriter()
        manifest.varint(count)
        manifest.varint(index.options.topCount)
        manifest.varint(index.options.facetValues)
        manifest.varint(shards.bounds.count)
        for bound in shards.bounds { manifest.blob(bound) }
        // The blob files' lengths, so a cut one is refused whichever term is read.
        manifest.varint(postings.files.count)
        for file in postings.files { manifest.varint(file.count) }
        manifest.varint(positions.files.count)
        for file in positions.files { manifest.varint(file.count) }
        for size in [documentChunk, excerptChunk, facetChunk] { manifest.varint(size) }
        manifest.varint(index.facets.tags.count)
        for tag in index.facets.tags {
            manifest.string(tag.slug)
            manifest.string(tag.name)
        }
        manifest.varint(index.facets.entities.count)
        for entity in index.facets.entities {
            manifest.string(entity.key)
            manifest.string(entity.kind)
            manifest.varint(entity.mentions)
            manifest.string(entity.url)
            manifest.varint(entity.names.count)
            for name in entity.names { manifest.string(name) }
        }
        manifest.varint(index.facets.years.count)
        for year in index.facets.years { manifest.varint(year) }
        payloads.insert(("manifest", .manifest, manifest.bytes), at: 0)

        let wrapped = (try? payloads.concurrentMap { file -> (contents: [UInt8], compressed: Bool) in
            if let kept = memory?.file(file.name, payload: file.payload) { return (kept, false) }
            return (IndexFile.wrap(name: file.name, kind: file.kind, payload: file.payload), true)
        }) ?? []
        memory?.keepFiles(zip(payloads, wrapped).map { ($0.name, $0.payload, $1.contents) }, compressed: wrapped.filter(\.compressed).count)
        return zip(payloads, wrapped).map { ($0.name, $1.contents) }
    }

    static func name(_ kind: String, _ number: Int) -> String {
        let digits = String(number)
        return "\(kind)-\(String(repeating: "0", count: max(0, 3 - digits.count)))\(digits)"
    }

    private static func chunks(_ count: Int, size: Int) -> [Range<Int>] {
        guard count > 0 else { return [] }
        return stride(from: 0, to: count, by: max(1, size)).map { $0..<min(count, $0 + max(1, size)) }
    }

    /// Where a term's blob is: file number, offset and length within it.
    struct BlobReference: Sendable, Equatable {
        var file: Int
        var offset: Int
        var length: Int
    }

    /// Concatenates blobs in order into `fileCount` files of about equal size.
    static func pack(_ blobs: [[UInt8]?], into fileCount: Int) -> (files: [[UInt8]], references: [BlobReference?]) {
        let total = blobs.reduce(0) { $0 + ($1?.count ?? 0) }
        guard total > 0, fileCount > 0 else { return ([], blobs.map { $0.map { _ in BlobReference(file: 0, offset: 0, length: 0) } }) }
        let target = (total + fileCount - 1) / fileCount
        var files: [[UInt8]] = [[]]
        var references: [BlobReference?] = []
        for blob in blobs {
            guard let blob else { references.append(nil); continue }
            if files[files.count - 1].count >= target, files.count < fileCount { files.append([]) }
            references.append(BlobReference(file: files.count - 1, offset: files[files.count - 1].count, length: blob.count))
            files[files.count - 1].append(contentsOf: blob)
        }
        return (files, references)
    }

    /// Cuts the sorted terms into shards of about equal size, never splitting a key.
    static func shardTerms(_ terms: [TermRecord], into shardCount: Int) -> (bounds: [[UInt8]], assignment: [Int]) {
        let sizes = terms.map { term in term.stem.utf8.count + term.excerptBytes + 4 * term.top.count + 24 }
        let total = sizes.reduce(0, +)
        let target = max(1, (total + shardCount - 1) / max(1, shardCount))
        var bounds: [[UInt8]] = [[]]
        var assignment: [Int] = []
        var current = 0
        var previousKey: [UInt8]?
        for (id, term) in terms.enumerated() {
            let key = IndexShards.key(Array(term.stem.utf8))
            if key != previousKey, current >= target, bounds.count < shardCount {
                bounds.append(key)
                current = 0
            }
            previousKey = key
            current += sizes[id]
            assignment.append(bounds.count - 1)
        }
        return (bounds, assignment)
    }

    private static func encode(_ term: TermRecord, postings: BlobReference?, positions: BlobReference, topCount: Int, into writer: inout ByteWriter) {
        writer.raw(term.head)
        if term.documentFrequency > topCount, let postings {
            for value in [postings.file, postings.offset, postings.length] { writer.varint(value) }
        }
        for value in [positions.file, positions.offset, positions.length] { writer.varint(value) }
    }
}

/// Which term shard holds a word: shards split the sorted keys (a stem's first three
/// UTF-8 bytes), and `bounds` holds each shard's first key.
enum IndexShards {
    static let keyLength = 3

    static func key(_ bytes: [UInt8]) -> [UInt8] { Array(bytes.prefix(keyLength)) }

    /// The last shard whose first key is at or before `word`'s key.
    static func shard(for word: [UInt8], bounds: [[UInt8]]) -> Int {
        let key = key(word)
        var low = 0, high = bounds.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if bounds[middle].lexicographicallyPrecedes(key) || bounds[middle] == key { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
