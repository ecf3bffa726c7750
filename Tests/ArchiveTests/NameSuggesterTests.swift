import Testing
@testable import Archive

/// Fixtures are sentences from the AI-infrastructure issues in content/issues, sometimes
/// rearranged so that a name repeats.
@Suite("Name suggestions")
struct NameSuggesterTests {
    /// Suggestions for documents given as plain text, paths "issue-1", "issue-2"…
    private func suggest(_ texts: String..., known: Set<String> = [], limit: Int = 50, minimumCount: Int = 2) -> [NameSuggestion] {
        let documents = texts.enumerated().map { (path: "issue-\($0.offset + 1)", text: $0.element) }
        return NameSuggester.suggest(documents: documents, known: known, limit: limit, minimumCount: minimumCount)
    }

    private func names(_ suggestions: [NameSuggestion]) -> [String] { suggestions.map(\.name) }

    @Test func findsRepeatedMultiWordNames() {
        let found = suggest("""
            With Goldman Sachs already lined up to lead the debt, this could be a big one.
            The investor list reads like a who's who of tech and finance: Nvidia, Dell, Citadel, Jane Street, Point72 Asset Management, and Astra Capital all participated.
            Financial investors: Citadel, Jane Street, Point72 Asset Management, Linden Advisors.
            Analysts at Goldman Sachs and Bank of America expect more raises; Bank of America declined to comment.
            Point72 Asset Management and Astra Capital invest together.
            The Aker connection gives Nscale access to power near the Port of Narvik, and the Port of Narvik is ice-free.
            """)
        let byName = Dictionary(uniqueKeysWithValues: found.map { ($0.name, $0) })
        let expected = ["Goldman Sachs": 2, "Jane Street": 2, "Point72 Asset Management": 3, "Bank of America": 2, "Port of Narvik": 2]
        for (name, count) in expected {
            #expect(byName[name]?.count == count, "\(name)")
            #expect(byName[name]?.reason == .name, "\(name)")
        }
        #expect(byName["Astra Capital"]?.count == 2, "split from Point72 Asset Management: both are names elsewhere")
        #expect(byName["Linden Advisors"] == nil, "once only")
    }

    @Test func findsTickersButNotDollarAmounts() {
        let found = suggest("""
            Meta Platforms can now make money on the enormous sums it has spent on GenAI. $META $GOOG $MSFT $AMZN
            Shares of $NVDA and $MSFT rose, and $NVDA closed at a record.
            It’s now seeking $2.7 billion in capital. $1.8B in private credit. $900M in equity.
            Nscale is seeking $2.7B, and the round values Nscale at $14.6 billion; Alibaba plans $53B.
            """)
        #expect(found.filter { $0.reason == .ticker }.map(\.name) == ["$MSFT", "$NVDA"])
        #expect(found.first { $0.name == "$NVDA" }?.count == 2)
        #expect(!found.contains { $0.name.hasPrefix("$") && $0.name.dropFirst().first?.isNumber == true })
        #expect(!found.contains { ["2.7B", "1.8B", "900M", "14.6", "53B"].contains($0.name) })
    }

    @Test func findsProductLikeTokens() {
        let text = """
            Microsoft introduced a cluster built from more than 4,600 Nvidia GB300 rack systems.
            Each GB300 rack pairs Grace CPUs with Blackwell Ultra GPUs; older H100 and H100 clusters stay in service.
            Alibaba’s Qwen3 is yet another indicator of declining Western dominance; Qwen3 leads the charts.
            AMD’s MI300X trails the B200, and the MI300X is cheaper than a B200.
            Developers compared Llama-3 with GPT-4o, and Llama-3 with GPT-4o again, then tried Qwen3-Omni and Qwen3-Omni.
            """
        let found = suggest(text)
        let products = Set(found.filter { $0.reason == .product }.map(\.name))
        #expect(products == ["GB300", "H100", "Qwen3", "MI300X", "B200", "Llama-3", "GPT-4o", "Qwen3-Omni"])
    }

