/// One thing to index: plain text by field, and the values filters need.
///
/// The search module knows nothing of newsletters; the site hands it documents.
public struct SearchDocument: Sendable, Equatable {
    /// Text of each field (plain text, no markup).
    public var fields: [SearchField: String]
    /// `YYYY-MM-DD`, for `year:`, `after:`, `before:` and date sorting.
    public var date: String
    /// Tag slugs, for `tag:` and facets.
    public var tags: [String]
    /// Entity slugs, for `entity:` and facets.
    public var entities: [String]

    /// A document.
    public init(fields: [SearchField: String], date: String, tags: [String] = [], entities: [String] = []) {
        self.fields = fields
        self.date = date
        self.tags = tags
        self.entities = entities
    }
}
