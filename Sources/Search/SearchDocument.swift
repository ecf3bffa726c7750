/// One thing to index: plain text by field, and what a result and the filters show.
///
/// The search module knows nothing of newsletters; the site hands it documents.
public struct SearchDocument: Sendable, Equatable {
    /// Text of each field (plain text, no markup).
    public var fields: [SearchField: String]
    /// `YYYY-MM-DD`, for `year:`, `after:`, `before:` and date order.
    public var date: String
    /// Where a result links to, relative to the site's root (`issues/some-slug/`).
    public var url: String
    /// Tags, for `tag:`, facets and the result line.
    public var tags: [SearchLabel]
    /// Slugs of the named things it mentions (`NamedThing.key`), for `entity:` and facets.
    public var entities: [String]

    /// A document.
    public init(fields: [SearchField: String], date: String, url: String = "", tags: [SearchLabel] = [], entities: [String] = []) {
        self.fields = fields
        self.date = date
        self.url = url
        self.tags = tags
        self.entities = entities
    }

    /// The title, as results show it.
    public var title: String { fields[.title] ?? "" }
}

/// A tag or other facet value: the slug filters match, the name readers see.
public struct SearchLabel: Sendable, Equatable, Hashable {
    public var slug: String
    public var name: String

    public init(slug: String, name: String) {
        self.slug = slug
        self.name = name
    }
}
