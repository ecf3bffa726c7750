import Foundation

/// "Read next" for issue pages: other issues about the same specific things.
///
/// **Ranking.** A candidate's primary score is the sum, over the entities it shares with the
/// issue, of IDF = log(N / df): sharing a rarely mentioned company says far more than sharing
/// one that is in every issue (whose IDF is ~0). Shared **tags are a tiebreak only**, never
/// added to the score: with ~30 tags each covering a tenth of the archive they are too coarse
/// to outweigh any specific entity, but they usefully order issues whose entity overlap is
/// equal — and they are all an issue without entities has to go on. Remaining ties go to the
/// newer issue (lower index). IDFs are fixed-point integers (micro-units), so sums are exact
/// and equal overlaps tie exactly, whatever the order of addition.
///
/// **Avoiding the quadratic trap.** Accumulating over every posting list of an issue's
/// entities costs N per ubiquitous entity, so N² overall. Instead each issue walks its
/// posting lists rarest first (then its tags, rarest first), scoring each newly met candidate
/// *exactly* — all shared entities and tags — by looking its entities up in a per-worker
/// membership table. Two rules stop the walk early:
/// - *proven*: an unseen candidate can share only the entities and tags not yet walked, so
///   once the `limit`-th best already beats that bound the answer is exact; common entities
///   with IDF ≈ 0 rarely need walking at all;
/// - *budget*: once `limit` candidates are held and `candidateBudget` postings have been
///   walked, the walk stops. Rarest lists come first, so this only misses candidates whose
///   overlap is made of mid-frequency entities alone — a best-effort approximation that keeps
///   the cost per issue bounded, O(N · budget) overall. Small archives never reach it.
/// The budget never cuts the list short: while fewer than `limit` candidates are held the
/// walk goes on, so `limit` results come back whenever that many issues share anything.
/// Issues are independent, so they are spread over all cores with `concurrentPerform`.
public enum RelatedIssues {
    /// Postings accumulated per issue before the walk may stop (see the type's notes).
    static let postingBudget = 8192
    /// Issues scored exactly per issue, at most, beyond the first `limit`.
    static let scoringBudget = 256

    /// For every issue, up to `limit` other issues to read next, best first.
    ///
    /// - Parameters:
    ///   - issueEntities: entity indexes per issue (sorted and unique expected; normalised
    ///     otherwise), each in `0..<entityCount`. Issues are newest first.
    ///   - issueTags: tag indexes per issue, each in `0..<tagCount`; issues beyond its end
    ///     have no tags.
    /// - Returns: one list per issue, ordered by summed IDF of shared entities, then the
    ///   number of shared tags, then newer first. Never the issue itself; never an issue
    ///   sharing no entity and no tag (sharing only an every-issue entity still counts, last).
    public static func compute(
        issueEntities: [[Int]], issueTags: [[Int]], entityCount: Int, tagCount: Int, limit: Int = 5
    ) -> [[Int]] {
        compute(issueEntities: issueEntities, issueTags: issueTags, entityCount: entityCount,
                tagCount: tagCount, limit: limit, postingBudget: postingBudget, scoringBudget: scoringBudget)
    }

    /// `compute` with the budgets exposed for tests and measurements.
    static func compute(
        issueEntities: [[Int]], issueTags: [[Int]], entityCount: Int, tagCount: Int, limit: Int,
        postingBudget: Int, scoringBudget: Int
    ) -> [[Int]] {
        let issueCount = issueEntities.count
        guard limit > 0, issueCount > 1 else { return Array(repeating: [], count: issueCount) }
        let index = Index(issueEntities: issueEntities, issueTags: issueTags,
                          entityCount: entityCount, tagCount: tagCount)
        var results = [[Int]](repeating: [], count: issueCount)
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let stripes = min(issueCount, workers * 4)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: stripes) { stripe in
                var walker = Walker(index: index, limit: limit, postingBudget: postingBudget,
                                    scoringBudget: scoringBudget)
                // Striding (not blocks) spreads cheap and costly issues evenly over workers.
                for issue in stride(from: stripe, to: issueCount, by: stripes) {
                    output[issue] = walker.related(to: issue)
                }
            }
        }
        return results
    }
}

