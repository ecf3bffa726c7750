import Foundation
import Testing
@testable import Archive

/// Front matter that tries to make the build hang or guess: alias bombs, deep
/// nesting and duplicate keys get an error or a warning, fast, at their line.
@Suite("Hostile YAML")
struct HostileYAMLTests {
    private let path = "content/issues/a.md"

    /// Nine anchors, each a list of nine copies of the one before: 9^9 values.
    static var aliasBomb: String {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for name in "bcdefghi".map(String.init) {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = name
        }
        return yaml
    }

    private func parse(_ text: String) -> Result<(Archive.Issue, [ContentWarning]), ContentError> {
        var warnings: [ContentWarning] = []
        do {
            let issue = try IssueParser.parse(path: path, text: text, warnings: &warnings)
            return .success((issue, warnings))
        } catch {
            return .failure(error)
        }
    }

    @Test func aliasBombFailsFastAtTheLineThatCrossesTheLimit() throws {
        let text = "---\ntitle: Bomb\ndate: 2026-01-01\n" + Self.aliasBomb + "---\nBody\n"
        let start = Date()
        let result = parse(text)
        let seconds = Date().timeIntervalSince(start)
        guard case .failure(let error) = result else {
            Testing.Issue.record("an alias bomb parsed")
            return
        }
        #expect(error.message == "front matter expands to more than \(YAMLLimits.frontMatter.values) values (YAML aliases?)")
        // Each list counts itself and its items: a..d are 10, 91, 820 and 7,381 values,
        // so the running total passes 10,000 on e's line, line 8 of the file.
        #expect(error.line == 8, "\(error)")
        #expect(seconds < 1, "took \(seconds) s")
    }

    @Test func aliasesWithinTheLimitExpand() throws {
        let text = "---\ntitle: &t Shared\ndate: 2026-01-01\nheadline: *t\nlist: &l [a, b]\ncopy: *l\n---\n"
        guard case .success(let (issue, warnings)) = parse(text) else {
            Testing.Issue.record("small aliases should parse")
            return
        }
        #expect(issue.params["headline"] == .string("Shared"))
        #expect(issue.params["copy"] == .list([.string("a"), .string("b")]))
        #expect(warnings.isEmpty)
    }

    @Test func tooManyAliasesIsAnError() {
        let aliases = (0..<1_001).map { "k\($0): *t" }.joined(separator: "\n")
        let text = "---\ntitle: &t T\ndate: 2026-01-01\n\(aliases)\n---\n"
        guard case .failure(let error) = parse(text) else {
            Testing.Issue.record("1,001 aliases parsed")
            return
        }
        #expect(error.message == "front matter uses more than 1000 aliases")
        #expect(error.line == 1_004)
    }

