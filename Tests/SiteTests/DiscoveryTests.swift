import Archive
import Foundation
import Testing
@testable import Site

/// What search engines and link previews read: the sitemap (valid against the sitemaps.org
/// schema, every page with its `lastmod`, an index above 50,000 pages), `robots.txt`, the
/// canonical URL, description, Open Graph and Twitter tags of every page, and each issue
/// page's JSON-LD.
@Suite("Discovery")
struct DiscoveryTests {
    static func built(_ change: (URL) throws -> Void = { _ in }) throws -> URL {
        let root = try TestSupport.fixtureCopy()
        try change(root)
        let output = root.deletingLastPathComponent().appendingPathComponent("out")
        _ = try SiteBuilder(options: BuildOptions(root: root, output: output, themeDirectory: TestSupport.theme)).build()
        return output
    }

    static func clean(_ output: URL) { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }

    /// `xmllint --schema` on `file`: nil when it passes, else what it said. Needs xmllint
    /// (Debian `libxml2-utils`, which `make test` installs) and the outside schema.
    static func schemaErrors(_ file: URL) throws -> String? {
        guard let schema = TestSupport.outsideData("schemas/sitemap-0.9.xsd") else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xmllint", "--noout", "--schema", schema.path, file.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? nil : said
    }

    @Test func theSitemapIsValidAndListsEveryPageWithItsLastmod() throws {
        let output = try Self.built()
        defer { Self.clean(output) }
        let sitemap = output.appendingPathComponent("sitemap.xml")
        if let errors = try Self.schemaErrors(sitemap) { Issue.record("xmllint: \(errors)") }
        let xml = try TestSupport.read(sitemap)
        let pages = try TestSupport.snapshot(output).keys.filter { $0.hasSuffix("index.html") && !$0.hasPrefix("/search/") }
        let urls = xml.components(separatedBy: "<url>").dropFirst()
        #expect(urls.count == pages.count, "\(urls.count) URLs for \(pages.count) pages")
        for url in urls { #expect(url.contains("<lastmod>"), "\(url)") }
        #expect(xml.contains("<loc>https://example.org/newsletter/tags/hyperscalers/</loc><lastmod>2025-10-09</lastmod>"),
                "a tag page's lastmod is its newest issue's date")
    }

    @Test func theCheckFailsAnInvalidSitemap() throws {
        let scratch = try TestSupport.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("sitemap.xml")
        try "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><lastmod>yesterday</lastmod></url></urlset>"
            .write(to: file, atomically: true, encoding: .utf8)
        guard TestSupport.outsideData("schemas/sitemap-0.9.xsd") != nil else { return }
        #expect(try Self.schemaErrors(file) != nil)
    }

    @Test func aLargeSitemapIsAnIndexOfValidParts() throws {
        let root = try TestSupport.fixtureCopy()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let archive = try ContentLayout(root: root).loadArchive(includeDrafts: false)
        let links = Links(page: .home, config: archive.config, offline: false)
        let pages = Page.all(in: archive)
        let files = Feeds.sitemaps(archive, pages: pages, links: links, limit: 4)
        let listed = pages.filter { $0 != .notFound && $0 != .search }.count
        #expect(files.map(\.path.outputFile) == ["sitemap.xml"] + (1...((listed + 3) / 4)).map { "sitemap-\($0).xml" })
        #expect(files[0].xml.contains("<sitemapindex") && files[0].xml.contains("<loc>https://example.org/newsletter/sitemap-1.xml</loc>"))
        let scratch = try TestSupport.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        var total = 0
        for file in files.dropFirst() {
            total += file.xml.components(separatedBy: "<url>").count - 1
            let url = scratch.appendingPathComponent(file.path.outputFile)
            try file.xml.write(to: url, atomically: true, encoding: .utf8)
            if let errors = try Self.schemaErrors(url) { Issue.record("\(file.path.outputFile): \(errors)") }
        }
        #expect(total == listed)
    }

    @Test func robotsPointsToTheSitemap() throws {
        let output = try Self.built()
        defer { Self.clean(output) }
        let robots = try TestSupport.read(output.appendingPathComponent("robots.txt"))
        #expect(robots.contains("User-agent: *\n"))
        #expect(robots.contains("Sitemap: https://example.org/newsletter/sitemap.xml\n"))
    }