/// Flat (CSR) issue→entity/tag lists, their inverted posting lists, and entity weights.
private struct Index: Sendable {
    let entities: Lists, tags: Lists
    let entityIssues: Lists, tagIssues: Lists
    /// IDF per entity in millionths: log(N / df) × 10⁶, rounded.
    let weight: [Int]

    init(issueEntities: [[Int]], issueTags: [[Int]], entityCount: Int, tagCount: Int) {
        let issueCount = issueEntities.count
        entities = Lists(issueEntities, universe: entityCount)
        tags = Lists((0..<issueCount).map { $0 < issueTags.count ? issueTags[$0] : [] }, universe: tagCount)
        let postings = entities.inverted(universe: entityCount)
        entityIssues = postings
        tagIssues = tags.inverted(universe: tagCount)
        weight = (0..<entityCount).map { entity in
            let df = postings.count(entity)
            return df == 0 ? 0 : Int((log(Double(issueCount) / Double(df)) * 1_000_000).rounded())
        }
    }
}

/// Many small sorted integer lists in one flat array: list `k` is `items[offsets[k]..<offsets[k+1]]`.
private struct Lists: Sendable {
    var offsets: [Int] = [0]
    var items: [Int] = []

    init() {}

    /// Packs the lists, sorting and deduplicating each and checking the range.
    init(_ lists: [[Int]], universe: Int) {
        offsets.reserveCapacity(lists.count + 1)
        for list in lists {
            for value in list {
                precondition(value >= 0 && value < universe, "index \(value) outside 0..<\(universe)")
            }
            let isIncreasing = zip(list, list.dropFirst()).allSatisfy { $0 < $1 }
            items += isIncreasing ? list : Array(Set(list)).sorted()
            offsets.append(items.count)
        }
    }

    func count(_ list: Int) -> Int { offsets[list + 1] - offsets[list] }
    func range(_ list: Int) -> Range<Int> { offsets[list]..<offsets[list + 1] }

    /// The transpose: for each value, the lists containing it, in increasing list order.
    func inverted(universe: Int) -> Lists {
        var result = Lists()
        var counts = [Int](repeating: 0, count: universe + 1)
        for value in items { counts[value + 1] += 1 }
        for value in 0..<universe { counts[value + 1] += counts[value] }
        result.offsets = counts
        result.items = [Int](repeating: 0, count: items.count)
        var next = counts
        for list in 0..<(offsets.count - 1) {
            for value in items[range(list)] {
                result.items[next[value]] = list
                next[value] += 1
            }
        }
        return result
    }
}

/// One worker's scratch space, reused across the issues it handles.
private struct Walker {
    /// A candidate and its ranking key (exact, or partial while choosing seeds).
    struct Candidate {
        let issue: Int, score: Int, tags: Int
        /// More IDF, then more shared tags, then newer (lower index): a total order.
        func precedes(_ other: Candidate) -> Bool {
            if score != other.score { return score > other.score }
            if tags != other.tags { return tags > other.tags }
            return issue < other.issue
        }
    }

    let index: Index, limit: Int, postingBudget: Int, scoringBudget: Int
    /// `entityMark[e] == stamp` / `tagMark[t] == stamp` when the current issue has e / t.
    var entityMark: [Int32], tagMark: [Int32]
    /// `touchedStamp[j] == stamp` when issue j is in `touched` for the current issue.
    var touchedStamp: [Int32]
    /// Per touched issue: IDF summed over the walked lists (then shared tags, in the tag phase).
    var partial: [Int]
    var touched: [Int] = [], seeds: [Candidate] = [], best: [Candidate] = []
    var stamp: Int32 = 0

    init(index: Index, limit: Int, postingBudget: Int, scoringBudget: Int) {
        self.index = index
        self.limit = limit
        self.postingBudget = postingBudget
        self.scoringBudget = scoringBudget
        let issueCount = index.entities.offsets.count - 1
        touchedStamp = [Int32](repeating: 0, count: issueCount)
        partial = [Int](repeating: 0, count: issueCount)
        entityMark = [Int32](repeating: 0, count: index.weight.count)
        tagMark = [Int32](repeating: 0, count: index.tagIssues.offsets.count - 1)
    }

