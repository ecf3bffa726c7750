import Foundation
import Testing
import Archive
import Templates
@testable import Site

@Suite("Building a site")
struct SiteBuildTests {
    private func build(_ root: URL, offline: Bool = false, drafts: Bool = false, theme: URL = TestSupport.theme) throws -> (BuildReport, URL) {
        let output = root.deletingLastPathComponent().appendingPathComponent("out")
        let report = try SiteBuilder(options: BuildOptions(root: root, output: output, includeDrafts: drafts, offline: offline,
                                                           themeDirectory: theme)).build()
        return (report, output)
    }

    @Test func writesEveryKindOfPage() throws {
        let root = try TestSupport.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let (report, output) = try build(root)
        #expect(report.issues == 3)
        // 1 home + 3 issues + archive + tags index + 3 tags + entity index + 7 entities + 404 + search
        #expect(report.pages == 19)
        for file in ["index.html", "archive/index.html", "tags/funding/index.html", "tags/hyperscalers/index.html",
                     "issues/2025-05-02-bytedance/index.html", "404.html", "feed.xml", "sitemap.xml", "assets/style.css",
                     "search/index.html", "search/search.js", "search/index/manifest.js", "search/index/terms-000.js"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(file).path), "\(file) missing")
        }
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("issues/2025-04-01-draft").path))
        #expect(report.summaryLine.hasPrefix("Built 3 issues into 19 pages in "))
    }

    @Test func draftsAreBuiltOnRequest() throws {
        let root = try TestSupport.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let (report, output) = try build(root, drafts: true)
        #expect(report.issues == 4)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("issues/2025-04-01-draft/index.html").path))
    }

    @Test func linksHonourABaseURLWithAPath() throws {
        let root = try TestSupport.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let (_, output) = try build(root)
        let home = try TestSupport.read(output.appendingPathComponent("index.html"))
        #expect(home.contains("href=\"/newsletter/issues/2026-03-09-series-c/\""))
        #expect(home.contains("href=\"/newsletter/assets/style.css\""))
        #expect(home.contains("href=\"/newsletter/tags/funding/\""))
        #expect(!home.contains("href=\"/issues/"))
    }

    @Test func offlineLinksAreRelativeWithIndexHTML() throws {
        let root = try TestSupport.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let (_, output) = try build(root, offline: true)
        let issue = try TestSupport.read(output.appendingPathComponent("issues/2026-03-09-series-c/index.html"))
        #expect(issue.contains("href=\"../../assets/style.css\""))
        #expect(issue.contains("href=\"../../tags/funding/index.html\""))
        #expect(issue.contains("href=\"../../index.html\""))
        #expect(!issue.contains("href=\"/"), "an offline page must not link from the filesystem root")
        // Every relative link on every page resolves to a file that exists.
        for page in ["index.html", "archive/index.html", "tags/index.html", "issues/2025-05-02-bytedance/index.html"] {
            let pageURL = output.appendingPathComponent(page)
            let html = try TestSupport.read(pageURL)
            for href in HTMLLinks.hrefs(in: html) where !href.contains("://") && !href.hasPrefix("#") && !href.hasPrefix("mailto:") {
                let target = URL(fileURLWithPath: String(href.split(separator: "#")[0]), relativeTo: pageURL.deletingLastPathComponent())
                #expect(FileManager.default.fileExists(atPath: target.standardizedFileURL.path), "\(page) links to missing \(href)")
            }
        }
    }

    @Test func issuePageHasTableOfContentsAndNeighbours() throws {
        let root = try TestSupport.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let (_, output) = try build(root)
        let html = try TestSupport.read(output.appendingPathComponent("issues/2025-10-09-ai-factories/index.html"))
        #expect(html.contains("/newsletter/issues/2026-03-09-series-c/"), "link to the newer issue")
        #expect(html.contains("/newsletter/issues/2025-05-02-bytedance/"), "link to the older issue")
        #expect(html.contains("Microsoft&#39;s AI factories &amp; OpenAI&#39;s &lt;trillion&gt;")
                || html.contains("Microsoft&#x27;s AI factories &amp; OpenAI&#x27;s &lt;trillion&gt;"))
        let withTOC = try TestSupport.read(output.appendingPathComponent("issues/2026-03-09-series-c/index.html"))
        #expect(withTOC.contains("href=\"#what-happened\""))
        #expect(withTOC.contains("<h2 id=\"why-this-matters\">"))
        #expect(!html.contains("class=\"toc\""), "no table of contents under three headings")
        #expect(withTOC.contains("class=\"toc\""))
    }

    @Test func homePagesPaginateTwentyToAPage() throws {
        let root = try TestSupport.scratch().appendingPathComponent("archive")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        for day in 1...45 {
            let date = "2025-01-\(day <= 31 ? String(format: "%02d", day) : "31")"
            let text = "---\ntitle: Issue \(day)\ndate: \(date)\nslug: issue-\(day)\n---\nText \(day).\n"
            let url = root.appendingPathComponent("content/issues/\(day).md")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let (_, output) = try build(root)
        let page2 = try TestSupport.read(output.appendingPathComponent("page/2/index.html"))
        let page3 = try TestSupport.read(output.appendingPathComponent("page/3/index.html"))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("page/4").path))
        #expect(page2.contains("/issues/issue-11/"))
        #expect(HTMLLinks.hrefs(in: page3).filter { $0.hasPrefix("/issues/") }.count == 5)
        #expect(page2.contains("href=\"/page/3/\""))
        #expect(page2.contains("href=\"/\""))
    }
}

/// The `href` values of an HTML page, enough for link checks in tests.
enum HTMLLinks {
    static func hrefs(in html: String) -> [String] {
        var result: [String] = []
        var rest = html[...]
        while let range = rest.range(of: "href=\"") {
            let after = rest[range.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            result.append(String(after[..<end]))
            rest = after[end...]
        }
        return result
    }
}
