import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Archive
@testable import Site

@Suite("Entity pages and backlinks")
struct EntityPagesTests {
    private func buildFixture(offline: Bool = false) throws -> (URL, URL) {
        let scratch = try TestSupport.scratch()
        let output = scratch.appendingPathComponent("site")
        _ = try SiteBuilder(options: BuildOptions(root: TestSupport.fixture, output: output, offline: offline,
                                                  themeDirectory: TestSupport.theme)).build()
        return (scratch, output)
    }

    @Test func entityPageListsEveryMentioningIssueNewestFirstWithTheSentence() throws {
        let (scratch, output) = try buildFixture()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let page = try TestSupport.read(output.appendingPathComponent("entities/nscale/index.html"))
        let newer = try #require(page.range(of: "/newsletter/issues/2026-03-09-series-c/"))
        let older = try #require(page.range(of: "/newsletter/issues/2025-05-02-bytedance/"))
        #expect(newer.lowerBound < older.lowerBound)
        #expect(page.contains("<mark>Nscale</mark>"))
        #expect(page.contains("A European AI infrastructure company."))
        #expect(page.contains("href=\"https://www.nscale.com/\""))
        #expect(page.contains("role=\"img\""), "the mentions chart is an accessible inline SVG")
        #expect(page.contains("<title"), "the chart has a title")
        #expect(page.components(separatedBy: "<script").count == 2 && !page.contains("<script src"),
                "no script but the inline \"/\" key handler of every page, which loads nothing")
        #expect(page.contains("Often mentioned with"))
        #expect(page.contains("/newsletter/entities/aker-asa/"))
        #expect(page.contains("/newsletter/entities/nscale/feed.xml"))
    }

    @Test func entityFeedHoldsTheMentioningIssues() throws {
        let (scratch, output) = try buildFixture()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let feed = try TestSupport.read(output.appendingPathComponent("entities/nscale/feed.xml"))
        #expect(feed.components(separatedBy: "<entry>").count - 1 == 2)
        #expect(feed.contains("<link rel=\"self\" href=\"https://example.org/newsletter/entities/nscale/feed.xml\"/>"))
        let parser = XMLParser(data: Data(feed.utf8))
        #expect(parser.parse(), "feed is well-formed XML")
    }

    @Test func entityIndexGroupsByKindWithCounts() throws {
        let (scratch, output) = try buildFixture()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let index = try TestSupport.read(output.appendingPathComponent("entities/index.html"))
        let companies = try #require(index.range(of: "Companies"))
        let products = try #require(index.range(of: "Products"))
        let places = try #require(index.range(of: "Places"))
        #expect(companies.lowerBound < products.lowerBound && products.lowerBound < places.lowerBound)
        #expect(index.contains("/newsletter/entities/gb300/"))
    }

    @Test func issuePageLinksFirstMentionsAndListsEntitiesAndReadNext() throws {
        let (scratch, output) = try buildFixture()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let page = try TestSupport.read(output.appendingPathComponent("issues/2026-03-09-series-c/index.html"))
        #expect(page.contains("<p>On March 9, 2026, <a href=\"/newsletter/entities/nscale/\">Nscale</a> announced a “$2 billion” Series C – led by <a href=\"/newsletter/entities/aker-asa/\">Aker ASA</a>.</p>"))
        #expect(page.contains("<p>The round values Nscale at $14.6 billion.</p>"), "only the first mention is linked in the body")
        #expect(page.contains("In this issue"))
        #expect(page.contains("Read next"))
        #expect(page.contains("/newsletter/issues/2025-05-02-bytedance/"), "shares Nscale, so it is related")
    }

    @Test func offlineEntityLinksAreRelative() throws {
        let (scratch, output) = try buildFixture(offline: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let page = try TestSupport.read(output.appendingPathComponent("issues/2026-03-09-series-c/index.html"))
        #expect(page.contains("<a href=\"../../entities/nscale/index.html\">Nscale</a>"))
        let entity = try TestSupport.read(output.appendingPathComponent("entities/nscale/index.html"))
        #expect(entity.contains("href=\"../../issues/2026-03-09-series-c/index.html\""))
    }

    @Test func seedArchiveLinksKnownMentions() throws {
        let scratch = try TestSupport.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("site")
        let report = try SiteBuilder(options: BuildOptions(root: TestSupport.repository, output: output,
                                                           themeDirectory: TestSupport.theme)).build()
        #expect(report.issues == 5)
        let microsoft = try TestSupport.read(output.appendingPathComponent("issues/2025-10-09-microsoft-ai-factories/index.html"))
        #expect(microsoft.contains(">Satya Nadella</a>"))
        let norway = try TestSupport.read(output.appendingPathComponent("issues/2026-04-14-nscale-norway-microsoft/index.html"))
        #expect(norway.contains("/entities/stargate-norway/\">Stargate Norway</a>"))
        let registry = try ContentLayout(root: TestSupport.repository).loadRegistry()
        #expect(registry.entities.count >= 40)
        for entity in registry.entities {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("entities/\(entity.slug)/index.html").path))
        }
    }
}

@Suite("Entity pages of a large archive")
struct EntityPaginationTests {
    @Test func mentionsArePagedFiftyAPageWithTheChartOnPageOne() throws {
        let scratch = try TestSupport.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let root = scratch.appendingPathComponent("archive")
        let issues = root.appendingPathComponent("content/issues")
        try FileManager.default.createDirectory(at: issues, withIntermediateDirectories: true)
        try "- name: Nvidia\n  kind: company\n".write(to: root.appendingPathComponent("content/entities.yml"), atomically: true, encoding: .utf8)
        for number in 1...120 {
            let day = String(format: "%02d", (number - 1) % 28 + 1), month = String(format: "%02d", (number - 1) / 28 + 1)
            try "---\ntitle: Issue \(number)\ndate: 2025-\(month)-\(day)\nslug: issue-\(number)\n---\nNvidia shipped part \(number).\n"
                .write(to: issues.appendingPathComponent("\(number).md"), atomically: true, encoding: .utf8)
        }
        let output = scratch.appendingPathComponent("site")
        _ = try SiteBuilder(options: BuildOptions(root: root, output: output, themeDirectory: TestSupport.theme)).build()
        let first = try TestSupport.read(output.appendingPathComponent("entities/nvidia/index.html"))
        let third = try TestSupport.read(output.appendingPathComponent("entities/nvidia/page/3/index.html"))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("entities/nvidia/page/4").path))
        #expect(first.components(separatedBy: "<mark>Nvidia</mark>").count - 1 == 50)
        #expect(third.components(separatedBy: "<mark>Nvidia</mark>").count - 1 == 20)
        #expect(first.contains("role=\"img\"") && !third.contains("role=\"img\""), "the chart is on page 1 only")
        #expect(first.contains("/issues/issue-120/"), "newest first")
        #expect(third.contains("/issues/issue-1/"))
        #expect(first.contains("href=\"/entities/nvidia/page/2/\""))
        #expect(third.contains("Page 3 of 3"))
    }
}
