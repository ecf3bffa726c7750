import Templates
import Testing

/// Strict sets reject unknown partials and parents; non-strict ones render
/// them as nothing (the spec's behaviour).
@Suite struct TemplateSetTests {
    private func setError(_ sources: [String: String], strict: Bool = true) -> String? {
        do {
            _ = try TemplateSet(sources: sources, strict: strict)
            return nil
        } catch {
            return error.description
        }
    }

    private func renderError(_ set: TemplateSet, _ name: String, _ context: TemplateValue) -> String? {
        do {
            _ = try set.render(name, context)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func strictRejectsUnknownStaticPartialAtItsTag() {
        #expect(setError(["page": "<h1>\n  {{> missing}}\n"]) == "page:2:3: unknown partial \"missing\"")
    }

    @Test func strictRejectsUnknownParentAtItsTag() {
        #expect(setError(["page": "x\n{{<layout}}{{/layout}}"]) == "page:2:1: unknown partial \"layout\"")
    }

    @Test func strictChecksPartialsInSectionsThatNeverRender() {
        #expect(setError(["page": "{{#never}}{{>typo}}{{/never}}"]) == "page:1:11: unknown partial \"typo\"")
    }

    @Test func strictErrorsUseTheTemplatePath() throws {
        let page = try Template(source: "\n\n   {{> partials/nowhere}}", name: "404", path: "templates/404.mustache")
        do {
            _ = try TemplateSet(templates: [page], strict: true)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "templates/404.mustache:3:4: unknown partial \"partials/nowhere\"")
        }
    }

    @Test func nonStrictRendersUnknownPartialsAsNothing() throws {
        let set = try TemplateSet(sources: ["page": "[{{>missing}}]({{<gone}}{{/gone}})"], strict: false)
        #expect(try set.render("page", [:]) == "[]()")
    }

    @Test func strictDynamicPartialNamingUnknownTemplateFailsAtTheTag() throws {
        let set = try TemplateSet(sources: ["page": "a\n  b {{>*kind}} c", "card": "C"], strict: true)
        #expect(try set.render("page", ["kind": "card"]) == "a\n  b C c")
        #expect(renderError(set, "page", ["kind": "nope"]) == "page:2:5: unknown partial \"nope\" (from \"*kind\")")
        // A dynamic name that resolves to nothing renders nothing, as the spec says.
        #expect(try set.render("page", [:]) == "a\n  b  c")
    }

    @Test func unknownTemplate() throws {
        let set = try TemplateSet(sources: ["page": "x"], strict: true)
        #expect(renderError(set, "nope", [:]) == "nope:1:1: unknown template \"nope\"")
        #expect(set.contains("page"))
        #expect(!set.contains("nope"))
    }

    @Test func duplicateNamesAreRejected() throws {
        let first = try Template(source: "a", name: "page", path: "one/page.mustache")
        let second = try Template(source: "b", name: "page", path: "two/page.mustache")
        do {
            _ = try TemplateSet(templates: [first, second], strict: false)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "two/page.mustache:1:1: duplicate template name \"page\"")
        }
    }

    @Test func syntaxErrorsInSourcesAreReported() {
        #expect(setError(["b": "{{#x}}", "a": "{{/y}}"]) == "a:1:1: closing tag \"y\" has no matching opening tag")
    }

    @Test func endlessRecursionIsAnErrorNotACrash() throws {
        let set = try TemplateSet(sources: ["loop": "x{{>loop}}"], strict: true)
        #expect(renderError(set, "loop", [:])
            == "loop:1:2: partials nested too deeply (over 100 levels) at \"loop\"; does it include itself?")
    }
}
