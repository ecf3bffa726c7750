import Testing
@testable import Markup

@Suite("Markdown rendering")
struct MarkdownRenderingTests {
    @Test func headingsGetStableUniqueIDs() {
        let result = RenderedMarkdown(markdown: "## Why this matters:\n\ntext\n\n## Why this matters:\n\n### Nvidia’s *GB300*\n")
        #expect(result.headings == [
            Heading(level: 2, id: "why-this-matters", text: "Why this matters:"),
            Heading(level: 2, id: "why-this-matters-2", text: "Why this matters:"),
            Heading(level: 3, id: "nvidias-gb300", text: "Nvidia’s GB300"),
        ])
        #expect(result.html.contains(#"<h2 id="why-this-matters">Why this matters:</h2>"#))
        #expect(result.html.contains(#"<h3 id="nvidias-gb300">Nvidia’s <em>GB300</em></h3>"#))
    }

    @Test func smartPunctuationIsOn() {
        let html = RenderedMarkdown(markdown: "\"Quoted\" -- and --- it's...").html
        #expect(html == "<p>“Quoted” – and — it’s…</p>\n")
    }

    @Test func authorsRawHTMLPassesThrough() {
        let html = RenderedMarkdown(markdown: "<div class=\"note\">Hi</div>\n\nText with <kbd>K</kbd>.").html
        #expect(html.contains("<div class=\"note\">Hi</div>"))
        #expect(html.contains("<kbd>K</kbd>"))
    }

    @Test func plainTextDropsMarkupAndKeepsWords() {
        let result = RenderedMarkdown(markdown: "# Title\n\nSome **bold** and `code`\nacross lines.\n\n- one\n- two\n\n<div>\nraw html\n</div>\n")
        #expect(result.plainText == "Title\nSome bold and code across lines.\none\ntwo\n")
        #expect(result.wordCount == 9)
    }

    @Test func firstParagraphSkipsHeadingsAndEmptyParagraphs() {
        let result = RenderedMarkdown(markdown: "## Intro\n\n<span></span>\n\nThe *first* real paragraph.\n\nSecond.")
        #expect(result.firstParagraph == "The first real paragraph.")
    }

    @Test func emptyHeadingTextFallsBackToSection() {
        #expect(HeadingSlug.make("!!!") == "section")
        #expect(HeadingSlug.make("Über Café 2026") == "über-café-2026")
    }

    @Test func excerptCutsAtAWordBoundary() {
        #expect(TextStatistics.excerpt("alpha beta gamma", limit: 100) == "alpha beta gamma")
        #expect(TextStatistics.excerpt("alpha beta, gamma delta", limit: 13) == "alpha beta…")
    }

    @Test func readingTimeIsAtLeastAMinute() {
        #expect(TextStatistics.readingMinutes(words: 10) == 1)
        #expect(TextStatistics.readingMinutes(words: 1200) == 5)
    }
}
