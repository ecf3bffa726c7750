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
public enum Cooccurrence {
    /// Above this many entities the pair table would exceed ~34 MB, so counts go in a dictionary.
    static let denseEntityLimit = 4096

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
        rank(issueEntities: issueEntities, entityCount: entityCount, minimumTogether: minimumTogether,
             limit: limit, denseLimit: denseEntityLimit)
    }

    /// `rank` with the dense/sparse switch exposed, so tests can check both paths agree.
    static func rank(
        issueEntities: [[Int]], entityCount: Int, minimumTogether: Int, limit: Int, denseLimit: Int
    ) -> [[CooccurringEntity]] {
        guard entityCount > 0 else { return [] }
        guard limit > 0, !issueEntities.isEmpty else { return Array(repeating: [], count: entityCount) }
        let issueCount = issueEntities.count
        var frequency = [Int](repeating: 0, count: entityCount)
        var counts = PairCounts(entityCount: entityCount, dense: entityCount <= denseLimit)
        for mentioned in issueEntities {
            let entities = sortedUnique(mentioned, entityCount: entityCount)
            for entity in entities { frequency[entity] += 1 }
            counts.add(entities)
        }

        let floor = max(1, minimumTogether)
        var best = [TopList](repeating: TopList(limit: limit), count: entityCount)
        counts.forEachPair { a, b, together in
            guard together >= floor else { return }
            let score = npmi(together: together, a: frequency[a], b: frequency[b], issues: issueCount)
            guard score > 0 else { return }
            best[a].offer(CooccurringEntity(entity: b, together: together, score: score))
            best[b].offer(CooccurringEntity(entity: a, together: together, score: score))
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

/// Issue counts for every unordered entity pair.
///
/// Dense storage is a flat upper triangle (row `a` holds partners `b > a`), which is both
/// smaller and faster than a dictionary for a few thousand entities; beyond that the
/// triangle grows quadratically while real pairs stay sparse, so a dictionary takes over.
private struct PairCounts {
    let entityCount: Int
    let isDense: Bool
    var triangle: [Int32]
    var sparse: [Int: Int32] = [:]

    init(entityCount: Int, dense: Bool) {
        self.entityCount = entityCount
        isDense = dense
        triangle = dense ? [Int32](repeating: 0, count: entityCount * (entityCount - 1) / 2) : []
    }

    /// Counts every pair in one issue's sorted, unique entities.
    mutating func add(_ entities: [Int]) {
        guard entities.count > 1 else { return }
        if isDense {
            let n = entityCount
            triangle.withUnsafeMutableBufferPointer { cells in
                for (position, a) in entities.enumerated() {
                    // Row a starts after rows 0..<a, which hold (n-1) + … + (n-a) cells.
                    let row = a * (2 * n - a - 1) / 2 - a - 1
                    for b in entities[(position + 1)...] { cells[row + b] &+= 1 }
                }
            }
        } else {
            for (position, a) in entities.enumerated() {
                for b in entities[(position + 1)...] { sparse[a * entityCount + b, default: 0] += 1 }
            }
        }
    }

    /// Calls `body(a, b, together)` once per pair seen at least once, with `a < b`.
    func forEachPair(_ body: (Int, Int, Int) -> Void) {
        if isDense {
            var cell = 0
            for a in 0..<entityCount {
                for b in (a + 1)..<max(a + 1, entityCount) {
                    let together = Int(triangle[cell])
                    cell += 1
                    if together > 0 { body(a, b, together) }
                }
            }
        } else {
            for (key, together) in sparse {
                body(key / entityCount, key % entityCount, Int(together))
            }
        }
    }
}

/// The best `limit` partners seen so far, kept sorted best first.
///
/// The order is total (entity indexes are unique within a list), so the result does not
/// depend on the order pairs are offered — dictionary iteration order cannot leak out.
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
