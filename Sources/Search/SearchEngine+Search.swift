extension SearchEngine {
    /// What a search found: the best `limit` hits and how many matched in all.
    public struct Results: Sendable, Equatable {
        public var hits: [SearchHit]
        public var total: Int
    }

    /// Runs `query`, best (or newest) first, at most `limit` hits.
    public func search(_ query: SearchQuery, order: SearchOrder = .relevance, limit: Int = 10) -> Results {
        var groups = query.terms.map(expansions(of:))
        for phrase in query.phrases {
            groups += phrase.map { word in expansions(of: SearchQuery.Term(word)).filter { $0.weight == 1 } }
        }
        var matches: [Int: Match]
        if groups.isEmpty {
            matches = Dictionary(uniqueKeysWithValues: index.documents.indices.map { ($0, Match()) })
        } else {
            guard !groups.contains(where: \.isEmpty) else { return Results(hits: [], total: 0) }
            matches = collect(groups[0])
            for group in groups.dropFirst() where !matches.isEmpty {
                matches = intersect(matches, collect(group))
            }
        }
        let excluded = documents(containingAny: query.excludedTerms)
            .union(query.excludedPhrases.flatMap { documents(withPhrase: $0) })
        let phraseFilter = query.phrases.map { Set(documents(withPhrase: $0)) }
        var hits: [SearchHit] = []
        for (document, match) in matches where !excluded.contains(document) {
            guard phraseFilter.allSatisfy({ $0.contains(document) }), passesFilters(document, query) else { continue }
            let bonus = groups.count > 1 ? proximityBonus(match.positions) : 1
            hits.append(SearchHit(document: document, score: match.score * bonus))
        }
        let indexed = index.documents
        func date(_ hit: SearchHit) -> String { indexed[hit.document].date }
        hits.sort { a, b in
            switch order {
            case .relevance:
                if a.score != b.score { return a.score > b.score }
                if date(a) != date(b) { return date(a) > date(b) }
            case .date:
                if date(a) != date(b) { return date(a) > date(b) }
                if a.score != b.score { return a.score > b.score }
            }
            return a.document < b.document
        }
        return Results(hits: Array(hits.prefix(max(0, limit))), total: hits.count)
    }

    /// A candidate document's score so far and, per query word, where it occurs.
    struct Match {
        var score = 0.0
        var positions: [[Int]] = []
    }

    /// Documents matching any expansion of one query word: the best expansion's score.
    private func collect(_ group: [(stem: String, weight: Double)]) -> [Int: Match] {
        var best: [Int: (score: Double, positions: [Int])] = [:]
        for (stem, weight) in group {
            guard let list = index.postings[stem] else { continue }
            for posting in list {
                let value = weight * score(posting, documentFrequency: list.count)
                var entry = best[posting.document] ?? (0, [])
                entry.score = max(entry.score, value)
                entry.positions += posting.positions
                best[posting.document] = entry
            }
        }
        return best.mapValues { Match(score: $0.score, positions: [$0.positions.sorted()]) }
    }

    private func intersect(_ current: [Int: Match], _ next: [Int: Match]) -> [Int: Match] {
        var result: [Int: Match] = [:]
        for (document, match) in current {
            guard let other = next[document] else { continue }
            result[document] = Match(score: match.score + other.score, positions: match.positions + other.positions)
        }
        return result
    }

    private func documents(containingAny words: [String]) -> Set<Int> {
        var result: Set<Int> = []
        for word in words {
            let stem = EnglishStemmer.stem(word)
            for posting in index.postings[stem] ?? [] { result.insert(posting.document) }
        }
        return result
    }

    /// Documents where the phrase's stems occur at consecutive positions.
    func documents(withPhrase words: [String]) -> [Int] {
        let stems = words.map { EnglishStemmer.stem($0) }
        let lists = stems.map { index.postings[$0] ?? [] }
        guard !lists.isEmpty, !lists.contains(where: \.isEmpty) else { return [] }
        let byDocument = lists.map { list in Dictionary(uniqueKeysWithValues: list.map { ($0.document, Set($0.positions)) }) }
        return lists[0].compactMap { posting in
            let document = posting.document
            let found = posting.positions.contains { start in
                (1..<stems.count).allSatisfy { offset in byDocument[offset][document]?.contains(start + offset) == true }
            }
            return found ? document : nil
        }.sorted()
    }

    /// 1.5 when the words stand side by side, falling towards 1 as they spread out.
    func proximityBonus(_ positions: [[Int]]) -> Double {
        guard positions.count > 1, !positions.contains(where: \.isEmpty) else { return 1 }
        var events: [(position: Int, list: Int)] = []
        for (list, values) in positions.enumerated() { events += values.map { ($0, list) } }
        events.sort { $0.position != $1.position ? $0.position < $1.position : $0.list < $1.list }
        var counts = Array(repeating: 0, count: positions.count)
        var covered = 0
        var start = 0
        var best = Int.max
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
        return 1 + 0.5 * tightest / Double(max(best, positions.count - 1))
    }

    private func passesFilters(_ id: Int, _ query: SearchQuery) -> Bool {
        let document = index.documents[id]
        if !query.tags.allSatisfy({ document.tags.contains(Self.slug($0)) }) { return false }
        if !query.entities.allSatisfy({ document.entities.contains(Self.slug($0)) }) { return false }
        if !query.years.isEmpty, !query.years.contains(where: { document.date.hasPrefix(String($0)) }) { return false }
        if let after = query.after, !(document.date > after) { return false }
        if let before = query.before, !(document.date < before) { return false }
        return true
    }

    /// A filter value as a slug: `Data Centres` → `data-centres`.
    static func slug(_ text: String) -> String {
        Tokenizer().words(text).joined(separator: "-")
    }
}
