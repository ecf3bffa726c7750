@testable import Templates
import Testing

/// In a strict set (every site build), a name that no context on the stack provides is
/// an error at its tag, with the nearest name there is; Mustache would render it as nothing.
@Suite("Strict names")
struct StrictNameTests {
    static func render(_ source: String, _ context: TemplateValue, strict: Bool = true) throws(TemplateError) -> String {
        let template = try Template(source: source, name: "issue", path: "templates/issue.mustache")
        return try TemplateSet(templates: [template], strict: strict).render("issue", context)
    }

    static func message(_ source: String, _ context: TemplateValue) -> String? {
        do {
            _ = try render(source, context)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aMisspelledNameIsAnErrorThatSuggestsTheRightOne() throws {
        let source = "<article>\n  <h1>{{title}}</h1>\n\n  {{{htm}}}\n</article>\n"
        #expect(Self.message(source, ["title": "T", "html": "<p>x</p>"]) == "templates/issue.mustache:4:3: no value 'htm' here; did you mean 'html'?")
        // The same template in a lenient set renders the name as nothing, as Mustache does.
        #expect(try Self.render(source, ["title": "T", "html": "<p>x</p>"], strict: false) == "<article>\n  <h1>T</h1>\n\n  \n</article>\n")
    }

    @Test func namesAreFoundOnTheWholeStackAndSuggestedFromIt() throws {
        let context: TemplateValue = ["site": ["title": "S"], "issues": [["name": "A"]]]
        #expect(try Self.render("{{#issues}}{{name}} of {{site.title}}{{/issues}}", context) == "A of S")
        #expect(Self.message("{{#issues}}{{nmae}}{{/issues}}", context) == "templates/issue.mustache:1:12: no value 'nmae' here; did you mean 'name'?")
        #expect(Self.message("{{site.titel}}", context) == "templates/issue.mustache:1:1: no value 'site.titel' here; did you mean 'site.title'?")
        #expect(Self.message("{{#isues}}x{{/isues}}", context) == "templates/issue.mustache:1:1: no value 'isues' here; did you mean 'issues'?")
        #expect(Self.message("{{^sight}}x{{/sight}}", context) == "templates/issue.mustache:1:1: no value 'sight' here")
        #expect(Self.message("{{site.title.text}}", context)
            == "templates/issue.mustache:1:1: no value 'site.title.text' here: 'site.title' is not an object, so it has no 'text'")
    }

    @Test func aNameThatIsThereWithNothingInItIsFine() throws {
        let context: TemplateValue = ["previous": nil, "tags": [], "summary": "", "page": ["canonical": nil]]
        #expect(try Self.render("[{{previous}}][{{previous.url}}][{{#tags}}x{{/tags}}][{{summary}}][{{^page.canonical}}none{{/page.canonical}}]{{.}}", context).hasPrefix("[][][][][none]"))
    }

    @Test func suggestionsAreNearAndStable() {
        #expect(NameSuggestion.closest(to: "htm", among: ["html", "title"]) == "html")
        #expect(NameSuggestion.closest(to: "zzzzzz", among: ["html", "title"]) == nil)
        // Both one edit away (a swap, a deletion): the alphabetically first.
        #expect(NameSuggestion.closest(to: "tilte", among: ["title", "tile"]) == "tile")
        #expect(NameSuggestion.closest(to: "tilte", among: ["tile", "title"]) == "tile")
    }
}