    @Test func everyPageHasACanonicalURLADescriptionAndSharingTags() throws {
        let output = try Self.built()
        defer { Self.clean(output) }
        let pages = try TestSupport.snapshot(output).filter { $0.key.hasSuffix("index.html") }
        #expect(pages.count > 15)
        for (path, data) in pages {
            let head = String(decoding: data, as: UTF8.self).components(separatedBy: "</head>")[0]
            let address = "https://example.org/newsletter" + path.replacingOccurrences(of: "index.html", with: "")
            #expect(head.contains("<link rel=\"canonical\" href=\"\(address)\">"), "\(path)")
            #expect(head.contains("<meta property=\"og:url\" content=\"\(address)\">"), "\(path)")
            for tag in ["<meta name=\"description\" content=\"", "<meta property=\"og:title\" content=\"", "<meta property=\"og:description\" content=\"",
                        "<meta property=\"og:site_name\" content=\"Fixture Weekly\">", "<meta name=\"twitter:card\" content=\"summary\">",
                        "<meta name=\"twitter:title\" content=\""] {
                #expect(head.contains(tag), "\(path) lacks \(tag)")
            }
            #expect(!head.contains("content=\"\""), "\(path) has an empty meta value")
            let type = path.hasPrefix("/issues/") ? "article" : "website"
            #expect(head.contains("<meta property=\"og:type\" content=\"\(type)\">"), "\(path)")
        }
    }

    /// The JSON-LD object of an issue page.
    static func jsonLD(_ output: URL, _ slug: String) throws -> [String: Any] {
        let html = try TestSupport.read(output.appendingPathComponent("issues/\(slug)/index.html"))
        let script = html.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst().first?
            .components(separatedBy: "</script>").first ?? ""
        return try JSONSerialization.jsonObject(with: Data(script.utf8)) as? [String: Any] ?? [:]
    }

    @Test func eachIssuePageCarriesNewsArticleJSONLD() throws {
        let output = try Self.built()
        defer { Self.clean(output) }
        let data = try Self.jsonLD(output, "2026-03-09-series-c")
        #expect(data["@context"] as? String == "https://schema.org")
        #expect(data["@type"] as? String == "NewsArticle")
        #expect(data["headline"] as? String == "Nscale raises $2B in a Series C")
        #expect(data["datePublished"] as? String == "2026-03-09T00:00:00Z")
        #expect(data["dateModified"] as? String == "2026-03-09T00:00:00Z")
        #expect((data["author"] as? [[String: Any]])?.first?["name"] as? String == "Test Editor")
        #expect((data["publisher"] as? [String: Any])?["name"] as? String == "Fixture Weekly")
        #expect(data["url"] as? String == "https://example.org/newsletter/issues/2026-03-09-series-c/")
    }

    @Test func blogPostingWhenConfiguredAndMarkupCannotCloseTheScript() throws {
        let output = try Self.built { root in
            let config = root.appendingPathComponent("content/site.yml")
            try (TestSupport.read(config) + "article_type: BlogPosting\n").write(to: config, atomically: true, encoding: .utf8)
            try "---\ntitle: \"</script><script>alert(1)</script> & more\"\ndate: 2026-05-01\n---\nText.\n"
                .write(to: root.appendingPathComponent("content/issues/2026-05-01-hostile.md"), atomically: true, encoding: .utf8)
        }
        defer { Self.clean(output) }
        let data = try Self.jsonLD(output, "2026-05-01-hostile")
        #expect(data["@type"] as? String == "BlogPosting")
        #expect(data["headline"] as? String == "</script><script>alert(1)</script> & more")
        let html = try TestSupport.read(output.appendingPathComponent("issues/2026-05-01-hostile/index.html"))
        #expect(!html.contains("<script>alert(1)</script>"))
    }

    @Test func anUnknownArticleTypeIsAnErrorAtItsLine() throws {
        #expect(throws: ContentError.self) {
            try SiteConfig.parse(yaml: "title: T\narticle_type: Tweet\n", path: "content/site.yml", defaultTitle: "T")
        }
        do {
            _ = try SiteConfig.parse(yaml: "title: T\narticle_type: Tweet\n", path: "content/site.yml", defaultTitle: "T")
        } catch {
            #expect(error.description == "content/site.yml:2: article_type must be one of NewsArticle, BlogPosting, not 'Tweet'")
        }
    }
}
