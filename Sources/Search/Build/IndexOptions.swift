/// The knobs of an index build. The defaults are what `broadsheet build` uses; tests
/// turn them down to exercise every file kind on a handful of documents.
public struct IndexOptions: Sendable, Equatable {
    /// Results kept per term, best first, with their excerpts: a one-word query's
    /// first page, answered from the term's dictionary entry alone.
    public var topCount = 10
    /// Words either side of a match in a stored excerpt.
    public var excerptRadius = 4
    /// Values per facet kind kept in a term's precomputed facet counts.
    public var facetValues = 10
    /// The most files the whole index may have; nil for `documents / 50 + 20`, the limit
    /// a static host with a file quota can live with.
    public var fileLimit: Int?

    public init() {}

    /// BM25 term-frequency saturation.
    public static let k1 = 1.2
    /// BM25 length normalisation.
    public static let b = 0.75
}
