import Foundation
import Testing
@testable import Archive

@Suite("Entities often mentioned together")
struct CooccurrenceTests {
    /// Entity 0 is in every issue; 1 and 2 share two issues; 3 meets 1 once.
    let issues = [[0, 1, 2], [0, 1, 2], [0, 1, 3], [0, 3], [0, 2], [0]]

    @Test func ranksByNormalisedPMI() {
        let ranked = Cooccurrence.rank(issueEntities: issues, entityCount: 4)
        // NPMI(1, 2) = log(2·6 / (3·3)) / log(6 / 2)
        let expected = log(12.0 / 9.0) / log(3.0)
        #expect(ranked[1] == [CooccurringEntity(entity: 2, together: 2, score: expected)])
        #expect(ranked[2] == [CooccurringEntity(entity: 1, together: 2, score: expected)])
    }

    @Test func anEntityInEveryIssueKeepsNoParticularCompany() {
        let ranked = Cooccurrence.rank(issueEntities: issues, entityCount: 4, minimumTogether: 1)
        #expect(ranked[0].isEmpty)
        #expect(!ranked.joined().contains { $0.entity == 0 })
    }

    @Test func pairsThatAlwaysAppearTogetherScoreOne() {
        let ranked = Cooccurrence.rank(issueEntities: [[0, 1], [0, 1], [2], [3, 4]], entityCount: 5)
        #expect(ranked[0] == [CooccurringEntity(entity: 1, together: 2, score: 1)])
        #expect(Cooccurrence.rank(issueEntities: [[0, 1], [0, 1]], entityCount: 2)[1].first?.score == 1)
    }

    @Test func smallArchivesCanLowerTheMinimum() {
        let small = [[0, 1], [2, 3], [0, 4], [5], [6]]
        #expect(Cooccurrence.rank(issueEntities: small, entityCount: 7)[1].isEmpty)
        let lenient = Cooccurrence.rank(issueEntities: small, entityCount: 7, minimumTogether: 1)
        #expect(lenient[1].map(\.entity) == [0])
        #expect(lenient[0].map(\.entity) == [1, 4])  // equal scores: lower index first
        #expect(lenient[5].isEmpty)
    }

    @Test func tiesPreferMoreIssuesTogetherThenLowerIndex() {
        let a = CooccurringEntity(entity: 7, together: 3, score: 0.5)
        let b = CooccurringEntity(entity: 2, together: 2, score: 0.5)
        let c = CooccurringEntity(entity: 9, together: 2, score: 0.5)
        let d = CooccurringEntity(entity: 1, together: 9, score: 0.4)
        #expect([d, c, b, a].sorted(by: Cooccurrence.ranksBefore) == [a, b, c, d])
    }

    @Test func respectsLimitAndNormalisesInput() {
        let messy = [[3, 1, 1, 0], [0, 1, 3], [2, 1, 0, 3], [4]]
        let tidy = messy.map { Array(Set($0)).sorted() }
        let ranked = Cooccurrence.rank(issueEntities: messy, entityCount: 5, limit: 2)
        #expect(ranked == Cooccurrence.rank(issueEntities: tidy, entityCount: 5, limit: 2))
        #expect(ranked.allSatisfy { $0.count <= 2 })
        #expect(Cooccurrence.rank(issueEntities: messy, entityCount: 5, limit: 0).allSatisfy { $0.isEmpty })
        #expect(Cooccurrence.rank(issueEntities: [], entityCount: 3) == [[], [], []])
    }

    @Test func matchesADirectCountOfEveryPair() {
        let archive = SyntheticArchive(issues: 400, entities: 60, seed: 7)
        let ranked = Cooccurrence.rank(issueEntities: archive.entities, entityCount: 60)
        var df = [Int](repeating: 0, count: 60), pairs: [[Int]: Int] = [:]
        for list in archive.entities {
            for a in list {
                df[a] += 1
                for b in list where b != a { pairs[[a, b], default: 0] += 1 }
            }
        }
        let expected = (0..<60).map { a in
            pairs.filter { $0.key[0] == a && $0.value >= 2 }
                .map { CooccurringEntity(entity: $0.key[1], together: $0.value,
                                         score: Cooccurrence.npmi(together: $0.value, a: df[a], b: df[$0.key[1]], issues: 400)) }
                .filter { $0.score > 0 }
                .sorted(by: Cooccurrence.ranksBefore).prefix(8)
        }
        #expect(ranked.map { ArraySlice($0) } == expected)
        #expect(ranked.contains { !$0.isEmpty })
        #expect(ranked.joined().allSatisfy { $0.score <= 1 })
    }
}

@Suite("Issues to read next")
struct RelatedIssuesTests {
    /// Entities 0–2 are in issues 0–4; entity 9 only in issues 0 and 5.
    let entities = [[0, 1, 2, 9], [0, 1, 2], [0, 1, 2], [0, 1, 2], [0, 1, 2], [9]]

    @Test func aRareSharedEntityBeatsSeveralCommonOnes() {
        let related = RelatedIssues.compute(issueEntities: entities, issueTags: [], entityCount: 10, tagCount: 0)
        #expect(related[0] == [5, 1, 2, 3, 4])  // log 3 > 3 · log(6/5); the rest tie, newer first
        #expect(related[5] == [0])
        #expect(related[1] == [0, 2, 3, 4])
    }

