/// The index's first file: how many documents, how the other files are cut, and the
/// facet values (tags, entities, years) that ids elsewhere point into.
public struct IndexManifest: Sendable, Equatable {
    public var documentCount: Int
    /// Results stored per term (`IndexOptions.topCount`).
    public var topCount: Int
    /// Values kept per facet kind (`IndexOptions.facetValues`).
    public var facetValues: Int
    /// Each term shard's first key.
    var shardBounds: [[UInt8]]
    /// Each postings file's payload length.
    var postingsLengths: [Int]
    /// Each positions file's payload length.
    var positionsLengths: [Int]
    public var postingsFiles: Int { postingsLengths.count }
    public var positionsFiles: Int { positionsLengths.count }
    public var documentsPerChunk: Int
    public var excerptsPerChunk: Int
    public var facetsPerChunk: Int
    public var tags: [SearchLabel]
    public var entities: [NamedThing]
    public var years: [Int]

    public var termShards: Int { shardBounds.count }

    init(payload: [UInt8]) throws(IndexFormatError) {
        var reader = ByteReader(payload)
        documentCount = try reader.varint()
        topCount = try reader.varint()
        facetValues = try reader.varint()
        let shardCount = try reader.count()
        guard shardCount > 0 else { throw IndexFormatError("manifest.js lists no term shards") }
        shardBounds = []
        for _ in 0..<shardCount { shardBounds.append(try reader.blob()) }
        guard shardBounds[0].isEmpty else { throw IndexFormatError("manifest.js: the first term shard does not start at the beginning") }
        postingsLengths = []
        for _ in 0..<(try reader.count()) { postingsLengths.append(try reader.varint()) }
        positionsLengths = []
        for _ in 0..<(try reader.count()) { positionsLengths.append(try reader.varint()) }
        documentsPerChunk = try reader.varint()
        excerptsPerChunk = try reader.varint()
        facetsPerChunk = try reader.varint()
        guard documentCount == 0 || (documentsPerChunk > 0 && excerptsPerChunk > 0 && facetsPerChunk > 0) else {
            throw IndexFormatError("manifest.js: a chunk size of 0")
        }
        tags = []
        for _ in 0..<(try reader.count(minimumBytesEach: 2)) {
            tags.append(SearchLabel(slug: try reader.string(), name: try reader.string()))
        }
        entities = []
        for _ in 0..<(try reader.count(minimumBytesEach: 5)) {
            let key = try reader.string(), kind = try reader.string(), mentions = try reader.varint(), url = try reader.string()
            var names: [String] = []
            for _ in 0..<(try reader.count()) { names.append(try reader.string()) }
            entities.append(NamedThing(names: names, key: key, kind: kind, mentions: mentions, url: url))
        }
        years = []
        for _ in 0..<(try reader.count()) { years.append(try reader.varint()) }
        guard reader.atEnd else { throw IndexFormatError("manifest.js has bytes after its end") }
    }
}
