import Foundation
import Testing

/// `broadsheet new`: the next issue's file, with its front matter filled in; never over
/// an existing file; bad input is an error with status 1.
@Suite("broadsheet new")
struct NewCommandTests {
    static func archive() throws -> URL {
        try CommandRunner.scratchArchive(issues: [
            "2026-04-01-first.md": "---\ntitle: First\ndate: 2026-04-01\nnumber: 41\n---\nOne.\n",
            "2026-04-08-second.md": "---\ntitle: Second\ndate: 2026-04-08\nnumber: 42\ndraft: true\n---\nTwo.\n",
        ])
    }

    @Test func writesTheNextIssueAndPrintsItsPath() throws {
        let root = try Self.archive()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(["new", "Nvidia's \"Big\" Week: GB300 & more", "--root", root.path,
                                            "--date", "2026-04-15", "--tags", "chips, nvidia,"])
        try #require(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "content/issues/2026-04-15-nvidias-big-week-gb300-more.md\n")
        let text = try String(contentsOf: root.appendingPathComponent("content/issues/2026-04-15-nvidias-big-week-gb300-more.md"), encoding: .utf8)
        #expect(text.contains("number: 43\n"), "one past the highest number, a draft's included: \(text)")
        // The file builds, with the title, date and tags as given.
        let build = try CommandRunner.run(["build", "--root", root.path, "--quiet"], environment: ["BROADSHEET_TODAY": "2026-04-30"])
        try #require(build.status == 0, "\(build.stderr)")
        let page = try String(contentsOf: root.appendingPathComponent("site/issues/2026-04-15-nvidias-big-week-gb300-more/index.html"), encoding: .utf8)
        #expect(page.contains("<h1 class=\"issue-title\">Nvidia&#39;s &quot;Big&quot; Week: GB300 &amp; more</h1>"), "the title as written")
        #expect(page.contains("datetime=\"2026-04-15\""))
        #expect(page.contains("/tags/chips/") && page.contains("/tags/nvidia/"))
    }

    @Test func neverWritesOverAnIssue() throws {
        let root = try Self.archive()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("content/issues/2026-04-01-first.md")
        let before = try Data(contentsOf: path)
        let result = try CommandRunner.run(["new", "First", "--root", root.path, "--date", "2026-04-01"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/issues/2026-04-01-first.md:1: an issue is already there; nothing was written"), "\(result.stderr)")
        #expect(try Data(contentsOf: path) == before)
    }

    @Test func badInputIsAnError() throws {
        let root = try Self.archive()
        defer { try? FileManager.default.removeItem(at: root) }
        for (arguments, message) in [(["new", "X", "--date", "2026-13-01"], "--date must be a date like 2026-12-04, not '2026-13-01'"),
                                     (["new", "X", "--date", "5 May"], "--date must be a date like"),
                                     (["new", "  "], "the title is empty")] {
            let result = try CommandRunner.run(arguments + ["--root", root.path])
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-new-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let result = try CommandRunner.run(["new", "X", "--root", empty.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no issues folder"), "\(result.stderr)")
    }
}
