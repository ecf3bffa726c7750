import Testing
@testable import Archive

/// Front matter `permalink`: an issue's old address, read as a path in the site folder, or
/// an error at its line saying why it cannot be one.
@Suite("Permalinks")
struct PermalinkTests {
    private func issue(_ permalink: String) throws(ContentError) -> Archive.Issue {
        try IssueParser.parse(path: "content/issues/2018-01-19-forums.md",
                              text: "---\ntitle: Forums\ndate: 2018-01-19\npermalink: \(permalink)\n---\nBody.\n")
    }

    @Test func oldAddressesBecomePathsInTheSiteFolder() throws {
        let cases: [(String, String)] = [
            ("/2018/01/19/forums/", "2018/01/19/forums/"),
            ("/2018/01/19/forums.html", "2018/01/19/forums.html"),
            ("/old/page.HTM", "old/page.HTM"),
            ("/2018/forums", "2018/forums/"),
            ("2018//forums/", "2018/forums/"),
            ("/v1.2-release", "v1.2-release/"),
            ("/caf%C3%A9/", "café/"),
            ("/", ""),
        ]
        for (written, path) in cases {
            let permalink = try #require(try issue(written).permalink, "\(written)")
            #expect(permalink.path == path, "\(written)")
            #expect(permalink.written == written)
            #expect(permalink.line == 4)
        }
        #expect(try issue("\"\"").permalink == nil, "an empty permalink is none")
        #expect(try issue("/2018/01/19/forums/").params["permalink"] == nil, "permalink is read, not left in params")
    }

    @Test func addressesThatCannotBeAPathAreErrorsAtTheirLine() {
        let cases: [(String, String)] = [
            ("/:year/:month/:title/", "uses the Jekyll placeholder :year, which only Jekyll fills in"),
            ("/blog/:categories/:title.html", "uses the Jekyll placeholder :categories"),
            ("https://old.example.com/x/", "is a whole address: give only its path"),
            ("//old.example.com/x/", "is a whole address"),
            ("/x/?page=2", "has a query or fragment"),
            ("/x/#top", "has a query or fragment"),
            ("/../escape/", "leads out of the site folder ('..')"),
            ("/a/%2e%2e/%2e%2e/b/", "leads out of the site folder ('..')"),
            ("/a/./b/", "has a '.' segment"),
            ("/.git/config", "has a hidden name ('.git')"),
            ("/a%5Cb/", "has a control character, a backslash or a colon"),
            ("/a%0Ab/", "has a control character, a backslash or a colon"),
            ("/a%3Ab/", "has a control character, a backslash or a colon"),
            ("/a%zz/", "has a broken %-escape"),
        ]
        for (written, reason) in cases {
            do {
                _ = try issue("\"\(written)\"")
                Testing.Issue.record("\(written) was accepted")
            } catch {
                #expect(error.path == "content/issues/2018-01-19-forums.md" && error.line == 4, "\(written)")
                #expect(error.message.hasPrefix("permalink '\(written)' \(reason)"), "\(written): \(error.message)")
            }
        }
        #expect(throws: ContentError.self) { try issue("[a, b]") }
    }
}