    @Test(arguments: [
        ("x: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70), 4),
        ("x:\n" + String(repeating: "- ", count: 70) + "y", 5),
        ("x: " + String(repeating: "{a: ", count: 70) + "1" + String(repeating: "}", count: 70), 4),
    ])
    func deepNestingIsAnError(nested: String, line: Int) {
        guard case .failure(let error) = parse("---\ntitle: T\ndate: 2026-01-01\n\(nested)\n---\n") else {
            Testing.Issue.record("70 levels of nesting parsed")
            return
        }
        #expect(error.message == "front matter nests lists and mappings more than 64 deep")
        #expect(error.line == line)
    }

    @Test func nestingWithinTheLimitIsFine() {
        let nested = "x: " + String(repeating: "[", count: 60) + String(repeating: "]", count: 60)
        guard case .success = parse("---\ntitle: T\ndate: 2026-01-01\n\(nested)\n---\n") else {
            Testing.Issue.record("60 levels should parse")
            return
        }
    }

    @Test func duplicateKeyWarnsAndTheLastValueWins() throws {
        let text = "---\ntitle: First\ndate: 2026-01-01\npublished: true\ntitle: Second\npublished: false\n---\n"
        guard case .success(let (issue, warnings)) = parse(text) else {
            Testing.Issue.record("duplicate keys should not stop the build")
            return
        }
        #expect(issue.title == "Second")
        #expect(issue.params["published"] == .bool(false))
        #expect(warnings.map(\.description) == [
            "content/issues/a.md:5: warning: duplicate key 'title'; the last one is used",
            "content/issues/a.md:6: warning: duplicate key 'published'; the last one is used",
        ])
    }

    @Test func duplicateKeysInsideAValueAndInSiteConfigWarnToo() throws {
        var warnings: [ContentWarning] = []
        _ = try IssueParser.parse(path: path, text: "---\ntitle: T\ndate: 2026-01-01\nsponsor: {name: A, name: B}\n---\n", warnings: &warnings)
        #expect(warnings.map(\.line) == [4])
        var configWarnings: [ContentWarning] = []
        let config = try SiteConfig.parse(yaml: "title: A\ntitle: B\n", path: "content/site.yml", defaultTitle: "x", warnings: &configWarnings)
        #expect(config.title == "B")
        #expect(configWarnings.map(\.description) == ["content/site.yml:2: warning: duplicate key 'title'; the last one is used"])
    }

    @Test func aSecondDocumentInSiteConfigIsAnError() {
        #expect {
            try SiteConfig.parse(yaml: "title: A\n---\ntitle: B\n", path: "content/site.yml", defaultTitle: "x")
        } throws: { error in
            "\(error)" == "content/site.yml:2: invalid YAML: a second document starts here; site.yml holds one"
        }
    }

    @Test func undefinedAliasNamesItsLine() {
        guard case .failure(let error) = parse("---\ntitle: T\ndate: 2026-01-01\nx: *nowhere\n---\n") else {
            Testing.Issue.record("parsed")
            return
        }
        #expect(error.description == "content/issues/a.md:4: invalid YAML: found undefined alias '*nowhere'")
    }

    @Test func registryAliasBombIsAnErrorToo() {
        // The same bomb as list items of entities.yml, whose limit is higher but still finite.
        let yaml = Self.aliasBomb.split(separator: "\n").map { "- " + $0.drop { $0 != "&" } }.joined(separator: "\n")
        #expect {
            try EntityRegistry.parse(yaml: yaml, path: "content/entities.yml")
        } throws: { error in
            "\(error)".hasPrefix("content/entities.yml:") && "\(error)".hasSuffix("entities.yml expands to more than 5000000 values (YAML aliases?)")
        }
    }
}

@Suite("Duplicate keys in any spelling")
struct DuplicateKeySpellingTests {
    @Test func keysDifferingOnlyInCaseAreDuplicates() throws {
        var warnings: [ContentWarning] = []
        let issue = try IssueParser.parse(path: "a.md", text: "---\ntitle: One\nTitle: Two\ndate: 2026-01-01\n---\n", warnings: &warnings)
        #expect(issue.title == "Two")
        #expect(warnings.map(\.description) == ["a.md:3: warning: duplicate key 'Title'; the last one is used"])
    }

    @Test func pelicanHeadersGivenTwiceWarn() throws {
        var warnings: [ContentWarning] = []
        let issue = try IssueParser.parse(path: "a.md", text: "Title: One\nDate: 2014-01-01\nTitle: Two\n\nBody\n", warnings: &warnings)
        #expect(issue.title == "Two")
        #expect(warnings.map(\.description) == ["a.md:3: warning: duplicate key 'Title'; the last one is used"])
    }
}

@Suite("YAML scalars")
struct YAMLScalarTests {
    @Test func baseSixtyNumbersStayTextAndHugeOnesDoNotCrash() throws {
        let issue = try IssueParser.parse(path: "a.md", text: """
        ---
        title: T
        date: 2026-01-01
        time: 10:30
        huge: 1111111111111105555:50555:1111111111111111:1111111111
        count: 42
        ratio: 2.5
        big: 99999999999999999999999
        ---
        """)
        #expect(issue.params["time"] == .string("10:30"))
        #expect(issue.params["huge"] == .string("1111111111111105555:50555:1111111111111111:1111111111"))
        #expect(issue.params["count"] == .int(42))
        #expect(issue.params["ratio"] == .double(2.5))
        #expect(issue.params["big"] != nil)
    }
}
