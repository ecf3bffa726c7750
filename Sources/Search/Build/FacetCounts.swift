/// How many matching documents carry each tag, entity and year: the numbers beside
/// the facets on the search page.
///
/// Ids index the manifest's lists (`IndexManifest.tags`, `.entities`, `.years`).
/// Only the `limit` largest of each kind are kept, ties by id, so the engines agree
/// whether the counts were precomputed or counted at query time.
public struct FacetCounts: Sendable, Equatable {
    public var tags: [Count] = []
    public var entities: [Count] = []
    public var years: [Count] = []

    /// One facet value and how many documents have it.
    public struct Count: Sendable, Equatable {
        public var id: Int
        public var count: Int
    }

    public init() {}

    /// Counts over documents, given each document's facet ids.
    init<S: Sequence>(documents: S, limit: Int, tagCount: Int, entityCount: Int, yearCount: Int,
                      facets: (Int) -> (tags: ArraySlice<Int32>, entities: ArraySlice<Int32>, year: Int)) where S.Element == Int {
        var tags = [Int](repeating: 0, count: tagCount)
        var entities = [Int](repeating: 0, count: entityCount)
        var years = [Int](repeating: 0, count: yearCount)
        for document in documents {
            let values = facets(document)
            for tag in values.tags { tags[Int(tag)] += 1 }
            for entity in values.entities { entities[Int(entity)] += 1 }
            years[values.year] += 1
        }
        self.tags = Self.top(tags, limit)
        self.entities = Self.top(entities, limit)
        self.years = Self.top(years, limit)
    }

    /// The `limit` largest nonzero counts, largest first, ties by id.
    /// The counts over `documents` of an index being built.
    init(documents: [Int], limit: Int, facets: DocumentFacets) {
        var tags = [Int](repeating: 0, count: facets.tags.count)
        var entities = [Int](repeating: 0, count: facets.entities.count)
        var years = [Int](repeating: 0, count: facets.years.count)
        facets.tally(documents, tags: &tags, entities: &entities, years: &years)
        self.tags = Self.top(tags, limit)
        self.entities = Self.top(entities, limit)
        self.years = Self.top(years, limit)
    }

    /// The `limit` highest counts, highest first, the lower id among equals: one pass
    /// keeping a short sorted list (a term's facets run to hundreds of values, of which
    /// ten are kept).
    static func top(_ counts: [Int], _ limit: Int) -> [Count] {
        var best: [Count] = []
        best.reserveCapacity(limit + 1)
        for (id, count) in counts.enumerated() where count > 0 {
            if best.count == limit, let last = best.last, count <= last.count { continue }
            var place = best.count
            while place > 0, best[place - 1].count < count { place -= 1 }
            best.insert(Count(id: id, count: count), at: place)
            if best.count > limit { best.removeLast() }
        }
        return best
    }
}
