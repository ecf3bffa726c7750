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
    /// The most files the whole index may have (at least 9: a file of each kind, the
    /// manifest, the page and its script); nil for `documents / 50 + 20`, the limit
    /// a static host with a file quota can live with.
    public var fileLimit: Int?
    /// Documents per documents, excerpts and facets chunk, in place of the layout's
    /// choice (which gives a small archive a single chunk of each); nil to let the layout
    /// choose. The test fixtures set it so that both engines read ids past the first
    /// chunk. Small values can take the index past its file limit.
    public var documentsPerChunk: Int?

    public init() {}

    /// BM25 term-frequency saturation.
    public static let k1 = 1.2
    /// BM25 length normalisation: 1, full normalisation, rather than the textbook 0.75.
    /// Measured with `scripts/search-eval.py` on this-week-in-rust (issues run from a few
    /// hundred to several thousand words): known-item MRR@10 on the mid-frequency set rose
    /// by about 0.02–0.03 on each seed tried, and the rare set did not move, because a long
    /// issue that mentions a word in passing no longer outranks a short one about it.
    public static let b = 1.0
}