    @Test func tagsBreakTiesButNeverOutweighEntities() {
        let tags = [[0, 1], [], [], [0], [0, 1], []]
        let related = RelatedIssues.compute(issueEntities: entities, issueTags: tags, entityCount: 10, tagCount: 2)
        #expect(related[0] == [5, 4, 3, 1, 2])
        #expect(related[3] == [0, 4, 1, 2])
    }

    @Test func neverSuggestsTheIssueItself() {
        let twins = RelatedIssues.compute(issueEntities: [[1, 2], [1, 2], [3]], issueTags: [[0], [0], [0]],
                                          entityCount: 4, tagCount: 1)
        #expect(twins == [[1, 2], [0, 2], [0, 1]])
        let archive = SyntheticArchive(issues: 300, entities: 40, seed: 3)
        let related = RelatedIssues.compute(issueEntities: archive.entities, issueTags: archive.tags,
                                            entityCount: 40, tagCount: 6)
        for (issue, list) in related.enumerated() {
            #expect(!list.contains(issue))
            #expect(Set(list).count == list.count)
        }
    }

    @Test func anIssueWithoutEntitiesFallsBackOnTags() {
        let related = RelatedIssues.compute(
            issueEntities: [[], [3], [3], [4], [3]], issueTags: [[1, 2], [1], [1, 2], [2], []],
            entityCount: 5, tagCount: 3)
        #expect(related[0] == [2, 1, 3])  // two tags shared, then one each, newer first
        #expect(related[4] == [1, 2])     // shares entity 3 only; issue 0 shares nothing
    }

    @Test func sharingNothingOrOnlyAnEverywhereEntityIsNotRelated() {
        let related = RelatedIssues.compute(issueEntities: [[0], [0], [0, 1], [0, 1], [0, 2]], issueTags: [],
                                            entityCount: 3, tagCount: 0)
        #expect(related == [[], [], [3], [2], []])
        #expect(RelatedIssues.compute(issueEntities: [[1]], issueTags: [], entityCount: 2, tagCount: 0) == [[]])
        #expect(RelatedIssues.compute(issueEntities: [], issueTags: [], entityCount: 2, tagCount: 0).isEmpty)
    }

    @Test func returnsTheLimitWheneverEnoughIssuesShareSomething() {
        let entities = (0..<40).map { [0, $0 == 0 ? 1 : 2] }
        let related = RelatedIssues.compute(issueEntities: entities, issueTags: [], entityCount: 3, tagCount: 0,
                                            limit: 5, postingBudget: 1, scoringBudget: 1)
        #expect(related.allSatisfy { $0.count == 5 || $0.isEmpty })
        #expect(related[0].isEmpty)  // its only other entity, 0, is in every issue
        #expect(related[1] == [2, 3, 4, 5, 6])
    }

    @Test func matchesBruteForceOnASmallArchive() {
        let archive = SyntheticArchive(issues: 120, entities: 30, seed: 11)
        let related = RelatedIssues.compute(issueEntities: archive.entities, issueTags: archive.tags,
                                            entityCount: 30, tagCount: 6)
        #expect(related == archive.bruteForceRelated(limit: 5))
    }

    @Test func isDeterministicUnderEveryBudget() {
        let archive = SyntheticArchive(issues: 1000, entities: 120, seed: 5)
        for (postings, scoring) in [(64, 8), (512, 32), (RelatedIssues.postingBudget, RelatedIssues.scoringBudget)] {
            let runs = (0..<3).map { _ in
                RelatedIssues.compute(issueEntities: archive.entities, issueTags: archive.tags, entityCount: 120,
                                      tagCount: 6, limit: 5, postingBudget: postings, scoringBudget: scoring)
            }
            #expect(runs[0] == runs[1] && runs[1] == runs[2])
            #expect(runs[0].allSatisfy { $0.count == 5 })
        }
    }
}

/// A seeded random archive: Zipf-distributed entities and a few tags per issue.
struct SyntheticArchive {
    var entities: [[Int]] = [], tags: [[Int]] = []
    let entityCount: Int

    init(issues: Int, entities entityCount: Int, seed: UInt64) {
        self.entityCount = entityCount
        var state = seed
        func next() -> Double {  // SplitMix64, in [0, 1)
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
        let weights = (1...entityCount).map { 1 / Double($0) }, total = weights.reduce(0, +)
        for _ in 0..<issues {
            var chosen = Set<Int>()
            for _ in 0..<(3 + Int(next() * 6)) {
                var pick = next() * total, entity = 0
                while entity < entityCount - 1 && pick >= weights[entity] { pick -= weights[entity]; entity += 1 }
                chosen.insert(entity)
            }
            entities.append(chosen.sorted())
            tags.append(Array(Set((0..<2).map { _ in Int(next() * 6) })).sorted())
        }
    }

    /// Every pair scored directly: the definition `RelatedIssues` must match when exact.
    func bruteForceRelated(limit: Int) -> [[Int]] {
        var df = [Int](repeating: 0, count: entityCount)
        for list in entities { for entity in list { df[entity] += 1 } }
        let weight = df.map { $0 == 0 ? 0 : Int((log(Double(entities.count) / Double($0)) * 1_000_000).rounded()) }
        return entities.indices.map { issue in
            entities.indices.compactMap { other -> (Int, Int, Int)? in
                guard other != issue else { return nil }
                let shared = Set(entities[issue]).intersection(entities[other]).map { weight[$0] }.reduce(0, +)
                let sharedTags = Set(tags[issue]).intersection(tags[other]).count
                return shared > 0 || sharedTags > 0 ? (shared, sharedTags, -other) : nil
            }
            .sorted { $0 > $1 }.prefix(limit).map { -$0.2 }
        }
    }
}
