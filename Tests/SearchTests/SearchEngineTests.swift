import Testing
@testable import Search

@Suite("Search engine")
struct SearchEngineTests {
    static let documents: [SearchDocument] = [
        SearchDocument(fields: [.title: "Nscale raises $2 billion", .body: "Nscale, the European GPU cloud, raised a Series C led by Aker. The data centres run Nvidia GB200 racks."],
                       date: "2026-03-09", tags: ["funding", "nscale"], entities: ["nscale", "nvidia"]),
        SearchDocument(fields: [.title: "Power is the new bottleneck", .body: "Data centres need power. Grid connections in Europe take years; GPU clusters wait."],
                       date: "2025-10-09", tags: ["power"], entities: []),
        SearchDocument(fields: [.title: "Nvidia earnings", .headings: "Data centre revenue",
                                .body: "Nvidia reported record data centre revenue from GPUs, mostly the H100 and GB200."],
                       date: "2025-05-02", tags: ["earnings"], entities: ["nvidia"]),
        SearchDocument(fields: [.title: "Private credit funds GPUs", .body: "Lenders finance GPU purchases; private credit is the new bank for data centres."],
                       date: "2025-09-27", tags: ["funding"], entities: []),
    ]

    static let engine: SearchEngine = {
        var index = InvertedIndex()
        for document in documents { index.add(document) }
        return SearchEngine(index: index)
    }()

    func ids(_ text: String, order: SearchOrder = .relevance) -> [Int] {
        Self.engine.search(QueryParser().parse(text), order: order).hits.map(\.document)
    }

    @Test func everyWordMustMatchAndTitlesWeighMore() {
        #expect(Set(ids("gpu ")) == [0, 1, 2, 3])
        #expect(ids("nvidia ").first == 2, "Nvidia in the title ranks first")
        #expect(Set(ids("gpu power ")) == [1])
        #expect(ids("gpu banana ").isEmpty)
    }

    @Test func stemmingMatchesWordForms() {
        #expect(Set(ids("raising ")) == [0])
        #expect(Set(ids("gpus ")) == [0, 1, 2, 3], "GPUs in the text and gpus typed both mean gpu")
        #expect(Set(ids("centre ")) == [0, 1, 2, 3])
    }

    @Test func phrasesNeedTheWordsInOrder() {
        #expect(Set(ids(#""private credit""#)) == [3])
        #expect(ids(#""credit private""#).isEmpty)
        #expect(Set(ids(#""data centres" power"#)) == [1])
    }

    @Test func exclusionsAndFilters() {
        #expect(Set(ids("gpu -nvidia ")) == [1, 3])
        #expect(Set(ids(#"gpu -"private credit" "#)) == [0, 1, 2])
        #expect(Set(ids("gpu tag:funding ")) == [0, 3])
        #expect(Set(ids("entity:nvidia")) == [0, 2])
        #expect(Set(ids("gpu year:2025 ")) == [1, 2, 3])
        #expect(Set(ids("gpu after:2025-06-01 before:2026-01-01 ")) == [1, 3])
    }

    @Test func theLastWordIsAPrefixWhileTyping() {
        #expect(Set(ids("nsca")) == [0])
        #expect(ids("nsca ").isEmpty, "once the word is finished it must match whole")
    }

    @Test func aRareLongWordAlsoMatchesOneEditAway() {
        let hits = Self.engine.search(QueryParser().parse("nvidai "))
        #expect(Set(hits.hits.map(\.document)) == [0, 2])
        let exact = Self.engine.search(QueryParser().parse("nvidia "))
        #expect(hits.hits[0].score < exact.hits[0].score, "a typo match ranks lower")
        #expect(ids("gpx ").isEmpty, "short words get no typo matches")
    }

    @Test func wordsCloseTogetherScoreHigher() {
        #expect(Self.engine.proximityBonus([[3], [4]]) == 1.5)
        #expect(Self.engine.proximityBonus([[3], [40]]) < 1.05)
        #expect(Self.engine.proximityBonus([[3, 50], [10, 51]]) == 1.5)
    }

    @Test func sortByDate() {
        #expect(ids("gpu ", order: .date) == [0, 1, 3, 2])
    }

    @Test func editDistance() {
        let check = { (a: String, b: String) in EditDistance.withinOne(Array(a.utf8), Array(b.utf8)) }
        #expect(check("nvidia", "nvidai") && check("nvidia", "nvida") && check("nvidia", "nviddia") && check("nvidia", "nvidka"))
        #expect(!check("nvidia", "nivdai") && !check("nvidia", "nv"))
    }
}
