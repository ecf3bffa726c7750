import Testing
@testable import Import

/// Post file names: Jekyll's `YYYY-M-D-title.ext`, dates written out in full.
@Suite("Post file names")
struct PostFileNameTests {
    @Test func namesLikeJekyllsAreReadAndTheirDatesWrittenInFull() throws {
        let cases: [(String, String, String)] = [
            ("2018-01-19-forums.md", "2018-01-19-forums.md", "Forums"),
            ("2018-1-5-new-year.md", "2018-01-05-new-year.md", "New Year"),
            ("2018-12-5-a.b-c.markdown", "2018-12-05-a.b-c.markdown", "A.b C"),
            ("2019-03-04-notes.MKD", "2019-03-04-notes.md", "Notes"),
            ("2019-03-04-2019-recap.md", "2019-03-04-2019-recap.md", "2019 Recap"),
        ]
        for (name, normalized, title) in cases {
            let parsed = try PostFileName.parse(name).get()
            #expect(parsed.normalized == normalized, "\(name)")
            #expect(parsed.defaultTitle == title, "\(name)")
        }
        #expect(try PostFileName.parse("2018-1-5-new-year.md").get().stem == "2018-01-05-new-year")
        #expect(try PostFileName.parse("2018-1-5-new-year.md").get().date == "2018-01-05")
    }

    @Test func otherNamesSayWhyTheyAreNotPosts() {
        let cases: [(String, String)] = [
            ("notes.txt", "not a Markdown file (.txt)"),
            ("2018-01-19-forums.html", "not a Markdown file (.html)"),
            ("README", "no extension"),
            ("ideas.md", "the name does not start with a date"),
            ("18-01-19-short-year.md", "the name does not start with a date"),
            ("2018-13-01-no-such-month.md", "the name does not start with a date"),
            ("2018-02-30-no-such-day.md", "the name does not start with a date"),
            ("2018-001-01-three-digits.md", "the name does not start with a date"),
            ("2018-01-19-.md", "no title after the date"),
            ("2018-01-19.md", "the name does not start with a date"),
        ]
        for (name, reason) in cases {
            switch PostFileName.parse(name) {
            case .success(let parsed): Issue.record("\(name) was read as \(parsed.normalized)")
            case .failure(let problem): #expect(problem.reason.hasPrefix(reason), "\(name): \(problem.reason)")
            }
        }
    }
}
