/// One matching document and how well it matches.
public struct SearchHit: Sendable, Equatable {
    /// The document's id (its place in the order the documents were indexed).
    public var document: Int
    /// BM25F relevance, with the proximity bonus and typo discount applied.
    public var score: Double
}

/// How results are ordered.
public enum SearchOrder: String, Sendable, CaseIterable {
    /// Best match first; ties newest first.
    case relevance
    /// Newest first; ties best match first.
    case date
}
