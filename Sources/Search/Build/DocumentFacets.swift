/// Every document's tags, entities and year as small ids, and the lists those ids
/// index: what filters and facet counts work on.
struct DocumentFacets: Sendable {
    /// Sorted by slug.
    let tags: [SearchLabel]
    /// The named things first, in the order given (most mentioned first), then any
    /// other entity slug a document mentions, sorted.
    let entities: [NamedThing]
    /// Newest first.
    let years: [Int]
    private let tagIds: [Int32]
    private let tagStarts: [Int32]
    private let entityIds: [Int32]
    private let entityStarts: [Int32]
    let yearIds: [Int]

    init(_ documents: [SearchDocument], things: [NamedThing]) {
        var tagNames: [String: String] = [:]
        for document in documents {
            for tag in document.tags where tagNames[tag.slug] == nil { tagNames[tag.slug] = tag.name }
        }
        tags = tagNames.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            .map { SearchLabel(slug: $0, name: tagNames[$0]!) }
        var entities = things
        let known = Set(things.map(\.key))
        let others = Set(documents.flatMap(\.entities)).subtracting(known)
        entities += others.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.map { NamedThing(names: [$0], key: $0) }
        self.entities = entities
        years = Set(documents.map { Self.year($0.date) }).sorted(by: >)

        let tagIndex = Dictionary(uniqueKeysWithValues: tags.enumerated().map { ($1.slug, Int32($0)) })
        var entityIndex: [String: Int32] = [:]
        for (index, entity) in entities.enumerated() where entityIndex[entity.key] == nil { entityIndex[entity.key] = Int32(index) }
        let yearIndex = Dictionary(uniqueKeysWithValues: years.enumerated().map { ($1, $0) })
        var tagIds: [Int32] = [], tagStarts: [Int32] = [0], entityIds: [Int32] = [], entityStarts: [Int32] = [0]
        for document in documents {
            tagIds += Set(document.tags.compactMap { tagIndex[$0.slug] }).sorted()
            tagStarts.append(Int32(tagIds.count))
            entityIds += Set(document.entities.compactMap { entityIndex[$0] }).sorted()
            entityStarts.append(Int32(entityIds.count))
        }
        self.tagIds = tagIds
        self.tagStarts = tagStarts
        self.entityIds = entityIds
        self.entityStarts = entityStarts
        yearIds = documents.map { yearIndex[Self.year($0.date)]! }
    }

    /// The year of a `YYYY-MM-DD` date (0 when it has none).
    static func year(_ date: String) -> Int {
        Int(date.prefix(while: { $0 != "-" })) ?? 0
    }

    /// Document `id`'s facet ids.
    func of(_ id: Int) -> (tags: ArraySlice<Int32>, entities: ArraySlice<Int32>, year: Int) {
        (tagIds[Int(tagStarts[id])..<Int(tagStarts[id + 1])], entityIds[Int(entityStarts[id])..<Int(entityStarts[id + 1])], yearIds[id])
    }

    /// Adds each document's tags, entities and year to the counts (indexed by value).
    func tally(_ documents: [Int], tags: inout [Int], entities: inout [Int], years: inout [Int]) {
        tags.withUnsafeMutableBufferPointer { tags in
            entities.withUnsafeMutableBufferPointer { entities in
                for document in documents {
                    for index in Int(tagStarts[document])..<Int(tagStarts[document + 1]) { tags[Int(tagIds[index])] += 1 }
                    for index in Int(entityStarts[document])..<Int(entityStarts[document + 1]) { entities[Int(entityIds[index])] += 1 }
                }
            }
        }
        for document in documents { years[yearIds[document]] += 1 }
    }
}
