/// Runs queries against a `StoredIndex`: the Swift twin of the browser's engine
/// (`Browser/engine.js`), which reads the same files the same way and must give the
/// same results (`Tests/SearchTests/Vectors/engine.json` holds both to it).
///
/// - Every query word must match (a phrase's words too, in order and adjacent).
///   A word whose stem keeps a final s also matches without it (`gpus` → `gpu`).
/// - A document's score is, summed over the query's words, the best stored impact
///   of the word's stems there (BM25F weighed at build time), times a bonus of up to
///   1.5 when the words stand close together.
/// - The last word, while typed (no space after it, three bytes or more), also
///   matches longer words it begins, weighed 0.8; a word of five or more letters
///   found in at most two documents also matches words one edit away with the same
///   first letter, weighed 0.5.
/// - With two or more words, a word's own stem counts for `inexactWeight` of its impact
///   in a document that has the stem only in other forms than the one typed (`running`
///   typed, only `runs` there): the reader who remembers words remembers them as written.
/// - A single word with no filters is answered from its term entry alone (its best
///   documents, their excerpts, and facet counts stored at build time); anything
///   else reads full postings, and positions only for phrases and proximity.
public struct SearchEngine: Sendable {
    public static let prefixWeight = 0.8
    public static let typoWeight = 0.5
    /// A word this rare (document frequency at or below) also gets typo matches.
    public static let rareDocumentFrequency = 2
    /// Words shorter than this (in UTF-8 bytes) never get typo matches.
    public static let typoMinimumLength = 5
    /// A typed last word shorter than this matches only whole.
    public static let prefixMinimumLength = 3
    /// At most this many longer words a typed prefix stands for, the most common first.
    public static let prefixExpansions = 20
    /// What a query word's own stem is worth in a document without the word's typed form,
    /// when the query has two words or more (`scripts/search-eval.py` measured it).
    public static let inexactWeight = 0.5

    public let index: StoredIndex
    private let parser = QueryParser()

    public init(index: StoredIndex) {
        self.index = index
    }

    /// One query word's stems and their weights, in stem order.
    typealias Group = [(stem: String, weight: Double, entry: TermEntry)]

    /// Runs the query `text`.
    public func search(_ text: String, order: SearchOrder = .relevance, limit: Int = 10) throws -> SearchResults {
        let query = parser.parse(text)
        var results = SearchResults()
        results.notes = query.notes
        results.entity = NamedThingFinder(index.manifest.entities).find(in: query)
        let limit = max(0, limit)

        var groups: [Group] = []
        for term in query.terms { groups.append(try expansions(of: term)) }
        var phrases: [[TermEntry]] = []
        for phrase in query.phrases {
            var entries: [TermEntry] = []
            for word in phrase {
                let entry = try index.entry(stem(word))
                groups.append(entry.map { [(stem: $0.stem, weight: 1, entry: $0)] } ?? [])
                if let entry { entries.append(entry) }
            }
            phrases.append(entries.count == phrase.count ? entries : [])
        }
        results.matchedStems = Array(Set(groups.flatMap { $0.map(\.stem) })).sorted(by: Self.byteOrder)
        guard !groups.contains(where: \.isEmpty), !phrases.contains(where: \.isEmpty) else {
            results.suggestion = try suggestion(for: query)
            return results
        }
        let hasFilters = !query.tags.isEmpty || !query.entities.isEmpty || !query.years.isEmpty || query.after != nil || query.before != nil
        let simple = groups.count == 1 && phrases.isEmpty && query.excludedTerms.isEmpty && query.excludedPhrases.isEmpty
            && !hasFilters && order == .relevance && limit <= index.manifest.topCount

        var scored: [(document: Int, score: Double)]
        var facets: FacetCounts?
        if simple {
            let group = groups[0]
            var best: [Int: Double] = [:]
            for expansion in group {
                for hit in expansion.entry.top { best[hit.document] = max(best[hit.document] ?? 0, expansion.weight * Double(hit.impact)) }
            }
            scored = best.map { ($0.key, $0.value) }
            if group.count == 1 {
                results.total = group[0].entry.documentFrequency
                facets = group[0].entry.facets
            } else {
                let all = try matching(group)
                results.total = all.count
                facets = try countFacets(all.keys.sorted())
            }
        } else {
            var candidates: [Int: Double]
            var positions = PositionCache(index: index)
            if groups.isEmpty {
                candidates = Dictionary(uniqueKeysWithValues: (0..<index.manifest.documentCount).map { ($0, 0.0) })
            } else {
                var discounts: [InexactDiscount?] = Array(repeating: nil, count: groups.count)
                if groups.count > 1 {
                    for (number, term) in query.terms.enumerated() { discounts[number] = try inexactDiscount(term, groups[number], &positions) }
                }
                candidates = try scoreIntersection(groups, discounts: discounts)
            }
            for phrase in phrases where !candidates.isEmpty {
                let found = try documents(withPhrase: phrase, &positions)
                candidates = candidates.filter { found.contains($0.key) }
            }
            var excluded = Set<Int>()
            for word in query.excludedTerms {
                if let entry = try index.entry(stem(word)) { excluded.formUnion(try index.postings(entry).map(\.document)) }
            }
            for phrase in query.excludedPhrases {
                var entries: [TermEntry] = []
                for word in phrase { if let entry = try index.entry(stem(word)) { entries.append(entry) } }
                if entries.count == phrase.count { excluded.formUnion(try documents(withPhrase: entries, &positions)) }
            }
            candidates = candidates.filter { !excluded.contains($0.key) }
            if hasFilters {
                let filter = try Filter(query, manifest: index.manifest)
                candidates = try candidates.filter { filter.passes(try index.facets($0.key)) }
            }
            if groups.count > 1 {
                let bonuses = try proximityBonuses(groups, documents: Array(candidates.keys), &positions)
                for (document, bonus) in bonuses { candidates[document]! *= bonus }
            }
            scored = candidates.map { ($0.key, $0.value) }
            results.total = scored.count
        }
        scored.sort { a, b in
            switch order {
            case .relevance: return a.score != b.score ? a.score > b.score : a.document < b.document
            case .date: return a.document != b.document ? a.document < b.document : a.score > b.score
            }
        }
        if facets == nil { facets = try countFacets(scored.map(\.document).sorted()) }
        results.facets = resolve(facets!)
        for (document, score) in scored.prefix(limit) {
            let stored = try index.document(document)
            results.hits.append(SearchHit(document: document, score: score, title: stored.title, url: stored.url, date: stored.date,
                                          tags: stored.tags.map { index.manifest.tags[$0] }, excerpt: try excerpt(document, groups)))
        }
        if results.total == 0 { results.suggestion = try suggestion(for: query) }
        return results
    }

