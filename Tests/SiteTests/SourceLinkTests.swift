import Archive
import Foundation
import Testing
@testable import Site

/// Every issue page links to its source: the Markdown file, published beside the page, and
/// the original publication when the front matter gives `source_url`.
@Suite("Source links")
struct SourceLinkTests {
    @Test func eachIssuePublishesItsMarkdownAndLinksIt() throws {
        let root = try TestSupport.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let output = root.deletingLastPathComponent().appendingPathComponent("out")
        let report = try SiteBuilder(options: BuildOptions(root: root, output: output, themeDirectory: TestSupport.theme)).build()
        let issues = ["2025-05-02-bytedance", "2025-10-09-ai-factories", "2026-03-09-series-c"]
        for slug in issues {
            let published = try Data(contentsOf: output.appendingPathComponent("issues/\(slug)/index.md"))
            #expect(published == (try Data(contentsOf: root.appendingPathComponent("content/issues/\(slug).md"))))
            let page = try TestSupport.read(output.appendingPathComponent("issues/\(slug)/index.html"))
            #expect(page.contains("<a href=\"/newsletter/issues/\(slug)/index.md\" type=\"text/markdown\">This issue’s Markdown source</a>"))
        }
        // The draft is not built, so its source is not published either.
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("issues/2025-04-01-draft/index.md").path))
        let sitemap = try TestSupport.read(output.appendingPathComponent("sitemap.xml"))
        #expect(!sitemap.contains("index.md"))
        #expect(report.otherFiles >= issues.count)
    }

    @Test func theOriginalIsLinkedAndNamedInJSONLD() throws {
        let root = try TestSupport.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let output = root.deletingLastPathComponent().appendingPathComponent("out")
        _ = try SiteBuilder(options: BuildOptions(root: root, output: output, themeDirectory: TestSupport.theme)).build()
        let page = try TestSupport.read(output.appendingPathComponent("issues/2026-03-09-series-c/index.html"))
        #expect(page.contains("<a href=\"https://devblacksmith.example/p/nscale-series-c?ref=archive&amp;utm=1\" rel=\"noopener\">Read the original from DevBlacksmith</a>"))
        #expect(page.contains("\"isBasedOn\":\"https://devblacksmith.example/p/nscale-series-c?ref=archive\\u0026utm=1\""))
        let other = try TestSupport.read(output.appendingPathComponent("issues/2025-05-02-bytedance/index.html"))
        #expect(!other.contains("Read the original"))
        #expect(!other.contains("isBasedOn"))
    }

    @Test func aSourceURLThatIsNotAWebAddressIsAnErrorAtItsLine() {
        for value in ["/issues/12", "javascript:alert(1)", "ftp://example.org/x", "https://example.org/a b", "https://"] {
            let text = "---\ntitle: T\ndate: 2026-01-02\nsource_url: \"\(value)\"\n---\nBody.\n"
            do {
                _ = try IssueParser.parse(path: "content/issues/t.md", text: text)
                Issue.record("\(value) was accepted")
            } catch {
                #expect(error.description == "content/issues/t.md:4: source_url must be an http(s) address like https://example.com/issue-12, not '\(value)'")
            }
        }
        let issue = try? IssueParser.parse(path: "content/issues/t.md", text: "---\ntitle: T\ndate: 2026-01-02\nsource_url: \"\"\n---\nBody.\n")
        #expect(issue?.sourceURL == nil)
        #expect(issue?.params["source_url"] == nil)
    }
}
