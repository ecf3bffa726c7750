import Testing
@testable import Archive

@Suite("Issue files")
struct IssueParserTests {
    @Test func yamlFrontMatterWithEveryField() throws {
        let issue = try IssueParser.parse(path: "content/issues/2026-03-09-series-c.md", text: """
        ---
        title: "Nscale raises $2B: Europe's largest Series C"
        date: 2026-03-09
        tags: [funding, nscale]
        author: [Ada, Grace]
        number: 42
        source: DevBlacksmith
        summary: One sentence.
        sponsor: { name: Acme, url: "https://acme.example" }
        ---
        ## What happened

        Nscale announced a round.
        """)
        #expect(issue.title == "Nscale raises $2B: Europe's largest Series C")
        #expect(issue.date == IssueDate(year: 2026, month: 3, day: 9))
        #expect(issue.slug == "2026-03-09-series-c")
        #expect(issue.tags == ["funding", "nscale"])
        #expect(issue.authors == ["Ada", "Grace"])
        #expect(issue.number == "42")
        #expect(issue.source == "DevBlacksmith")
        #expect(issue.summary == "One sentence.")
        #expect(issue.draft == false)
        #expect(issue.params["sponsor"] == .map(["name": .string("Acme"), "url": .string("https://acme.example")]))
        #expect(issue.body.headings.map(\.id) == ["what-happened"])
        #expect(issue.body.html.contains("<p>Nscale announced a round.</p>"))
    }

    @Test func pelicanHeadersUpToTheFirstBlankLine() throws {
        let issue = try IssueParser.parse(path: "issues/2013-06-07-this-week-in-rust.markdown", text: """
        Title: This Week In Rust 1
        Date: 2013-06-07 18:46
        Tags: this-week-in-rust, rust, programming
        Category: This Week in Rust

        Hello and welcome to the *first* issue.
        """)
        #expect(issue.title == "This Week In Rust 1")
        #expect(issue.date == IssueDate(year: 2013, month: 6, day: 7, hour: 18, minute: 46))
        #expect(issue.tags == ["this-week-in-rust", "rust", "programming"])
        #expect(issue.slug == "2013-06-07-this-week-in-rust")
        #expect(issue.params["category"] == .string("This Week in Rust"))
        #expect(issue.summary == "Hello and welcome to the first issue.")
    }

    @Test func slugFromFrontMatterWinsOverFileName() throws {
        let issue = try IssueParser.parse(path: "x/2025-01-01-long-name.md", text: "---\ntitle: T\ndate: 2025-01-01\nslug: short\n---\n")
        #expect(issue.slug == "short")
    }

    @Test func summaryFallsBackToAShortenedFirstParagraph() throws {
        let long = String(repeating: "word ", count: 100)
        let issue = try IssueParser.parse(path: "a.md", text: "---\ntitle: T\ndate: 2025-01-01\n---\n# Heading\n\n\(long)\n")
        #expect(issue.summary.hasSuffix("…"))
        #expect(issue.summary.utf8.count <= IssueParser.derivedSummaryLimit + 3)
    }

    @Test func draftsAreMarked() throws {
        let issue = try IssueParser.parse(path: "a.md", text: "---\ntitle: T\ndate: 2025-01-01\ndraft: true\n---\n")
        #expect(issue.draft)
    }

    @Test func windowsLineEndingsAreAccepted() throws {
        let issue = try IssueParser.parse(path: "a.md", text: "---\r\ntitle: T\r\ndate: 2025-01-01\r\n---\r\nBody\r\n")
        #expect(issue.title == "T")
        #expect(issue.body.plainText.contains("Body"))
    }
}

@Suite("Issue file errors")
struct IssueParserErrorTests {
    private func error(_ text: String, path: String = "content/issues/a.md") -> String? {
        do {
            _ = try IssueParser.parse(path: path, text: text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func missingFrontMatter() {
        #expect(error("Just a body.\n\nMore.")?.hasPrefix("content/issues/a.md:1: missing front matter") == true)
    }

    @Test func emptyFile() {
        #expect(error("")?.hasPrefix("content/issues/a.md:1: empty file") == true)
    }

    @Test func unclosedFrontMatter() {
        #expect(error("---\ntitle: T\ndate: 2025-01-01\n\nBody")?.hasPrefix("content/issues/a.md:1: unclosed front matter") == true)
    }

    @Test func invalidYAMLNamesTheLineInTheFile() {
        let message = error("---\ntitle: T\ndate: 2025-01-01\ntags: [a, b\nsummary: x\n---\n")
        #expect(message?.hasPrefix("content/issues/a.md:") == true)
        #expect(message?.contains("invalid YAML") == true)
        // The flow sequence opened on line 5 of the file is never closed.
        let line = message.flatMap { Int($0.split(separator: ":")[1]) }
        #expect(line.map { (5...7).contains($0) } == true)
    }

    @Test func badIndentationIsReportedOnItsLine() {
        #expect(error("---\ntitle: T\ndate: 2025-01-01\n  bad: indent\n---\n")?.hasPrefix("content/issues/a.md:4: invalid YAML") == true)
    }

    @Test func missingTitle() {
        #expect(error("---\ndate: 2025-01-01\n---\n") == "content/issues/a.md:1: missing title: every issue needs a 'title:' in its front matter")
    }

    @Test func missingDate() {
        #expect(error("---\ntitle: T\n---\n") == "content/issues/a.md:1: missing date: every issue needs a 'date:' in its front matter")
    }

    @Test func unreadableDateNamesItsLine() {
        #expect(error("---\ntitle: T\ndate: next Tuesday\n---\n")?.hasPrefix("content/issues/a.md:3: cannot read date 'next Tuesday'") == true)
        #expect(error("---\ntitle: T\ndate: 2026-02-30\n---\n")?.hasPrefix("content/issues/a.md:3: cannot read date '2026-02-30'") == true)
    }

    @Test func frontMatterThatIsNotAMapping() {
        #expect(error("---\n- a\n- b\n---\n")?.hasPrefix("content/issues/a.md:2: front matter must be a YAML mapping") == true)
    }

    @Test func badSlug() {
        #expect(error("---\ntitle: T\ndate: 2025-01-01\nslug: a/b\n---\n")?.hasPrefix("content/issues/a.md:4: slug 'a/b'") == true)
    }
}
