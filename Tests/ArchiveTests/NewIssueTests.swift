import Testing
@testable import Archive

/// The file `broadsheet new` writes reads back as the issue it was made from.
@Suite("New issue")
struct NewIssueTests {
    @Test(arguments: ["Plain title", "Quotes \"inside\" and a \\ backslash", "Colon: and # hash, [brackets], {braces}",
                      "Tab\tand unicode — ünïcödé 日本", "yes", "2026-01-01", "null"])
    func theTitleReadsBackAsWritten(title: String) throws {
        let issue = NewIssue(title: title, date: "2026-04-15", tags: ["a: b", "c\"d"], existing: [])
        var warnings: [ContentWarning] = []
        let parsed = try IssueParser.parse(path: "content/issues/\(issue.fileName)", text: issue.text, linking: .disabled, warnings: &warnings)
        #expect(parsed.title == title)
        #expect(parsed.tags == ["a: b", "c\"d"])
        #expect(parsed.date.isoDate == "2026-04-15")
        #expect(parsed.number == "1")
        #expect(warnings.isEmpty)
    }

    @Test func theNumberFollowsTheHighest() throws {
        var warnings: [ContentWarning] = []
        let numbered = try ["7", "12", "x"].enumerated().map { offset, number in
            try IssueParser.parse(path: "content/issues/\(offset).md", text: "---\ntitle: T\ndate: 2026-01-0\(offset + 1)\nnumber: \(number)\n---\nB.\n",
                                  linking: .disabled, warnings: &warnings)
        }
        #expect(NewIssue(title: "T", date: "2026-02-01", tags: [], existing: numbered).text.contains("number: 13\n"))
        #expect(NewIssue(title: "", date: "2026-02-01", tags: [], existing: []).fileName == "2026-02-01-issue.md")
    }
}
