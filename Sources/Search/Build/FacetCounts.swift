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
    static func top(_ counts: [Int], _ limit: Int) -> [Count] {
        let nonzero = counts.enumerated().filter { $0.element > 0 }.map { Count(id: $0.offset, count: $0.element) }
        return Array(nonzero.sorted { $0.count != $1.count ? $0.count > $1.count : $0.id < $1.id }.prefix(limit))
    }
}