    @Test func amountsYearsOrdinalsAndPeriodsAreNotProducts() {
        let found = suggest("""
            In 2025 Alibaba planned $53B; in 2025 it planned $53B again.
            ByteDance denies the rumoured 27,000 GPU scale, and 27,000 is a lot.
            OpenAI commissioned 10GW with Oracle and 10GW with Nvidia; AMD adds 300MW and 300MW more.
            Microsoft committed €4.8B, then another €4.8B, for the 2nd year and the 2nd time.
            Revenue rose in Q3 and again in Q3, with 128K context and 128K tokens, 5G and 5G, FY2025 and FY2025, H1 and H1.
            """)
        #expect(found.filter { $0.reason == .product }.isEmpty, "\(names(found))")
    }

    @Test func pluralProductsCountAsTheProduct() {
        let found = suggest("Supplying ByteDance with Nvidia GB200s at scale is the plan. Each GB200 rack is liquid cooled.")
        #expect(found.first { $0.name == "GB200" }?.count == 2)
    }

    @Test func sentenceInitialWordsAreNotNames() {
        let found = suggest("""
            Nscale is 11 months old. Nscale is now seeking capital. Nscale raised again.
            However Nvidia declined to comment. However Nvidia is shipping.
            Supplying ByteDance with GPUs is the plan. Supplying ByteDance is risky.
            Meta Platforms can now make money on GenAI. Developers can now plug into Meta Cloud directly.
            The pseudo-hyperscaler is Meta, and Meta Platforms hosts Llama.
            """)
        #expect(!found.contains { !$0.name.contains(" ") && $0.reason == .name })
        #expect(!names(found).contains("However Nvidia"))
        #expect(!names(found).contains("Supplying ByteDance"))
        // "Meta" is capitalised mid-sentence elsewhere, so the sentence-initial run keeps it.
        #expect(found.first { $0.name == "Meta Platforms" }?.count == 2)
    }

    @Test func runsOfCommonWordsAndHeadingsAreNotNames() {
        let found = suggest("""
            Why This Matters
            ByteDance can’t buy the chips because of the chip restrictions.
            Why This Matters
            In June, Microsoft France execs confirmed it. In June, they said more.
            What This Means for Developers
            The Infrastructure Race
            What This Means for Developers
            The Infrastructure Race
            European AI is growing, and European AI is here.
            """)
        #expect(found.isEmpty, "\(names(found))")
    }

    @Test func jobTitlesAndGenericAcronymsSplitRuns() {
        let found = suggest("""
            In a video shared by CEO Satya Nadella, Microsoft introduced its first AI system.
            Nvidia CEO Jensen Huang underscored the scale, and Satya Nadella agreed with Jensen Huang.
            The cluster uses Nvidia GPUs, and more Nvidia GPUs are coming.
            """)
        #expect(Set(names(found)) == ["Satya Nadella", "Jensen Huang"])
    }

    @Test func runsJoinedByAndSplitWhenBothSidesAreNames() {
        let found = suggest("""
            The partnership between OpenAI and Microsoft is long-standing and deep.
            Azure provides much of the cloud infrastructure for OpenAI, and Microsoft benefits.
            This episode involving OpenAI and Microsoft illustrates how even giants must optimise.
            OpenAI raised again. Microsoft hosts it. Analysts watch OpenAI and Microsoft closely; OpenAI grows.
            Shoppers still like Marks and Spencer, and Marks and Spencer likes them.
            """)
        #expect(!names(found).contains("OpenAI and Microsoft"))
        #expect(found.first { $0.name == "Marks and Spencer" }?.count == 2)
        #expect(names(suggest("Johnson & Johnson rose. Investors like Johnson & Johnson, said Boris Johnson.")) == ["Johnson & Johnson"])
    }

