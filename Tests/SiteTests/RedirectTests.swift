import Archive
import Foundation
import Testing
@testable import Site

/// Redirect pages at issues' old addresses (front matter `permalink`): written where the
/// address says, pointing relatively at the issue, and refused where they would take the
/// place of something the build writes.
@Suite("Redirect pages")
struct RedirectTests {
    /// The fixture archive with `issues` added (file name → text), built into a scratch folder.
    private func build(_ issues: [String: String], offline: Bool = false, drafts: Bool = false) throws -> (URL, BuildReport) {
        let root = try TestSupport.fixtureCopy()
        for (name, text) in issues {
            try text.write(to: root.appendingPathComponent("content/issues/\(name)"), atomically: true, encoding: .utf8)
        }
        let output = root.deletingLastPathComponent().appendingPathComponent("out")
        let report = try SiteBuilder(options: BuildOptions(root: root, output: output, includeDrafts: drafts, offline: offline,
                                                           themeDirectory: TestSupport.theme)).build()
        return (output, report)
    }

    private func issue(_ title: String, _ permalink: String, date: String = "2018-01-19") -> String {
        "---\ntitle: \(title)\ndate: \(date)\npermalink: \(permalink)\n---\nBody.\n"
    }

    @Test func aRedirectPageIsWrittenAtTheOldAddressPointingAtTheIssue() throws {
        let (output, report) = try build(["2018-01-19-forums.md": issue("Forums & more", "/2018/01/19/forums/"),
                                          "2018-02-01-old.md": issue("Old", "/blog/old-post.html", date: "2018-02-01")])
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let page = try TestSupport.read(output.appendingPathComponent("2018/01/19/forums/index.html"))
        #expect(page == """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Moved: Forums &amp; more</title>
        <meta name="robots" content="noindex">
        <link rel="canonical" href="https://example.org/newsletter/issues/2018-01-19-forums/">
        <meta http-equiv="refresh" content="0; url=../../../../issues/2018-01-19-forums/">
        </head>
        <body>
        <p>This page has moved to <a href="../../../../issues/2018-01-19-forums/">Forums &amp; more</a>.</p>
        </body>
        </html>

        """)
        let file = try TestSupport.read(output.appendingPathComponent("blog/old-post.html"))
        #expect(file.contains("url=../issues/2018-02-01-old/\""))
        // The relative target is the issue's page, from where the redirect is.
        let target = output.appendingPathComponent("2018/01/19/forums/../../../../issues/2018-01-19-forums/index.html").standardizedFileURL
        #expect(FileManager.default.fileExists(atPath: target.path))
        // Counted, and kept out of the sitemap: it is not a page of its own.
        #expect(report.otherFiles > 0)
        let sitemap = try TestSupport.read(output.appendingPathComponent("sitemap.xml"))
        #expect(!sitemap.contains("2018/01/19/forums") && !sitemap.contains("old-post"))
    }

    @Test func offlineTheTargetNamesItsIndexFile() throws {
        let (output, _) = try build(["2018-01-19-forums.md": issue("Forums", "/2018/01/19/forums/")], offline: true)
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let page = try TestSupport.read(output.appendingPathComponent("2018/01/19/forums/index.html"))
        #expect(page.contains("url=../../../../issues/2018-01-19-forums/index.html\""))
        #expect(page.contains("<a href=\"../../../../issues/2018-01-19-forums/index.html\">"))
    }

    @Test func aDraftLeftOutLeavesNoRedirect() throws {
        let draft = "---\ntitle: D\ndate: 2018-01-19\ndraft: true\npermalink: /d/\n---\nBody.\n"
        let (output, _) = try build(["2018-01-19-d.md": draft])
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("d/index.html").path))
        let (withDrafts, _) = try build(["2018-01-19-d.md": draft], drafts: true)
        defer { try? FileManager.default.removeItem(at: withDrafts.deletingLastPathComponent()) }
        #expect(FileManager.default.fileExists(atPath: withDrafts.appendingPathComponent("d/index.html").path))
    }

    @Test func anOldAddressWhereTheBuildWritesSomethingIsAnErrorAtItsLine() throws {
        let cases: [(String, String)] = [
            ("/tags/", "is where the build writes tags/index.html; choose another old address or remove the permalink"),
            ("/", "is where the build writes index.html"),
            ("/issues/2018-01-19-x/", "is where the build writes issues/2018-01-19-x/index.html"),
            ("/issues/2026-03-09-series-c/", "is where the build writes issues/2026-03-09-series-c/index.html"),
            ("/404.html", "is where the build writes 404.html"),
            ("/feed.xml/", "needs a folder where the build writes the file feed.xml"),
            ("/issues/2026-03-09-series-c/index.md/", "needs a folder where the build writes the file issues/2026-03-09-series-c/index.md"),
            ("/assets/style.css/old.html", "needs a folder where the build writes the file assets/style.css"),
            ("/search/index/old/", "is inside search/index/, which the search index fills"),
        ]
        for (permalink, reason) in cases {
            do {
                let (output, _) = try build(["2018-01-19-x.md": issue("X", permalink)])
                try? FileManager.default.removeItem(at: output.deletingLastPathComponent())
                Issue.record("\(permalink) was built")
            } catch let error as ContentError {
                #expect(error.description.hasPrefix("content/issues/2018-01-19-x.md:4: permalink '\(permalink)' \(reason)"), "\(permalink)")
            }
        }
    }

    @Test func twoIssuesClaimingOneOldAddressIsAnError() throws {
        let cases: [(String, String, String)] = [
            ("/old/", "/old/", "permalink '/old/' is also the permalink of content/issues/2018-01-19-a.md (line 4, '/old/'); give each issue its own"),
            ("/old/", "old/index.html", "permalink 'old/index.html' is also the permalink of content/issues/2018-01-19-a.md (line 4, '/old/'); give each issue its own"),
            ("/old.html", "/old.html/", "permalink '/old.html/' needs a folder where content/issues/2018-01-19-a.md (line 4) leaves its redirect old.html; give each issue its own"),
        ]
        for (first, second, message) in cases {
            do {
                let (output, _) = try build(["2018-01-19-a.md": issue("A", first), "2018-01-20-b.md": issue("B", second, date: "2018-01-20")])
                try? FileManager.default.removeItem(at: output.deletingLastPathComponent())
                Issue.record("\(first) and \(second) were built")
            } catch let error as ContentError {
                #expect(error.description == "content/issues/2018-01-20-b.md:4: \(message)")
            }
        }
    }

    @Test func aFailedBuildLeavesTheOutputAsItWas() throws {
        let (output, _) = try build([:])
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let before = try TestSupport.snapshot(output)
        let root = output.deletingLastPathComponent().appendingPathComponent("archive")
        try issue("X", "/tags/").write(to: root.appendingPathComponent("content/issues/2018-01-19-x.md"), atomically: true, encoding: .utf8)
        #expect(throws: ContentError.self) {
            try SiteBuilder(options: BuildOptions(root: root, output: output, themeDirectory: TestSupport.theme)).build()
        }
        #expect(try TestSupport.snapshot(output) == before)
        let staging = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path).filter { $0.contains("staging") }
        #expect(staging.isEmpty, "refused before a staging folder was made")
    }
}
