import Foundation
import Testing

/// Drafts and issues dated after today stay out of every page, feed, the sitemap, entity
/// pages and search, until `--drafts` and `--future` put them back; the build says how many
/// it left out and why. `BROADSHEET_TODAY` fixes "today" so the test does not age.
@Suite("Drafts and future issues")
struct ScheduledIssueTests {
    static let today = ["BROADSHEET_TODAY": "2026-05-01"]

    static func archive() throws -> URL {
        let root = try CommandRunner.scratchArchive(issues: [
            "2026-04-01-published.md": "---\ntitle: Published\ndate: 2026-04-01\ntags: [chips]\n---\nAbout quarkwidgets today.\n",
            "2026-04-20-draft.md": "---\ntitle: Unfinished\ndate: 2026-04-20\ndraft: true\ntags: [chips]\n---\nDraftonly word zebrafinch.\n",
            "2026-06-01-scheduled.md": "---\ntitle: Scheduled\ndate: 2026-06-01\ntags: [chips]\n---\nNvidia and the futureonly word yellowhammer.\n",
        ])
        try "- name: Nvidia\n  kind: company\n".write(to: root.appendingPathComponent("content/entities.yml"), atomically: true, encoding: .utf8)
        return root
    }

    /// Every file of the built site as text (the search index is compressed, so it is asked instead).
    static func siteText(_ root: URL) throws -> String {
        try CommandRunner.snapshot(root.appendingPathComponent("site")).filter { !$0.key.hasPrefix("/search/index/") }
            .values.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
    }

    static func search(_ root: URL, _ query: String) throws -> String {
        try CommandRunner.run(["search", query, "--site", root.appendingPathComponent("site").path]).stdout
    }

    @Test func draftsAndFutureIssuesAreLeftOutEverywhereAndCounted() throws {
        let root = try Self.archive()
        defer { try? FileManager.default.removeItem(at: root) }
        let build = try CommandRunner.run(["build", "--root", root.path, "--quiet"], environment: Self.today)
        try #require(build.status == 0, "\(build.stderr)")
        #expect(build.stdout.contains("Built 1 issue into"), "\(build.stdout)")
        #expect(build.stdout.contains("Left out 1 draft (--drafts builds it) and 1 issue dated after 2026-05-01 (--future builds it)."), "\(build.stdout)")
        let text = try Self.siteText(root)
        for word in ["Unfinished", "zebrafinch", "Scheduled", "yellowhammer", "2026-06-01-scheduled", "2026-04-20-draft"] {
            #expect(!text.contains(word), "\(word) is in the site (pages, feeds, sitemap or entity pages)")
        }
        #expect(text.contains("quarkwidgets"))
        #expect(try Self.search(root, "yellowhammer").contains("No issues"), "search finds a future issue")
        #expect(try Self.search(root, "zebrafinch").contains("No issues"), "search finds a draft")
        let entityFeed = (try? String(contentsOf: root.appendingPathComponent("site/entities/nvidia/feed.xml"), encoding: .utf8)) ?? ""
        #expect(!entityFeed.contains("Scheduled"))
    }

    @Test func draftsAndFutureComeBackOnRequest() throws {
        let root = try Self.archive()
        defer { try? FileManager.default.removeItem(at: root) }
        let build = try CommandRunner.run(["build", "--root", root.path, "--quiet", "--drafts", "--future"], environment: Self.today)
        try #require(build.status == 0, "\(build.stderr)")
        #expect(build.stdout.contains("Built 3 issues into"), "\(build.stdout)")
        #expect(!build.stdout.contains("Left out"), "\(build.stdout)")
        let text = try Self.siteText(root)
        #expect(text.contains("Unfinished") && text.contains("Scheduled"))
        #expect(try Self.search(root, "yellowhammer").contains("Scheduled"))
        let entity = try String(contentsOf: root.appendingPathComponent("site/entities/nvidia/index.html"), encoding: .utf8)
        #expect(entity.contains("Scheduled"), "the future issue is on the entity page it mentions")
    }

    @Test func anIssueDatedTodayIsNotInTheFuture() throws {
        let root = try Self.archive()
        defer { try? FileManager.default.removeItem(at: root) }
        let build = try CommandRunner.run(["build", "--root", root.path, "--quiet"], environment: ["BROADSHEET_TODAY": "2026-06-01"])
        try #require(build.status == 0, "\(build.stderr)")
        #expect(build.stdout.contains("Built 2 issues into"), "\(build.stdout)")
        #expect(build.stdout.contains("Left out 1 draft (--drafts builds it)."), "\(build.stdout)")
    }
}
