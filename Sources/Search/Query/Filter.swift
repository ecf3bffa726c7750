/// The filters of a query (`tag:`, `entity:`, `year:`, `after:`, `before:`) against
/// one document's stored facets.
///
/// A tag or entity value matches by slug, so `tag:"Data centres"`, `tag:data-centres`
/// and `tag:DATA-CENTRES` are the same; an entity also matches by any of its names.
/// A value that matches nothing in the archive matches no document.
struct Filter: Sendable {
    private let tags: [Set<Int>]
    private let entities: [Set<Int>]
    private let years: Set<Int>
    private let after: String?
    private let before: String?

    init(_ query: SearchQuery, manifest: IndexManifest) throws {
        let tagSlugs = manifest.tags.map { [Self.slug($0.slug), Self.slug($0.name)] }
        tags = query.tags.map { value in
            let wanted = Self.slug(value)
            return Set(tagSlugs.indices.filter { tagSlugs[$0].contains(wanted) })
        }
        let entityNames = manifest.entities.map { thing in [Self.slug(thing.key)] + thing.names.map(Self.slug) }
        entities = query.entities.map { value in
            let wanted = Self.slug(value)
            return Set(entityNames.indices.filter { entityNames[$0].contains(wanted) })
        }
        years = Set(query.years)
        after = query.after
        before = query.before
    }

    /// A filter value or name as a slug: `Data Centres` → `data-centres`.
    static func slug(_ text: String) -> String {
        Tokenizer().words(text).joined(separator: "-")
    }

    func passes(_ facets: StoredFacets) -> Bool {
        for wanted in tags where !facets.tags.contains(where: wanted.contains) { return false }
        for wanted in entities where !facets.entities.contains(where: wanted.contains) { return false }
        if !years.isEmpty, !years.contains(DocumentFacets.year(facets.date)) { return false }
        if let after, !(facets.date > after) { return false }
        if let before, !(facets.date < before) { return false }
        return true
    }
}
