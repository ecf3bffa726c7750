import Testing
@testable import Archive

@Suite("Entity mentions in issues")
struct MentionLinkingTests {
    static let registry = try! EntityRegistry.parse(yaml: """
    - name: Nvidia
      kind: company
      aliases: [NVIDIA]
    - name: Microsoft
      kind: company
    - name: Azure
      kind: product
      aliases: [Microsoft Azure]
    - name: Meta
      kind: company
    - name: OpenAI
      kind: company
    - name: Qwen
      kind: product
      aliases: [{alias: qwen, ignore_case: true}]
    """, path: "content/entities.yml")

    private func parse(_ body: String, frontMatter: String = "", policy: EntityLinkPolicy = .first) throws -> Archive.Issue {
        let linking = MentionLinking(registry: Self.registry, policy: policy)
        return try IssueParser.parse(path: "content/issues/a.md",
                                     text: "---\ntitle: T\ndate: 2026-01-01\n\(frontMatter)---\n\(body)", linking: linking)
    }

    /// The issue's HTML with its entity links resolved as `/entities/<slug>/`.
    private func html(_ issue: Archive.Issue) -> String {
        EntityLinkPlaceholder.resolve(issue.body.html, entityCount: Self.registry.entities.count) { "/entities/\(Self.registry.entities[$0].slug)/" }
    }

    private func names(_ issue: Archive.Issue) -> [String] {
        issue.mentions.map { Self.registry.entities[$0.entity].name }
    }

    @Test func firstMentionIsLinkedAndPossessivesCount() throws {
        let issue = try parse("Nvidia’s chips. NVIDIA again, and Nvidia's third.\n")
        #expect(html(issue) == "<p><a href=\"/entities/nvidia/\">Nvidia</a>’s chips. NVIDIA again, and Nvidia’s third.</p>\n")
        #expect(issue.mentions.first?.count == 3)
    }

    @Test func caseSensitiveByDefault() throws {
        let issue = try parse("Meta builds a meta-model, not META.\n")
        #expect(names(issue) == ["Meta"])
        #expect(issue.mentions.first?.count == 1)
    }

    @Test func ignoreCaseAliasesMatchAnyCase() throws {
        let issue = try parse("Alibaba ships QWEN and qwen.\n")
        #expect(issue.mentions.first?.count == 2)
    }

    @Test func longestMatchWins() throws {
        let issue = try parse("Microsoft Azure grew. Microsoft said so.\n")
        #expect(names(issue) == ["Azure", "Microsoft"])
        #expect(html(issue).contains("<a href=\"/entities/azure/\">Microsoft Azure</a>"))
    }

    @Test func wordBoundariesAreRespected() throws {
        let issue = try parse("Metaverse and OpenAIs and xNvidia are not names.\n")
        #expect(issue.mentions.isEmpty)
    }

    @Test func nothingInCodeLinksHeadingsOrRawHTMLIsMatched() throws {
        let body = """
        ## Nvidia results

        `Nvidia` in code, [Nvidia](https://nvidia.com) linked, <a href="x">Nvidia</a> raw, <code>Nvidia</code>.

            Nvidia in a code block

        <div>Nvidia in an HTML block</div>

        Finally Nvidia.
        """
        let issue = try parse(body)
        #expect(issue.mentions.first?.count == 1)
        #expect(html(issue).contains("<p>Finally <a href=\"/entities/nvidia/\">Nvidia</a>.</p>"))
        #expect(html(issue).contains("<h2 id=\"nvidia-results\">Nvidia results</h2>"))
    }

    @Test func linkPolicies() throws {
        let body = "OpenAI one. OpenAI two.\n\n## Part\n\nOpenAI three. OpenAI four.\n"
        func linkCount(_ policy: EntityLinkPolicy) throws -> Int {
            html(try parse(body, policy: policy)).components(separatedBy: "<a href=").count - 1
        }
        #expect(try linkCount(.first) == 1)
        #expect(try linkCount(.firstPerSection) == 2)
        #expect(try linkCount(.all) == 4)
        #expect(try linkCount(EntityLinkPolicy.none) == 0)
        #expect(try parse(body, policy: EntityLinkPolicy.none).mentions.first?.count == 4)
    }

    @Test func sentenceAroundEachMentionWithHighlight() throws {
        let issue = try parse("First sentence here. Then OpenAI raised money! Last one.\n")
        let quote = try #require(issue.mentions.first?.quotes.first)
        #expect(quote.sentence == "Then OpenAI raised money!")
        let bytes = Array(quote.sentence.utf8)
        #expect(String(decoding: bytes[quote.highlight], as: UTF8.self) == "OpenAI")
    }

    @Test func frontMatterAddsAndExcludesEntities() throws {
        let issue = try parse("Nvidia and Microsoft.\n", frontMatter: "entities: [OpenAI]\nentities_exclude: [Microsoft]\n")
        #expect(names(issue) == ["Nvidia", "OpenAI"])
        #expect(issue.mentions.last?.count == 0)
        #expect(!html(issue).contains("/entities/microsoft/"))
    }

    @Test func unknownEntityInFrontMatterSuggestsTheClosestName() {
        #expect {
            try parse("Text.\n", frontMatter: "tags: [x]\nentities: [Nvidea]\n")
        } throws: { error in
            "\(error)" == "content/issues/a.md:5: entities names 'Nvidea', which is not in the entity registry (did you mean Nvidia?)"
        }
    }
}