    // MARK: Words

    static func byteOrder(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    func stem(_ word: String) -> String {
        word.unicodeScalars.first.map(TokenScanner.isCJK) == true ? word : EnglishStemmer.stem(word)
    }

    /// The stems a query word stands for, each with its weight.
    func expansions(of term: SearchQuery.Term) throws -> Group {
        let word = term.text
        let stem = stem(word)
        var weights: [String: Double] = [:]
        var entries: [String: TermEntry] = [:]
        let exact = try index.entry(stem)
        if let exact {
            weights[stem] = 1
            entries[stem] = exact
        }
        if stem.hasSuffix("s"), stem.utf8.count > 2, let singular = try index.entry(String(stem.dropLast())) {
            weights[singular.stem] = 1
            entries[singular.stem] = singular
        }
        let bytes = Array(word.utf8)
        if term.isPrefix, bytes.count >= Self.prefixMinimumLength {
            let shard = try index.shard(index.shardNumber(for: word))
            var candidates = Set<String>()
            for candidate in shard.stems where candidate != stem {
                if shard.entries[candidate]!.forms.contains(where: { $0.utf8.starts(with: bytes) && $0 != word }) { candidates.insert(candidate) }
            }
            for alias in shard.aliases where alias.stem != stem && alias.form.utf8.starts(with: bytes) && alias.form != word {
                candidates.insert(alias.stem)
            }
            var found: [TermEntry] = []
            for candidate in candidates { if let entry = try index.entry(candidate) { found.append(entry) } }
            found.sort { $0.documentFrequency != $1.documentFrequency ? $0.documentFrequency > $1.documentFrequency : Self.byteOrder($0.stem, $1.stem) }
            for entry in found.prefix(Self.prefixExpansions) {
                weights[entry.stem] = max(weights[entry.stem] ?? 0, Self.prefixWeight)
                entries[entry.stem] = entry
            }
        }
        if bytes.count >= Self.typoMinimumLength, (exact?.documentFrequency ?? 0) <= Self.rareDocumentFrequency {
            for (stem, entry) in try oneEditAway(bytes) where weights[stem] == nil {
                weights[stem] = Self.typoWeight
                entries[stem] = entry
            }
        }
        return weights.keys.sorted(by: Self.byteOrder).map { (stem: $0, weight: weights[$0]!, entry: entries[$0]!) }
    }

    /// Stems with a form one edit from `word` that starts with the same byte.
    func oneEditAway(_ word: [UInt8]) throws -> [String: TermEntry] {
        guard let first = word.first else { return [:] }
        var found: [String: TermEntry] = [:]
        var aliased: [String] = []
        for number in index.shardNumbers(startingWith: first) {
            let shard = try index.shard(number)
            for stem in shard.stems {
                let entry = shard.entries[stem]!
                if entry.forms.contains(where: { form in
                    let other = Array(form.utf8)
                    return other.first == first && other != word && EditDistance.withinOne(word, other)
                }) { found[stem] = entry }
            }
            for alias in shard.aliases {
                let other = Array(alias.form.utf8)
                if other.first == first, other != word, EditDistance.withinOne(word, other) { aliased.append(alias.stem) }
            }
        }
        for stem in aliased where found[stem] == nil {
            if let entry = try index.entry(stem) { found[stem] = entry }
        }
        return found
    }

    // MARK: Matching

    /// Every document with any of the group's stems: the best weighted impact, the
    /// discount's stem counting `inexactWeight` of it in the discount's documents.
    func matching(_ group: Group, discount: InexactDiscount? = nil) throws -> [Int: Double] {
        var best: [Int: Double] = [:]
        for expansion in group {
            let discounted = expansion.stem == discount?.stem ? discount?.documents : nil
            for posting in try index.postings(expansion.entry) {
                var score = expansion.weight * Double(posting.impact)
                if discounted?.contains(posting.document) == true { score *= Self.inexactWeight }
                best[posting.document] = max(best[posting.document] ?? 0, score)
            }
        }
        return best
    }

    /// A query word's own stem and the documents that have it only in forms other than
    /// the one typed.
    struct InexactDiscount {
        let stem: String
        let documents: Set<Int>
    }

    /// `term`'s discount, or nil when its documents cannot be told apart: the stem has
    /// one form, the typed form is not in the archive, or it is past the forms a mask holds.
    private func inexactDiscount(_ term: SearchQuery.Term, _ group: Group, _ positions: inout PositionCache) throws -> InexactDiscount? {
        let own = stem(term.text)
        guard let entry = group.first(where: { $0.stem == own })?.entry, entry.forms.count > 1,
              let place = entry.forms.firstIndex(where: { $0.utf8.elementsEqual(term.text.utf8) }),
              place < TermPositions.maskedForms else { return nil }
        let stored = try positions.of(entry)
        let bit = UInt32(1) << UInt32(place)
        var documents = Set<Int>()
        for (document, mask) in zip(stored.documents, stored.formMasks) where mask & bit == 0 { documents.insert(document) }
        return InexactDiscount(stem: own, documents: documents)
    }

    /// Documents matching every group, scored as the sum of the groups' scores in group order.
    private func scoreIntersection(_ groups: [Group], discounts: [InexactDiscount?]) throws -> [Int: Double] {
        var result = try matching(groups[0], discount: discounts[0])
        for number in groups.indices.dropFirst() where !result.isEmpty {
            let next = try matching(groups[number], discount: discounts[number])
            var merged: [Int: Double] = [:]
            for (document, score) in result { if let other = next[document] { merged[document] = score + other } }
            result = merged
        }
        return result
    }

    /// Documents where the entries' stems stand at consecutive positions.
    func documents(withPhrase entries: [TermEntry], _ positions: inout PositionCache) throws -> Set<Int> {
        let maps = try entries.map { try positions.of($0).byDocument }
        var found = Set<Int>()
        for (document, starts) in maps[0] {
            let sets = maps.dropFirst().map { $0[document].map(Set.init) }
            guard !sets.contains(where: { $0 == nil }) else { continue }
            if starts.contains(where: { start in sets.enumerated().allSatisfy { $0.element!.contains(start + Int32($0.offset + 1)) } }) {
                found.insert(document)
            }
        }
        return found
    }

    private func proximityBonuses(_ groups: [Group], documents: [Int], _ positions: inout PositionCache) throws -> [Int: Double] {
        var maps: [[[Int: [Int32]]]] = []
        for group in groups { maps.append(try group.map { try positions.of($0.entry).byDocument }) }
        var bonuses: [Int: Double] = [:]
        for document in documents {
            let lists = maps.map { group in group.flatMap { $0[document] ?? [] }.sorted() }
            bonuses[document] = Self.proximityBonus(lists)
        }
        return bonuses
    }

    /// 1.5 when the words stand side by side, falling towards 1 as they spread out.
    static func proximityBonus(_ positions: [[Int32]]) -> Double {
        guard positions.count > 1, !positions.contains(where: \.isEmpty) else { return 1 }
        var events: [(position: Int32, list: Int)] = []
        for (list, values) in positions.enumerated() { events += values.map { ($0, list) } }
        events.sort { $0.position != $1.position ? $0.position < $1.position : $0.list < $1.list }
        var counts = Array(repeating: 0, count: positions.count)
        var covered = 0, start = 0
        var best = Int32.max
        for end in events.indices {
            if counts[events[end].list] == 0 { covered += 1 }
            counts[events[end].list] += 1
            while covered == positions.count {
                best = min(best, events[end].position - events[start].position)
                counts[events[start].list] -= 1
                if counts[events[start].list] == 0 { covered -= 1 }
                start += 1
            }
        }
        let tightest = Double(positions.count - 1)
        return 1 + 0.5 * tightest / max(Double(best), tightest)
    }

    // MARK: Results

    private func countFacets(_ documents: [Int]) throws -> FacetCounts {
        let manifest = index.manifest
        let yearIndex = Dictionary(uniqueKeysWithValues: manifest.years.enumerated().map { ($1, $0) })
        var stored: [StoredFacets] = []
        for document in documents { stored.append(try index.facets(document)) }
        return FacetCounts(documents: stored.indices, limit: index.manifest.facetValues, tagCount: manifest.tags.count,
                           entityCount: manifest.entities.count, yearCount: manifest.years.count) { position in
            let facets = stored[position]
            return (facets.tags.map(Int32.init)[...], facets.entities.map(Int32.init)[...], yearIndex[DocumentFacets.year(facets.date)] ?? 0)
        }
    }

    private func resolve(_ counts: FacetCounts) -> SearchResults.Facets {
        let manifest = index.manifest
        var facets = SearchResults.Facets()
        facets.tags = counts.tags.map { (manifest.tags[$0.id], $0.count) }
        facets.entities = counts.entities.map { (manifest.entities[$0.id], $0.count) }
        facets.years = counts.years.map { (manifest.years[$0.id], $0.count) }
        return facets
    }

    /// The stored excerpt of the first query word whose best documents include this one.
    private func excerpt(_ document: Int, _ groups: [Group]) throws -> String {
        for group in groups {
            for expansion in group.sorted(by: { $0.weight != $1.weight ? $0.weight > $1.weight : Self.byteOrder($0.stem, $1.stem) }) {
                if let hit = expansion.entry.top.first(where: { $0.document == document }) { return hit.excerpt }
            }
        }
        return try index.fallbackExcerpt(document)
    }

    /// The query's words with the first one that finds nothing replaced by the most
    /// common word one edit away, if there is one.
    private func suggestion(for query: SearchQuery) throws -> String? {
        var words = query.terms.map(\.text)
        for (position, word) in words.enumerated() {
            let bytes = Array(word.utf8)
            guard bytes.count >= 3, !(word.unicodeScalars.first.map(TokenScanner.isCJK) ?? false) else { continue }
            if let entry = try index.entry(stem(word)), entry.documentFrequency > Self.rareDocumentFrequency { continue }
            var best: (form: String, frequency: Int)?
            for (_, entry) in try oneEditAway(bytes) {
                for form in entry.forms where form.utf8.first == bytes.first && EditDistance.withinOne(bytes, Array(form.utf8)) && form != word {
                    if best == nil || entry.documentFrequency > best!.frequency
                        || (entry.documentFrequency == best!.frequency && Self.byteOrder(form, best!.form)) {
                        best = (form, entry.documentFrequency)
                    }
                }
            }
            if let best {
                words[position] = best.form
                return Self.queryText(query, words: words)
            }
        }
        return nil
    }

    /// `query` written out again with `words` for its plain words, so that a suggestion
    /// keeps the reader's phrases, exclusions and filters: words, then phrases, then
    /// exclusions, then filters.
    static func queryText(_ query: SearchQuery, words: [String]) -> String {
        var parts = words
        parts += query.phrases.map { "\"" + $0.joined(separator: " ") + "\"" }
        parts += query.excludedTerms.map { "-" + $0 }
        parts += query.excludedPhrases.map { "-\"" + $0.joined(separator: " ") + "\"" }
        parts += query.tags.map { "tag:" + $0 }
        parts += query.entities.map { "entity:" + $0 }
        parts += query.years.map { "year:\($0)" }
        if let after = query.after { parts.append("after:" + after) }
        if let before = query.before { parts.append("before:" + before) }
        return parts.joined(separator: " ")
    }
}

extension SearchEngine {
    /// An engine over `documents` indexed in memory: the files the build would write,
    /// read back the same way, never written to disk. For tests and tools.
    public init(documents: [SearchDocument], things: [NamedThing] = [], options: IndexOptions = IndexOptions()) throws {
        let files = IndexWriter().files(for: IndexBuilder(options: options).build(documents, things: things))
        self.init(index: try StoredIndex(source: MemoryIndexSource(files)))
    }
}
