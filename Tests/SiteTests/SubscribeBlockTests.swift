import Archive
import Foundation
import Testing
@testable import Site

/// The subscribe block under every issue: the feeds by default, and an email form posting
/// to `subscribe_url` when `site.yml` gives one.
@Suite("Subscribe block")
struct SubscribeBlockTests {
    static func issuePage(siteYAML extra: String = "") throws -> String {
        let root = try TestSupport.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let config = root.appendingPathComponent("content/site.yml")
        try (TestSupport.read(config) + extra).write(to: config, atomically: true, encoding: .utf8)
        let output = root.deletingLastPathComponent().appendingPathComponent("out")
        _ = try SiteBuilder(options: BuildOptions(root: root, output: output, themeDirectory: TestSupport.theme)).build()
        return try TestSupport.read(output.appendingPathComponent("issues/2026-03-09-series-c/index.html"))
    }

    @Test func byDefaultItOffersTheFeeds() throws {
        let page = try Self.issuePage()
        #expect(page.contains("<aside class=\"subscribe\" aria-labelledby=\"subscribe-title\">"))
        #expect(page.contains("Follow new issues in a feed reader: <a href=\"/newsletter/feed.xml\">Atom feed</a> · <a href=\"/newsletter/feed.json\">JSON Feed</a>"))
        #expect(!page.contains("<form class=\"subscribe-form\""))
    }

    @Test func withASignupFormItPostsThere() throws {
        let page = try Self.issuePage(siteYAML: "subscribe_url: https://buttondown.example/api/subscribe?list=a&b=c\n")
        #expect(page.contains("<form class=\"subscribe-form\" action=\"https://buttondown.example/api/subscribe?list=a&amp;b=c\" method=\"post\">"))
        #expect(page.contains("<input id=\"subscribe-email\" type=\"email\" name=\"email\" autocomplete=\"email\" required>"))
        #expect(page.contains("Or follow new issues in a feed reader"))
    }

    @Test func aSignupAddressThatIsNotAWebAddressIsAnErrorAtItsLine() {
        for value in ["mailto:me@example.org", "javascript:alert(1)", "buttondown"] {
            do {
                _ = try SiteConfig.parse(yaml: "title: T\n\nsubscribe_url: \(value)\n", path: "content/site.yml", defaultTitle: "T")
                Issue.record("\(value) was accepted")
            } catch {
                #expect(error.description == "content/site.yml:3: subscribe_url must be the http(s) address of a signup form, not '\(value)'")
            }
        }
    }
}