    @Test func knownNamesAndAliasesAreDropped() {
        let text = """
            Alibaba Cloud has launched Qwen 3. Alibaba Cloud is growing, said Alibaba Cloud Intelligence, and Alibaba Cloud Intelligence agreed.
            With Goldman Sachs already lined up, Goldman Sachs will lead the debt.
            Microsoft Azure can host OpenAI workloads today; Microsoft Azure is big.
            NVIDIA GB300 racks and NVIDIA GB300 systems ship. $NVDA rose and $NVDA fell.
            The Next Platform covered it, and The Next Platform again.
            """
        let unknown = Set(names(suggest(text)))
        #expect(unknown.isSuperset(of: ["Alibaba Cloud", "Goldman Sachs", "Microsoft Azure", "NVIDIA GB300", "$NVDA", "Next Platform"]))

        let known: Set<String> = ["Alibaba Cloud", "Goldman Sachs", "Azure", "Nvidia", "nvidia", "NVDA", "The Next Platform"]
        let found = names(suggest(text, known: known))
        #expect(!found.contains("Alibaba Cloud"), "equal to a name")
        #expect(!found.contains("Alibaba Cloud Intelligence"), "contains a name")
        #expect(!found.contains("Goldman Sachs"))
        #expect(!found.contains("Microsoft Azure"), "contains an alias as a whole word")
        #expect(!found.contains("NVIDIA GB300"), "contains a case-insensitive alias, lowercased")
        #expect(!found.contains("$NVDA"), "a ticker whose symbol is known")
        #expect(!found.contains("Next Platform"), "a leading The that belongs to a known name")
    }

    @Test func containmentIsByWholeWords() {
        let text = "The Aker Nscale joint venture formed in July. The Aker Nscale venture builds in Norway."
        #expect(names(suggest(text, known: ["Nscale Ventures", "Ake"])).contains("Aker Nscale"))
        #expect(!names(suggest(text, known: ["Nscale"])).contains("Aker Nscale"))
    }

    @Test func possessivesAreStripped() {
        let found = suggest("""
            With Goldman Sachs’s backing, the debt is lined up. Goldman Sachs' team leads it, and Goldman Sachs agrees.
            Aker ASA's expertise in energy helps. Aker ASA’s stake is large.
            """)
        #expect(found.first { $0.name == "Goldman Sachs" }?.count == 3)
        #expect(found.first { $0.name == "Aker ASA" }?.count == 2)
        #expect(!found.contains { $0.name.contains("’") || $0.name.contains("'") })
    }

    @Test func countsDocumentsAndGivesTheFirstExampleSentence() {
        let first = """
            Nscale is 11 months old.
            Supplying ByteDance with Nvidia GB200s at scale and hosting them in Norway is a big part of this vision. However, ByteDance actively denies the rumoured 27,000 GPU scale. With Goldman Sachs already lined up to lead the debt, this could be a big one.
            """
        let second = "Goldman Sachs declined to comment. Analysts said Goldman Sachs would syndicate the loan."
        let found = suggest(first, second)
        let goldman = try! #require(found.first { $0.name == "Goldman Sachs" })
        #expect(goldman.count == 3)
        #expect(goldman.documentCount == 2)
        #expect(goldman.examplePath == "issue-1")
        #expect(goldman.example == "With Goldman Sachs already lined up to lead the debt, this could be a big one.")
        #expect(goldman.reason == .name)
    }

    @Test func shortExampleSentencesGiveWayToLongerOnes() {
        let found = suggest("Introducing Qwen3!\nAlibaba’s Qwen3 is yet another indicator of declining Western dominance in the open-weight arena.")
        #expect(found.first?.example == "Alibaba’s Qwen3 is yet another indicator of declining Western dominance in the open-weight arena.")
    }

    @Test func longExamplesAreTrimmedAroundTheName() {
        let filler = String(repeating: "the rollout of training clusters across many regions continues ", count: 6)
        let text = "Today \(filler)while Blackwell Ultra systems arrive and \(filler)end. Blackwell Ultra ships."
        let example = try! #require(suggest(text).first { $0.name == "Blackwell Ultra" }).example
        #expect(example.count <= 205)
        #expect(example.contains("Blackwell Ultra"))
        #expect(example.hasPrefix("…") && example.hasSuffix("…"))
    }

    @Test func ordersByCountThenDocumentsThenNameAndHonoursTheLimit() {
        let issues = [
            "Investors such as Jane Street, Astra Capital and others joined; later Jane Street led. Power for Stargate Norway comes from hydro, and Stargate Norway is big. Traders at Citadel Securities also bid.",
            "Shares held by Jane Street rose. Funds from Astra Capital arrived. Crews at Stargate Norway finished. Traders at Citadel Securities sold.",
            "Money from Astra Capital closed the round.",
        ]
        let documents = issues.enumerated().map { (path: "issue-\($0.offset + 1)", text: $0.element) }
        let found = NameSuggester.suggest(documents: documents, known: [])
        #expect(names(found) == ["Astra Capital", "Jane Street", "Stargate Norway", "Citadel Securities"])
        #expect(found.map(\.count) == [3, 3, 3, 2])
        #expect(found.map(\.documentCount) == [3, 2, 2, 2])
        #expect(names(NameSuggester.suggest(documents: documents, known: [], limit: 2)) == ["Astra Capital", "Jane Street"])
    }

