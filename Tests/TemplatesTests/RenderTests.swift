import Templates
import Testing

/// Behaviour beyond the spec files: escaping, how values print, truthiness,
/// literals, and concurrent use.
@Suite struct RenderTests {
    /// Renders in a lenient set, Mustache's own rules (a missing name is empty);
    /// `StrictNameTests` covers the strict sets site builds use.
    private func render(_ source: String, _ context: TemplateValue, partials: [String: String] = [:]) throws -> String {
        var sources = partials
        sources["main"] = source
        return try TemplateSet(sources: sources, strict: false).render("main", context)
    }

    @Test func escapesTheFiveHTMLCharacters() throws {
        #expect(try render("{{x}}", ["x": "<a href=\"x\">Tom & 'Jerry'</a>"])
            == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        #expect(try render("{{{x}}}|{{&x}}", ["x": "<b>&'\"</b>"]) == "<b>&'\"</b>|<b>&'\"</b>")
    }

    @Test func escapingKeepsMultiByteText() throws {
        #expect(try render("{{x}}", ["x": "café — 日本 🎉"]) == "café — 日本 🎉")
        #expect(try render("{{x}}", ["x": "é<ü>🎉&"]) == "é&lt;ü&gt;🎉&amp;")
        #expect(try render("{{x}}", ["x": ""]) == "")
    }

    @Test func valuesPrintLikeJSON() throws {
        let context: TemplateValue = [
            "int": 42, "negative": -7, "whole": 2.0, "fraction": 1.25, "yes": true, "no": false,
            "none": nil, "list": [1, 2], "object": ["a": 1],
        ]
        #expect(try render("{{int}} {{negative}} {{whole}} {{fraction}} {{yes}} {{no}}", context)
            == "42 -7 2 1.25 true false")
        #expect(try render("[{{none}}][{{list}}][{{object}}][{{missing}}]", context) == "[][][][]")
    }

    @Test func truthiness() throws {
        let context: TemplateValue = [
            "emptyString": "", "zero": 0, "zeroDouble": 0.0, "emptyList": [], "null": nil, "no": false,
            "emptyObject": [:], "text": "x", "one": 1, "yes": true,
        ]
        for name in ["emptyString", "zero", "zeroDouble", "emptyList", "null", "no", "missing"] {
            #expect(try render("{{#\(name)}}T{{/\(name)}}{{^\(name)}}F{{/\(name)}}", context) == "F", "\(name)")
        }
        for name in ["emptyObject", "text", "one", "yes"] {
            #expect(try render("{{#\(name)}}T{{/\(name)}}{{^\(name)}}F{{/\(name)}}", context) == "T", "\(name)")
        }
    }

    @Test func literalsBuildTheExpectedValues() {
        let value: TemplateValue = ["s": "a", "b": true, "i": 1, "d": 1.5, "l": [nil], "o": ["k": "v"]]
        #expect(value == .object([
            "s": .string("a"), "b": .bool(true), "i": .int(1), "d": .double(1.5),
            "l": .list([.null]), "o": .object(["k": .string("v")]),
        ]))
    }

    @Test func sectionsPushObjectsAndLookupGoesOutwards() throws {
        let context: TemplateValue = ["site": ["title": "S"], "issues": [["title": "A"], ["title": "B", "site": "own"]]]
        #expect(try render("{{#issues}}{{title}}/{{site.title}};{{/issues}}", context) == "A/S;B/;")
    }

    @Test func dynamicPartialsPickATemplatePerItem() throws {
        let context: TemplateValue = ["items": [["kind": "text", "v": "hi"], ["kind": "image", "v": "a.png"]]]
        let output = try render(
            "{{#items}}\n  {{>*kind}}\n{{/items}}\n", context,
            partials: ["text": "<p>{{v}}</p>\n", "image": "<img src=\"{{v}}\">\n"])
        #expect(output == "  <p>hi</p>\n  <img src=\"a.png\">\n")
    }

    @Test func standaloneBlockInsideIndentedPartial() throws {
        // Indentation of a standalone partial adds to a block's own.
        let output = try render(
            "<div>\n  {{>box}}\n</div>\n", ["x": "X"],
            partials: ["box": "<section>\n  {{$inner}}\n  <p>{{x}}</p>\n  {{/inner}}\n</section>\n"])
        #expect(output == "<div>\n  <section>\n    <p>X</p>\n  </section>\n</div>\n")
    }

    @Test func dynamicParents() throws {
        let output = try render(
            "{{<*layout}}{{$body}}B{{/body}}{{/*layout}}", ["layout": "wide"],
            partials: ["wide": "<w>{{$body}}{{/body}}</w>"])
        #expect(output == "<w>B</w>")
    }

    @Test func crlfStandaloneLines() throws {
        let output = try render("<ul>\r\n  {{#items}}\r\n  <li>{{.}}</li>\r\n  {{/items}}\r\n</ul>\r\n", ["items": [1, 2]])
        #expect(output == "<ul>\r\n  <li>1</li>\r\n  <li>2</li>\r\n</ul>\r\n")
    }

    @Test func nestedStandalonePartialsAccumulateIndentation() throws {
        let output = try render(
            "<a>\n  {{>b}}\n</a>\n", ["text": "x\ny"],
            partials: ["b": "<b>\n  {{>c}}\n</b>\n", "c": "<c>{{text}}</c>\n<c/>\n"])
        // Template lines are indented; newlines inside values are not.
        #expect(output == "<a>\n  <b>\n    <c>x\ny</c>\n    <c/>\n  </b>\n</a>\n")
    }

    @Test func setDelimitersDoNotLeakIntoPartials() throws {
        let output = try render("{{=<% %>=}}<%>p%> {{x}}", ["x": 1], partials: ["p": "{{x}}"])
        #expect(output == "1 {{x}}")
    }

    @Test func templatesRenderConcurrently() async throws {
        let set = try TemplateSet(
            sources: ["page": "{{#items}}<li>{{name}}</li>{{/items}}"], strict: true)
        let expected = (0..<50).map { "<li>n&amp;\($0)</li>" }.joined()
        let results = await withTaskGroup(of: String?.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    let items = (0..<50).map { TemplateValue.object(["name": .string("n&\($0)")]) }
                    return try? set.render("page", ["items": .list(items)])
                }
            }
            var all: [String?] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 16)
        #expect(results.allSatisfy { $0 == expected })
    }
}
