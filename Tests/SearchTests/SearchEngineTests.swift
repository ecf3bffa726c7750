import Testing
@testable import Search

@Suite("Search engine")
struct SearchEngineTests {
    static let documents: [SearchDocument] = [
        SearchDocument(fields: [.title: "Nscale raises $2 billion", .body: "Nscale, the European GPU cloud, raised a Series C led by Aker. The data centres run Nvidia GB200 racks."],
                       date: "2026-03-09", url: "a/", tags: [label("funding"), label("nscale")], entities: ["nscale", "nvidia"]),
        SearchDocument(fields: [.title: "Power is the new bottleneck", .body: "Data centres need power. Grid connections in Europe take years; GPU clusters wait."],
                       date: "2025-10-09", url: "b/", tags: [label("power")], entities: []),
        SearchDocument(fields: [.title: "Private credit funds GPUs", .body: "Lenders finance GPU purchases; private credit is the new bank for data centres."],
                       date: "2025-09-27", url: "c/", tags: [label("funding")], entities: []),
        SearchDocument(fields: [.title: "Nvidia earnings", .headings: "Data centre revenue",
                                .body: "Nvidia reported record data centre revenue from GPUs, mostly the H100 and GB200."],
                       date: "2025-05-02", url: "d/", tags: [label("earnings")], entities: ["nvidia"]),
    ]
    static let things = [NamedThing(names: ["Nscale"], key: "nscale", kind: "company", mentions: 1, url: "entities/nscale/"),
                         NamedThing(names: ["Nvidia", "NVIDIA Corporation"], key: "nvidia", kind: "company", mentions: 2, url: "entities/nvidia/")]

    static func label(_ slug: String) -> SearchLabel { SearchLabel(slug: slug, name: slug.capitalized) }

    /// Small files and a top list of two, so every path (postings files, positions,
    /// chunks) is exercised by four documents.
    static let engine: SearchEngine = {
        var options = IndexOptions()
        options.topCount = 2
        options.excerptRadius = 3
        return try! SearchEngine(documents: documents, things: things, options: options)
    }()

    func urls(_ text: String, order: SearchOrder = .relevance, limit: Int = 10) throws -> [String] {
        try Self.engine.search(text, order: order, limit: limit).hits.map(\.url)
    }

    @Test func documentsAreNumberedNewestFirst() throws {
        #expect(try urls("gpu ", order: .date) == ["a/", "b/", "c/", "d/"])
    }

    @Test func everyWordMustMatchAndTitlesWeighMore() throws {
        #expect(Set(try urls("gpu ")) == ["a/", "b/", "c/", "d/"])
        #expect(try urls("nvidia ").first == "d/", "Nvidia in the title ranks first")
        #expect(try urls("gpu power ") == ["b/"])
        #expect(try urls("gpu banana ").isEmpty)
    }

    @Test func stemmingMatchesWordForms() throws {
        #expect(try urls("raising ") == ["a/"])
        #expect(Set(try urls("gpus ")) == ["a/", "b/", "c/", "d/"], "GPUs in the text and gpus typed both mean gpu")
        #expect(Set(try urls("centre ")) == ["a/", "b/", "c/", "d/"])
    }

    @Test func phrasesNeedTheWordsInOrder() throws {
        #expect(try urls(#""private credit""#) == ["c/"])
        #expect(try urls(#""credit private""#).isEmpty)
        #expect(try urls(#""data centres" power"#) == ["b/"])
    }

    @Test func exclusionsAndFilters() throws {
        #expect(Set(try urls("gpu -nvidia ")) == ["b/", "c/"])
        #expect(Set(try urls(#"gpu -"private credit" "#)) == ["a/", "b/", "d/"])
        #expect(Set(try urls("gpu tag:funding ")) == ["a/", "c/"])
        #expect(Set(try urls("entity:nvidia")) == ["a/", "d/"])
        #expect(Set(try urls("entity:\"NVIDIA Corporation\"")) == ["a/", "d/"], "an entity filter matches by alias too")
        #expect(Set(try urls("gpu year:2025 ")) == ["b/", "c/", "d/"])
        #expect(Set(try urls("gpu after:2025-06-01 before:2026-01-01 ")) == ["b/", "c/"])
        #expect(try urls("gpu tag:nosuchtag ").isEmpty)
    }

    @Test func theLastWordIsAPrefixWhileTyping() throws {
        #expect(try urls("nsca") == ["a/"])
        #expect(try urls("nsca ").isEmpty, "once the word is finished it must match whole")
        #expect(try urls("ns").isEmpty, "a prefix needs three letters")
    }