    mutating func related(to issue: Int) -> [Int] {
        stamp = Int32(truncatingIfNeeded: issue + 1)
        touched.removeAll(keepingCapacity: true)
        seeds.removeAll(keepingCapacity: true)
        best.removeAll(keepingCapacity: true)
        let ownEntities = index.entities.items[index.entities.range(issue)]
        let ownTags = index.tags.items[index.tags.range(issue)]
        for entity in ownEntities { entityMark[entity] = stamp }
        for tag in ownTags { tagMark[tag] = stamp }

        // 1. Accumulate partial scores over posting lists, rarest (heaviest, shortest) first.
        let order = ownEntities.sorted { (index.entityIssues.count($0), $0) < (index.entityIssues.count($1), $1) }
        var unwalked = ownEntities.reduce(0) { $0 + index.weight[$1] }
        var walked = 0, complete = true
        accumulate: for entity in order {
            let weight = index.weight[entity]
            for other in index.entityIssues.items[index.entityIssues.range(entity)] where other != issue {
                if walked >= postingBudget && touched.count >= limit { complete = false; break accumulate }
                walked += 1
                if touchedStamp[other] != stamp {
                    touchedStamp[other] = stamp
                    partial[other] = 0
                    touched.append(other)
                }
                partial[other] += weight
            }
            unwalked -= weight  // only once the whole list is in
        }

        // 2. Score exactly: first the `limit` best partial sums, to set a bar; then, best
        //    partial first, every touched issue that could still clear it.
        for other in touched { insert(Candidate(issue: other, score: partial[other], tags: 0), into: &seeds) }
        for seed in seeds {
            insert(score(seed.issue), into: &best)
            partial[seed.issue] = Int.min  // scored; keeps it out of the contenders
        }
        if best.count == limit {
            let bar = best[limit - 1].score - unwalked
            var contenders = touched.filter { partial[$0] >= bar }
            contenders.sort { partial[$0] != partial[$1] ? partial[$0] > partial[$1] : $0 < $1 }
            for other in contenders.prefix(scoringBudget) {
                // Sorted, so once one cannot reach the current bar, none after it can.
                if partial[other] + unwalked < best[limit - 1].score { break }
                insert(score(other), into: &best)
            }
        }

        // 3. Tags alone: only when every entity-sharing issue is known and the list still has
        //    room or holds issues that share nothing weighty — e.g. an issue without entities.
        if complete, !ownTags.isEmpty, best.count < limit || best[limit - 1].score == 0 {
            let firstTagOnly = touched.count
            for tag in ownTags {
                for other in index.tagIssues.items[index.tagIssues.range(tag)] where other != issue {
                    // Marked with −stamp: met through a tag only, `partial` counts shared tags.
                    if touchedStamp[other] == -stamp {
                        partial[other] += 1
                    } else if touchedStamp[other] != stamp {
                        touchedStamp[other] = -stamp
                        partial[other] = 1
                        touched.append(other)
                    }
                }
            }
            for other in touched[firstTagOnly...] {
                insert(Candidate(issue: other, score: 0, tags: partial[other]), into: &best)
            }
        }
        return best.map(\.issue)
    }

    /// The exact key of `other` against the current issue's marked entities and tags.
    private func score(_ other: Int) -> Candidate {
        var score = 0, tags = 0
        for entity in index.entities.items[index.entities.range(other)] where entityMark[entity] == stamp {
            score += index.weight[entity]
        }
        for tag in index.tags.items[index.tags.range(other)] where tagMark[tag] == stamp { tags += 1 }
        return Candidate(issue: other, score: score, tags: tags)
    }

    /// Adds `candidate` to a list kept sorted best first and at most `limit` long.
    private func insert(_ candidate: Candidate, into list: inout [Candidate]) {
        if list.count == limit, let worst = list.last, !candidate.precedes(worst) { return }
        var position = list.count
        while position > 0 && candidate.precedes(list[position - 1]) { position -= 1 }
        list.insert(candidate, at: position)
        if list.count > limit { list.removeLast() }
    }
}
