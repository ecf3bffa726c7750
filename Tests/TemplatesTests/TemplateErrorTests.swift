import Templates
import Testing

/// Syntax errors are thrown at parse time as `path:line:column: message`,
/// located at the start of the offending tag.
@Suite struct TemplateErrorTests {
    /// The error text for parsing `source` as `t.mustache`, or nil if it parses.
    private func parseError(_ source: String, path: String? = "t.mustache") -> String? {
        do {
            _ = try Template(source: source, name: "t", path: path)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func unclosedSection() {
        #expect(parseError("Title\n  {{#items}}\n  <li>{{name}}</li>\n")
            == "t.mustache:2:3: unclosed section \"items\"")
    }

    @Test func unclosedSectionReportsTheInnermost() {
        #expect(parseError("{{#a}}\n{{^b}}\n") == "t.mustache:2:1: unclosed section \"b\"")
    }

    @Test func unclosedParentAndBlock() {
        #expect(parseError("{{<base}}\n{{$content}}x\n{{/base}}")
            == "t.mustache:3:1: mismatched closing tag: expected \"content\", found \"base\"")
        #expect(parseError("x {{<base}}") == "t.mustache:1:3: unclosed section \"base\"")
    }

    @Test func mismatchedClosingTag() {
        #expect(parseError("{{#a}}\n  x {{/b}}")
            == "t.mustache:2:5: mismatched closing tag: expected \"a\", found \"b\"")
    }

    @Test func closingTagWithoutOpening() {
        #expect(parseError("ok\n{{/a}}") == "t.mustache:2:1: closing tag \"a\" has no matching opening tag")
    }

    @Test func unclosedTag() {
        #expect(parseError("ab\ncd {{name") == "t.mustache:2:4: unclosed tag: missing \"}}\"")
        #expect(parseError("x {{{name}}") == "t.mustache:1:3: unclosed tag: missing \"}}}\"")
        #expect(parseError("{{") == "t.mustache:1:1: unclosed tag: missing \"}}\"")
    }

    @Test func unclosedTagWithCustomDelimiters() {
        #expect(parseError("{{=<% %>=}}\n<% x }}") == "t.mustache:2:1: unclosed tag: missing \"%>\"")
    }

    @Test func badSetDelimiterTag() {
        let message = "invalid set-delimiter tag: expected two delimiters separated by whitespace, as in {{=<% %>=}}"
        #expect(parseError("x\n {{=<% =}}") == "t.mustache:2:2: \(message)")
        #expect(parseError("{{=a b c=}}") == "t.mustache:1:1: \(message)")
        #expect(parseError("{{=<% %>}}") == "t.mustache:1:1: \(message)")
        #expect(parseError("{{=<= =>=}}") == "t.mustache:1:1: \(message)")
    }

    @Test func emptyTagName() {
        #expect(parseError("a {{ }}") == "t.mustache:1:3: empty tag name")
        #expect(parseError("{{#}}{{/}}") == "t.mustache:1:1: empty tag name")
        #expect(parseError("\n\n  {{>}}") == "t.mustache:3:3: empty tag name")
        #expect(parseError("{{{ }}}") == "t.mustache:1:1: empty tag name")
    }

    @Test func malformedTagNames() {
        #expect(parseError("{{a b}}") == "t.mustache:1:1: invalid tag name \"a b\": names cannot contain whitespace")
        #expect(parseError("{{a..b}}") == "t.mustache:1:1: invalid tag name \"a..b\"")
        #expect(parseError("{{>*a.}}") == "t.mustache:1:1: invalid dynamic name \"*a.\"")
    }

    @Test func columnsCountCharactersNotBytes() {
        #expect(parseError("é ü {{/x}}") == "t.mustache:1:5: closing tag \"x\" has no matching opening tag")
    }

    @Test func multiLineCommentsAdvanceTheLine() {
        #expect(parseError("{{! one\ntwo\n}} {{/x}}") == "t.mustache:3:4: closing tag \"x\" has no matching opening tag")
    }

    @Test func pathDefaultsToName() {
        #expect(parseError("{{#a}}", path: nil) == "t:1:1: unclosed section \"a\"")
    }

    @Test func errorDescriptionFormat() {
        let error = TemplateError(path: "templates/issue.mustache", line: 3, column: 7, message: "boom")
        #expect(error.description == "templates/issue.mustache:3:7: boom")
    }
}
