import Foundation
import Testing
@testable import Search

@Suite("The search script the site ships")
struct BrowserScriptsTests {
    @Test func commentsAndIndentationGoCodeStays() {
        let source = """
        /**
         * A doc comment.
         */
        function f(a) {
          // a whole-line comment
            const url = "https://example.com/*not a comment*/"; // stays: after code

          /* one line */
          return a * 2; /* after code, stays */
        }

        """
        #expect(BrowserScripts.withoutComments(source) == """
        function f(a) {
        const url = "https://example.com/*not a comment*/"; // stays: after code
        return a * 2; /* after code, stays */
        }

        """)
    }

    @Test func aBlockCommentRunsToTheLineThatEndsIt() {
        #expect(BrowserScripts.withoutComments("/*\n * x */ still comment\n*/\ncode();\n") == "code();\n")
        #expect(BrowserScripts.withoutComments("/**/\ncode();\n") == "code();\n")
    }

    /// The stripping is line by line; it is safe only while no string or template
    /// literal spans lines in our scripts, which this holds them to.
    @Test func noLiteralSpansLines() throws {
        let folder = Self.sourceFolder()
        for part in BrowserScripts.parts {
            let text = try String(contentsOf: folder.appendingPathComponent(part), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                if code.hasPrefix("*") || code.hasPrefix("/*") || code.hasPrefix("//") { continue }
                #expect(line.filter { $0 == "`" }.count % 2 == 0, "\(part):\(number + 1): a template literal spans lines")
                #expect(!line.hasSuffix("\\"), "\(part):\(number + 1): a string continues on the next line")
            }
        }
    }

    @Test func theShippedScriptIsSmallerAndHasNoCommentLines() throws {
        let script = String(decoding: try BrowserScripts.searchScript(), as: UTF8.self)
        let folder = Self.sourceFolder()
        let joined = try BrowserScripts.parts.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined()
        #expect(script.utf8.count < joined.utf8.count * 4 / 5)
        let lines = script.split(separator: "\n").dropFirst()
        #expect(!lines.contains { $0.hasPrefix("//") || $0.hasPrefix("/*") || $0.hasPrefix(" ") })
        #expect(script.contains("BroadsheetSearch"))
    }

    static func sourceFolder() -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Search/Browser")
    }
}
