import Foundation

/// An entity that keeps company with another, and how strongly.
///
/// One row of an entity page's "Often mentioned with" list. `together` is kept beside the
/// score so a page can say "in 12 issues" and so ties between equal scores can prefer the
/// better-attested pair.
public struct CooccurringEntity: Sendable, Equatable {
    /// The partner's entity index.
    public let entity: Int
    /// How many issues mention both entities.
    public let together: Int
    /// The normalised PMI of the pair, in (0, 1]; 1 means the two only ever appear together.
    public let score: Double

    /// Makes a row; public so callers and tests can build expected values.
    public init(entity: Int, together: Int, score: Double) {
        self.entity = entity
        self.together = together
        self.score = score
    }
}

/// "Often mentioned with" for entity pages: which entities are genuinely associated.
///
/// Raw co-occurrence counts would give every entity the same list — the handful of
/// entities that appear in nearly every issue. Instead pairs are ranked by
/// **normalised pointwise mutual information** over issues:
///
///     NPMI(a, b) = log(p(a,b) / (p(a) p(b))) / -log p(a,b),   p(x) = issues mentioning x / N
///
/// Why NPMI rather than plain PMI: PMI is unbounded above and its ceiling, log(N / df),
/// grows as entities get rarer, so plain PMI promotes any rare entity that happened to
/// share a couple of issues. NPMI divides that out: it is 1 for a pair that always appears
/// together (whatever its frequency), 0 for independence, and comparable across entities.
/// Only positively associated pairs (score > 0) are listed — an entity that is in every
/// issue carries no information about any other and scores 0, so it never crowds a list.
/// `minimumTogether` guards against one-off coincidences, which NPMI alone rates highly.
///
/// Pairs are counted one row at a time — for each entity, its partners across the issues
/// that mention it — so memory stays proportional to the number of entities (no quadratic
/// pair table, no hashing) and the work is the number of pairs actually mentioned together.
public enum Cooccurrence {
    /// For every entity, the entities most associated with it, best first.
    ///
    /// - Parameters:
    ///   - issueEntities: `issueEntities[i]` is the entity indexes mentioned by issue `i`,
    ///     expected sorted and unique (unsorted or repeated lists are normalised, at a cost).
    ///     Every index must be in `0..<entityCount`.
    ///   - minimumTogether: pairs seen together in fewer issues are ignored. Small archives
    ///     may pass 1 so their entities get partners at all; values below 1 count as 1.
    ///   - limit: the longest list returned per entity.
    /// - Returns: `entityCount` lists ordered by score (NPMI), then more `together`, then
    ///   lower entity index. An entity may have an empty list.
    public static func rank(
        issueEntities: [[Int]], entityCount: Int, minimumTogether: Int = 2, limit: Int = 8
    ) -> [[CooccurringEntity]] {
        guard entityCount > 0 else { return [] }
        guard limit > 0, !issueEntities.isEmpty else { return Array(repeating: [], count: entityCount) }
        // Issues' lists packed end to end: list i is mentions[ends[i] - count ..< ends[i]].
        var mentions: [Int] = [], ends: [Int] = []
        var postings = [[Int]](repeating: [], count: entityCount)
        for (issue, list) in issueEntities.enumerated() {
            for entity in sortedUnique(list, entityCount: entityCount) {
                mentions.append(entity)
                postings[entity].append(issue)
            }
            ends.append(mentions.count)
        }

        let floor = max(1, minimumTogether)
        var best = [TopList](repeating: TopList(limit: limit), count: entityCount)
        var together = [Int](repeating: 0, count: entityCount), partners: [Int] = []
        for a in 0..<entityCount {
            // Row a of the pair table: partners b > a, which end each sorted issue list.
            for issue in postings[a] {
                var position = ends[issue] - 1
                while mentions[position] > a {
                    let b = mentions[position]
                    if together[b] == 0 { partners.append(b) }
                    together[b] += 1
                    position -= 1
                }
            }
            for b in partners {
                let count = together[b]
                together[b] = 0
                guard count >= floor else { continue }
                let score = npmi(together: count, a: postings[a].count, b: postings[b].count, issues: ends.count)
                guard score > 0 else { continue }
                best[a].offer(CooccurringEntity(entity: b, together: count, score: score))
                best[b].offer(CooccurringEntity(entity: a, together: count, score: score))
            }
            partners.removeAll(keepingCapacity: true)
        }
        return best.map(\.items)
    }

    /// The list order: higher score, then more issues together (better attested), then the
    /// lower index, so equal scores never depend on the order pairs were counted.
    static func ranksBefore(_ x: CooccurringEntity, _ y: CooccurringEntity) -> Bool {
        (x.score, x.together, -x.entity) > (y.score, y.together, -y.entity)
    }

    /// NPMI of a pair from issue counts; symmetric in `a` and `b` bit for bit.
    ///
    /// A pair in every issue has p(a,b) = 1 and the formula is 0/0; it always co-occurs,
    /// so it scores 1. Division is correctly rounded, so `together == a == b` gives exactly 1.
    static func npmi(together: Int, a: Int, b: Int, issues: Int) -> Double {
        if together >= issues { return 1 }
        let joint = Double(together), total = Double(issues)
        let pmi = log(joint * total / (Double(a) * Double(b)))
        return min(1, max(-1, pmi / log(total / joint)))
    }

    /// The list as given when already strictly increasing (the documented contract),
    /// otherwise sorted and deduplicated, so bad input cannot double-count a pair.
    static func sortedUnique(_ list: [Int], entityCount: Int) -> [Int] {
        var increasing = true
        for (position, entity) in list.enumerated() {
            precondition(entity >= 0 && entity < entityCount, "entity index \(entity) outside 0..<\(entityCount)")
            if position > 0 && list[position - 1] >= entity { increasing = false }
        }
        return increasing ? list : Array(Set(list)).sorted()
    }
}

/// The best `limit` partners seen so far, kept sorted best first.
///
/// The order is total (entity indexes are unique within a list), so the result does not
/// depend on the order pairs are offered.
private struct TopList {
    let limit: Int
    var items: [CooccurringEntity] = []

    init(limit: Int) { self.limit = limit }

    mutating func offer(_ candidate: CooccurringEntity) {
        let precedes = Cooccurrence.ranksBefore
        if items.count == limit, let last = items.last, !precedes(candidate, last) { return }
        var position = items.count
        while position > 0 && precedes(candidate, items[position - 1]) { position -= 1 }
        items.insert(candidate, at: position)
        if items.count > limit { items.removeLast() }
    }
}
