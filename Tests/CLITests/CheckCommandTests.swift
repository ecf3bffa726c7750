import Foundation
import Testing

/// `broadsheet check`: errors as `path:line: message` with status 1, warnings with status 0,
/// `--external` listing links without fetching them, and nothing written, ever.
@Suite("broadsheet check")
struct CheckCommandTests {
    static let good = "---\ntitle: Good\ndate: 2026-04-01\n---\n## Power\n\nSee [the next](../2026-04-08-next/) and [Nscale](https://www.nscale.com/).\n"
    static let next = "---\ntitle: Next\ndate: 2026-04-08\n---\nBack to [power](../2026-04-01-good/#power).\n"

    @Test func aCleanArchivePassesAndWritesNothing() throws {
        let root = try CommandRunner.scratchArchive(issues: ["2026-04-01-good.md": Self.good, "2026-04-08-next.md": Self.next])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(["check", "--root", root.path], environment: ["BROADSHEET_TODAY": "2026-05-01"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        #expect(result.stdout.hasPrefix("Checked 2 issues, "))
        #expect(result.stdout.hasSuffix(" and 2 internal links: 0 errors, 0 warnings.\n"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path))
    }

    @Test func errorsArePrintedAtTheirLinesWithStatusOne() throws {
        let broken = "---\ntitle: Broken\ndate: 2026-04-15\n---\nSee [gone](../2026-04-09-next/).\n\n![](https://example.com/chart.png)\n"
        let root = try CommandRunner.scratchArchive(issues: ["2026-04-01-good.md": Self.good, "2026-04-08-next.md": Self.next,
                                                             "2026-04-15-broken.md": broken])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(["check", "--root", root.path], environment: ["BROADSHEET_TODAY": "2026-05-01"])
        #expect(result.status == 1)
        #expect(result.stderr == """
        content/issues/2026-04-15-broken.md:5: link 'gone' (../2026-04-09-next/) leads to issue '2026-04-09-next', which the site does not have; did you mean '2026-04-08-next'?
        content/issues/2026-04-15-broken.md:7: image 'https://example.com/chart.png' has no alt text: say what it shows between the brackets, ![a chart of …](https://example.com/chart.png)

        """)
        #expect(result.stdout.hasSuffix(": 2 errors, 0 warnings.\n"))
    }

    @Test func warningsAloneLeaveTheStatusAtZero() throws {
        let liquid = "---\ntitle: Liquid\ndate: 2026-04-15\n---\nRead [the post]({{ site.baseurl }}/forums/).\n"
        let root = try CommandRunner.scratchArchive(issues: ["2026-04-15-liquid.md": liquid])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(["check", "--root", root.path], environment: ["BROADSHEET_TODAY": "2026-05-01"])
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("content/issues/2026-04-15-liquid.md:5: warning: template syntax '{{ site.baseurl }}' will be printed as it stands"))
        #expect(result.stdout.hasSuffix(": 0 errors, 1 warning.\n"))
    }

    @Test func externalLinksAreListedNotFetched() throws {
        let links = "---\ntitle: Links\ndate: 2026-04-15\n---\n[A](https://unreachable.invalid/a) and [mail](mailto:ed@example.org)\n\n<a href=\"http://unreachable.invalid/b\">B</a> [home](https://example.org/)\n"
        let root = try CommandRunner.scratchArchive(issues: ["2026-04-15-links.md": links])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(["check", "--root", root.path, "--external"], environment: ["BROADSHEET_TODAY": "2026-05-01"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("""
        content/issues/2026-04-15-links.md:5: https://unreachable.invalid/a
        content/issues/2026-04-15-links.md:7: http://unreachable.invalid/b
        Checked 1 issue,
        """), "\(result.stdout)")
        #expect(result.stdout.hasSuffix(" 2 external links listed, not fetched.\n"))
    }

    @Test func aMisspeltThemeNameIsAnErrorAtItsTag() throws {
        let root = try CommandRunner.scratchArchive(issues: ["2026-04-01-good.md": Self.good, "2026-04-08-next.md": Self.next])
        defer { try? FileManager.default.removeItem(at: root) }
        let template = root.appendingPathComponent("templates/issue.mustache")
        let text = try String(contentsOf: template, encoding: .utf8)
        try text.replacingOccurrences(of: "{{{html}}}", with: "{{{htm}}}").write(to: template, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["check", "--root", root.path], environment: ["BROADSHEET_TODAY": "2026-05-01"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("templates/issue.mustache:"))
        #expect(result.stderr.hasSuffix(": no value 'htm' here; did you mean 'html'?\n"), "\(result.stderr)")
    }

    @Test func aBuiltSiteIsLeftAsItWas() throws {
        let root = try CommandRunner.scratchArchive(issues: ["2026-04-01-good.md": Self.good, "2026-04-08-next.md": Self.next])
        defer { try? FileManager.default.removeItem(at: root) }
        let build = try CommandRunner.run(["build", "--root", root.path, "--quiet"], environment: ["BROADSHEET_TODAY": "2026-05-01"])
        try #require(build.status == 0, "\(build.stderr)")
        let page = root.appendingPathComponent("site/issues/2026-04-01-good/index.html")
        let before = try Data(contentsOf: page)
        try "---\ntitle: Good\n---\nNo date.\n".write(to: root.appendingPathComponent("content/issues/2026-04-01-good.md"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["check", "--root", root.path], environment: ["BROADSHEET_TODAY": "2026-05-01"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("content/issues/2026-04-01-good.md:1: missing date"), "\(result.stderr)")
        #expect(try Data(contentsOf: page) == before)
    }

    @Test func theRepositorysOwnArchiveChecksClean() throws {
        let result = try CommandRunner.run(["check", "--root", CommandRunner.repository.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        #expect(result.stdout.hasSuffix(": 0 errors, 0 warnings.\n"), "\(result.stdout)")
    }

    @Test func noArchiveIsAnError() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let result = try CommandRunner.run(["check", "--root", empty.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("content/issues:1: no issues folder: put issue files in content/issues/ under the root (--root)\n"), "\(result.stderr)")
        #expect(result.stdout == "")
    }
}
