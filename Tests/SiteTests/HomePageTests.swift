import Foundation
import Testing
@testable import Site

/// The front page: the newsletter's description, the newest issue in full width, then the
/// rest of the first page; later pages list their issues only.
@Suite("Home page")
struct HomePageTests {
    @Test func theNewestIssueComesFirstInFullWidthAndOnlyOnce() throws {
        let root = try TestSupport.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        // 25 more issues, so that there is a second page.
        for day in 1...25 {
            let date = String(format: "2024-01-%02d", day)
            try "---\ntitle: Old \(day)\ndate: \(date)\n---\nText.\n".write(to: root.appendingPathComponent("content/issues/\(date)-old.md"), atomically: true, encoding: .utf8)
        }
        let output = root.deletingLastPathComponent().appendingPathComponent("out")
        _ = try SiteBuilder(options: BuildOptions(root: root, output: output, themeDirectory: TestSupport.theme)).build()
        let home = try TestSupport.read(output.appendingPathComponent("index.html"))
        #expect(home.contains("<p class=\"lede\">A small archive the golden tests build.</p>"))
        let latest = try #require(home.range(of: "<article class=\"latest-issue\""))
        let list = try #require(home.range(of: "<ol class=\"issue-list\""))
        #expect(latest.lowerBound < list.lowerBound)
        #expect(home.components(separatedBy: "href=\"/newsletter/issues/2026-03-09-series-c/\"").count - 1 == 2, "title and read link, not again in the list")
        #expect(home.components(separatedBy: "<article class=\"issue-card\">").count - 1 == 19, "the rest of a 20-issue page")
        let second = try TestSupport.read(output.appendingPathComponent("page/2/index.html"))
        #expect(!second.contains("latest-issue"))
        #expect(second.components(separatedBy: "<article class=\"issue-card\">").count - 1 == 8)
    }
}