    @Test func minimumCountIsRespected() {
        let text = "Sheryl Sandberg joined the board, as did Nick Clegg. Nick Clegg brings political connections."
        #expect(names(suggest(text)) == ["Nick Clegg"])
        #expect(Set(names(suggest(text, minimumCount: 1))) == ["Sheryl Sandberg", "Nick Clegg"])
    }

    @Test func namesWithVersionNumbersAreProducts() {
        let found = suggest("""
            The pseudo-hyperscaler just launched hosted APIs for Llama 3, and developers use Llama 3 widely.
            Qwen 3.5, the flagship variant, outperforms Claude 2.1; Claude 2.1 trails Qwen 3.5 in 2025.
            On March 9, 2026, and again on March 9, the round closed.
            """)
        let products = Dictionary(uniqueKeysWithValues: found.filter { $0.reason == .product }.map { ($0.name, $0.count) })
        #expect(products == ["Llama 3": 2, "Qwen 3.5": 2, "Claude 2.1": 2])
    }

    @Test func connectorsAccentsAndAmpersands() {
        let found = suggest("""
            Analysts at Banco de la Nación doubt it; Banco de la Nación agrees.
            Lenders such as Société Générale joined, and Société Générale led.
            Brands like Procter & Gamble buy compute; Procter & Gamble buys more.
            """)
        #expect(Set(names(found)) == ["Banco de la Nación", "Société Générale", "Procter & Gamble"])
    }

    @Test func abbreviationsDoNotEndSentences() {
        let found = suggest("Alibaba database researcher Dr. Feifei Li said in a statement. Later, Dr. Feifei Li added more.")
        let feifei = try! #require(found.first { $0.name == "Feifei Li" })
        #expect(feifei.count == 2)
        #expect(feifei.example == "Alibaba database researcher Dr. Feifei Li said in a statement.")
    }

    @Test func namesThatAlwaysStartSentencesStay() {
        let found = suggest("Jane Street made markets. Jane Street hired more traders.")
        #expect(found.first { $0.name == "Jane Street" }?.count == 2)
    }

    @Test func headingsStillCountTheirProducts() {
        let found = suggest("GB300 Racks Arrive Now\nMicrosoft deployed GB300 racks across Azure.\nGB300 Racks Arrive Now")
        #expect(names(found) == ["GB300"])
        #expect(found.first?.count == 3)
        #expect(found.first?.example == "Microsoft deployed GB300 racks across Azure.")
    }

    @Test func emptyInputGivesNothing() {
        #expect(NameSuggester.suggest(documents: [], known: []).isEmpty)
        #expect(suggest("").isEmpty)
        #expect(suggest("   \n\n").isEmpty)
        #expect(suggest("Goldman Sachs and Goldman Sachs", limit: 0).isEmpty)
    }
}

/// The suggester's word lists live in a resource file that an editor can read.
@Suite("Name suggester word lists")
struct SuggesterWordListsTests {
    @Test func everyListIsInTheResourceFile() {
        let lists = SuggesterWordLists.lists
        #expect(Set(lists.keys) == ["connectors", "breakers", "demonyms", "generic", "title-function-words", "common-words"])
        #expect((lists["common-words"]?.count ?? 0) > 500)
        #expect(lists["connectors"] == ["of", "de", "van", "von", "der", "la", "le", "du", "and"])
        #expect(lists.values.joined().allSatisfy { $0 == $0.lowercased() && !$0.contains(" ") })
    }

    @Test func sectionsWordsAndComments() {
        let parsed = SuggesterWordLists.parse("# a comment\n[one]\na b  # trailing\n\nc\n[two]\n[three]\nd\n")
        #expect(parsed == ["one": ["a", "b", "c"], "two": [], "three": ["d"]])
    }
}