    @Test func aRareLongWordAlsoMatchesOneEditAway() throws {
        let typo = try Self.engine.search("nvidai ")
        #expect(Set(typo.hits.map(\.url)) == ["a/", "d/"])
        let exact = try Self.engine.search("nvidia ")
        #expect(typo.hits[0].score < exact.hits[0].score, "a typo match ranks lower")
        #expect(try urls("gpx ").isEmpty, "short words get no typo matches")
    }

    @Test func noResultsSuggestsACloseWord() throws {
        let results = try Self.engine.search("grud power ")
        #expect(results.total == 0)
        #expect(results.suggestion == "grid power")
    }

    @Test func wordsCloseTogetherScoreHigher() {
        #expect(SearchEngine.proximityBonus([[3], [4]]) == 1.5)
        #expect(SearchEngine.proximityBonus([[3], [40]]) < 1.05)
        #expect(SearchEngine.proximityBonus([[3, 50], [10, 51]]) == 1.5)
    }

    @Test func totalsAndFacetsCountEveryMatchNotJustThoseShown() throws {
        let results = try Self.engine.search("gpu ", limit: 1)
        #expect(results.hits.count == 1)
        #expect(results.total == 4)
        #expect(results.facets.tags.map(\.label.slug) == ["funding", "earnings", "nscale", "power"])
        #expect(results.facets.tags.map(\.count) == [2, 1, 1, 1])
        #expect(results.facets.years.map(\.year) == [2025, 2026])
        let simple = try Self.engine.search("gpu ", limit: 2)
        #expect(simple.facets == results.facets, "stored facet counts equal counted ones")
    }

    @Test func aQueryNamingAnEntityGetsItsCard() throws {
        let results = try Self.engine.search("nvidia corporation earnings")
        #expect(results.entity?.key == "nvidia")
        #expect(results.entity?.url == "entities/nvidia/")
        #expect(try Self.engine.search("power ").entity == nil)
    }

    @Test func excerptsAreTheWordsAroundAMatch() throws {
        let hit = try #require(try Self.engine.search("lenders ").hits.first)
        #expect(hit.excerpt == "Lenders finance GPU purchases…")
        #expect(try Self.engine.search("grid ").hits.first?.excerpt == "…centres need power. Grid connections in Europe…")
    }

    @Test func malformedQueriesStillRun() throws {
        let results = try Self.engine.search("\"private credit")
        #expect(results.notes.count == 1, "it says it ignored the quote")
        #expect(results.hits.map(\.url) == ["c/"])
        let filter = try Self.engine.search("credit year:abc tag:")
        #expect(filter.notes.count == 2, "it says what it ignored: \(filter.notes)")
    }

    @Test func editDistance() {
        let check = { (a: String, b: String) in EditDistance.withinOne(Array(a.utf8), Array(b.utf8)) }
        #expect(check("nvidia", "nvidai"))
        #expect(check("nvidia", "nvida"))
        #expect(check("nvidia", "nvidias"))
        #expect(!check("nvidia", "nivdai"))
    }
}

/// With two words or more, a document with a word as typed outranks one that has the
/// word's stem only in another form.
@Suite("Typed forms")
struct TypedFormTests {
    static let engine: SearchEngine = {
        let documents = [
            SearchDocument(fields: [.body: "The cluster runs hot. Cooling matters here."], date: "2026-01-02", url: "runs/"),
            SearchDocument(fields: [.body: "The cluster running hot. Cooling matters here."], date: "2026-01-01", url: "running/"),
        ]
        let files = IndexWriter().files(for: IndexBuilder().build(documents))
        return SearchEngine(index: try! StoredIndex(source: MemoryIndexSource(files)))
    }()

    @Test func theDocumentWithTheTypedFormComesFirst() throws {
        #expect(try Self.engine.search("running cooling ").hits.map(\.url) == ["running/", "runs/"])
        #expect(try Self.engine.search("runs cooling ").hits.map(\.url) == ["runs/", "running/"])
    }

    @Test func theOtherFormCountsForInexactWeight() throws {
        let hits = try Self.engine.search("running cooling ").hits
        // Both documents have the same lengths and the words at the same places, so the
        // same impacts and the same proximity bonus; only `run` is discounted in the second.
        let run = try Self.engine.search("running").hits[0].score
        let cooling = try Self.engine.search("cooling").hits[0].score
        let proximity = hits[0].score / (run + cooling)
        #expect(proximity > 1)
        #expect(abs(hits[1].score - (SearchEngine.inexactWeight * run + cooling) * proximity) < 1e-9)
    }

    @Test func oneWordIsRankedByImpactAlone() throws {
        let hits = try Self.engine.search("running").hits
        #expect(hits.count == 2)
        #expect(hits[0].score == hits[1].score, "no discount for a single word")
    }
}
