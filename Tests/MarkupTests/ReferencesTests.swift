import Testing
@testable import Markup

/// The links, images and template tags `broadsheet check` reads out of a body, with lines.
@Suite("References in Markdown")
struct ReferencesTests {
    @Test func linksAndImagesComeWithTheirWordsAndLines() {
        let document = MarkdownDocument("One [first  link](/a/)\nand ![a  chart](c.png).\n\n- [item](#x)\n<a href='../b/'>raw</a> <img src=\"r.png\">\n")
        #expect(document.references() == [
            MarkdownReference(kind: .link, destination: "/a/", text: "first link", line: 1, isRawHTML: false),
            MarkdownReference(kind: .image, destination: "c.png", text: "a chart", line: 2, isRawHTML: false),
            MarkdownReference(kind: .link, destination: "#x", text: "item", line: 4, isRawHTML: false),
            MarkdownReference(kind: .link, destination: "../b/", text: nil, line: 5, isRawHTML: true),
            MarkdownReference(kind: .image, destination: "r.png", text: nil, line: 5, isRawHTML: true),
        ])
    }

    @Test func rawHTMLBlocksAreReadTagByTagAndCommentsSkipped() {
        let html = "<div>\n<!-- <img src=\"old.png\">\n-->\n<IMG\n  SRC=x.png ALT=\"A &amp; B\">\n<a name=top>no href</a> <abbr>x</abbr>\n<a class=\"c\" href=\"/y/\">y</a>\n</div>\n"
        #expect(MarkdownDocument(html).references() == [
            MarkdownReference(kind: .image, destination: "x.png", text: "A & B", line: 4, isRawHTML: true),
            MarkdownReference(kind: .link, destination: "/y/", text: nil, line: 7, isRawHTML: true),
        ])
    }

    @Test func templateTagsAreFoundInProseAndHTMLButNotInCode() {
        let source = "A {{ site.url }} and {% post_url x %}\n`{{ code }}`\n\n    {{ indented }}\n\n<p>{% include a.html %}</p>\n\n[x]({{site.baseurl}}/y) {{ left open\n"
        #expect(MarkdownDocument(source).templateSyntax() == [
            TemplateSyntaxMention(snippet: "{{ site.url }}", line: 1),
            TemplateSyntaxMention(snippet: "{% post_url x %}", line: 1),
            TemplateSyntaxMention(snippet: "{% include a.html %}", line: 6),
            TemplateSyntaxMention(snippet: "{{site.baseurl}}", line: 8),
            TemplateSyntaxMention(snippet: "{{ left open", line: 8),
        ])
    }

    @Test func aLongTagIsShortened() {
        let tag = "{{ " + String(repeating: "x", count: 100) + " }}"
        let found = TemplateSyntaxScanner.find(in: tag, firstLine: 3)
        #expect(found.count == 1)
        #expect(found.first?.snippet.count == TemplateSyntaxScanner.snippetLimit)
        #expect(found.first?.snippet.hasSuffix("…") == true)
        #expect(found.first?.line == 3)
    }
}
