import Archive
import Foundation
import Site
import Testing
@testable import Import

/// End to end: the fixture imported, then built; the old address's redirect page and every
/// link the import made lead to files the build wrote.
@Suite("Import, then build")
struct ImportThenBuildTests {
    /// Every relative `href="…"` and `url=…` in `html`, a page at `page` in `site`, that points
    /// into the site, resolved to a file path.
    private func targets(in html: String, page: URL) -> [String] {
        var found: [String] = []
        for marker in ["href=\"", "url="] {
            var rest = html[...]
            while let range = rest.range(of: marker) {
                let tail = rest[range.upperBound...]
                let href = tail.prefix { $0 != "\"" && $0 != ")" && $0 != " " && $0 != ">" }
                if href.hasPrefix("../") || href.hasPrefix("issues/") {
                    var path = page.deletingLastPathComponent().appendingPathComponent(String(href.split(separator: "#").first ?? "")).standardizedFileURL.path
                    if path.hasSuffix("/") || !path.split(separator: "/").last!.contains(".") { path += "/index.html" }
                    found.append(path.replacingOccurrences(of: "//", with: "/"))
                }
                rest = tail
            }
        }
        return found
    }

    @Test(arguments: [false, true])
    func redirectsAndPostLinksLeadToFilesTheBuildWrote(offline: Bool) throws {
        let root = try ImportTestSupport.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let plan = try JekyllImport(source: ImportTestSupport.fixture, displayedAs: "jekyll-blog", root: root).plan()
        _ = try plan.write(force: false)
        let output = root.appendingPathComponent("site")
        let report = try SiteBuilder(options: BuildOptions(root: root, output: output, includeDrafts: true, offline: offline,
                                                           themeDirectory: ImportTestSupport.theme)).build()
        #expect(report.issues == 5)

        let redirect = output.appendingPathComponent("2018/01/19/forums/index.html")
        let page = try String(contentsOf: redirect, encoding: .utf8)
        let target = offline ? "../../../../issues/2018-01-19-forums/index.html" : "../../../../issues/2018-01-19-forums/"
        #expect(page.contains("<meta http-equiv=\"refresh\" content=\"0; url=\(target)\">"))
        // _config.yml's url + baseurl became site.yml's base_url, which the canonical link names.
        #expect(page.contains("<link rel=\"canonical\" href=\"https://notes.example.com/blog/issues/2018-01-19-forums/\">"))
        #expect(page.contains("<a href=\"\(target)\">Forums are open</a>"))
        for file in targets(in: page, page: redirect) {
            #expect(FileManager.default.fileExists(atPath: file), "\(file) from the redirect")
        }
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("2018/forums").path))

        // Old addresses from _config.yml's permalink, and the placeholder permalink filled in.
        for (old, slug) in [("2018/01/10/welcome", "2018-01-10-welcome"), ("2018/placeholders", "2018-02-14-placeholders"),
                            ("2019/03/04/no-front-matter", "2019-03-04-no-front-matter")] {
            let url = output.appendingPathComponent("\(old)/index.html")
            let html = try String(contentsOf: url, encoding: .utf8)
            let depth = String(repeating: "../", count: old.split(separator: "/").count)
            #expect(html.contains("url=\(depth)issues/\(slug)/\(offline ? "index.html" : "")\""), "\(old) → \(slug)")
            for file in targets(in: html, page: url) {
                #expect(FileManager.default.fileExists(atPath: file), "\(file) from \(old)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("2018/01/05").path), "the unpublished post had no old address")

        // site.yml, made from _config.yml, names the site.
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("<title>Field Notes</title>"), "the title from _config.yml")
        #expect(home.contains("<html lang=\"en-GB\">"))

        // The links the import made, in the pages the build wrote.
        for slug in ["2018-01-10-welcome", "2018-01-19-forums"] {
            let url = output.appendingPathComponent("issues/\(slug)/index.html")
            let html = try String(contentsOf: url, encoding: .utf8)
            let issueLinks = targets(in: html, page: url).filter { $0.contains("/issues/") }
            #expect(issueLinks.contains { $0.hasSuffix("/issues/\(slug == "2018-01-10-welcome" ? "2018-01-19-forums" : "2018-01-10-welcome")/index.html") },
                    "\(slug) links the other post")
            for file in issueLinks {
                #expect(FileManager.default.fileExists(atPath: file), "\(file) from \(slug)")
            }
        }
    }
}
