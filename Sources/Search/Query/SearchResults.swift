/// What a search found: the entity the query names (if any), the best documents, how
/// many matched in all, facet counts over every match, and what the parser ignored.
public struct SearchResults: Sendable, Equatable {
    /// The named thing the query names, shown first as a card.
    public var entity: NamedThing?
    /// The best `limit` documents, best (or newest) first.
    public var hits: [SearchHit] = []
    /// How many documents matched.
    public var total = 0
    public var facets = Facets()
    /// What the parser ignored and why.
    public var notes: [String] = []
    /// With no results: the query with a word replaced by a close one the index has.
    public var suggestion: String?
    /// Every stem the query matched on, for marking words in titles and excerpts.
    public var matchedStems: [String] = []

    /// Facet values with their counts over every match, largest first.
    public struct Facets: Sendable, Equatable {
        public var tags: [(label: SearchLabel, count: Int)] = []
        public var entities: [(thing: NamedThing, count: Int)] = []
        public var years: [(year: Int, count: Int)] = []

        public static func == (a: Facets, b: Facets) -> Bool {
            a.tags.map(\.label) == b.tags.map(\.label) && a.tags.map(\.count) == b.tags.map(\.count)
                && a.entities.map(\.thing.key) == b.entities.map(\.thing.key) && a.entities.map(\.count) == b.entities.map(\.count)
                && a.years.map(\.year) == b.years.map(\.year) && a.years.map(\.count) == b.years.map(\.count)
        }
    }
}

/// One matching document, as a result shows it.
public struct SearchHit: Sendable, Equatable {
    /// Its id: its place, newest first, among the indexed documents.
    public var document: Int
    /// Sum over the query's words of the best stored impact (BM25F, in 1/255ths of the
    /// archive's highest), discounted for prefix and typo matches, times the bonus for
    /// words standing close together.
    public var score: Double
    public var title: String
    public var url: String
    public var date: String
    public var tags: [SearchLabel]
    /// Words around a match, plain text, with "…" where cut.
    public var excerpt: String
}

/// How results are ordered.
public enum SearchOrder: String, Sendable, CaseIterable {
    /// Best match first; ties newest first.
    case relevance
    /// Newest first; ties best match first.
    case date
}
