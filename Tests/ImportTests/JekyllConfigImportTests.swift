import Archive
import Foundation
import Testing
@testable import Import

/// The import with `_config.yml`: its permalink for every post, `site.yml` made only where
/// there is none, and a malformed file stopping everything before a byte is written.
@Suite("Jekyll import with _config.yml")
struct JekyllConfigImportTests {
    private func site(_ posts: [String: String], config: String?) throws -> (source: URL, root: URL) {
        let source = try ImportTestSupport.site(posts)
        if let config { try config.write(to: source.appendingPathComponent("_config.yml"), atomically: true, encoding: .utf8) }
        return (source, source.deletingLastPathComponent().appendingPathComponent("archive"))
    }

    private func plan(_ source: URL, _ root: URL) throws -> ImportPlan {
        try JekyllImport(source: source, displayedAs: "old", root: root).plan()
    }

    private func permalink(_ post: ImportedPost) throws -> String? {
        try IssueParser.parse(path: post.target, text: post.text).permalink?.written
    }

    @Test func withoutConfigTheDateStyleHoldsAndNoSiteFileIsMade() throws {
        let (source, root) = try site(["2018-01-05-x.md": "---\ntitle: T\ncategories: [Big]\n---\nBody.\n"], config: nil)
        defer { try? FileManager.default.removeItem(at: source.deletingLastPathComponent()) }
        let plan = try plan(source, root)
        #expect(try permalink(plan.posts[0]) == "/big/2018/01/05/x.html")
        #expect(plan.siteFile == nil)
        #expect(plan.notes == ["old/_config.yml: not there, so old addresses follow Jekyll's default permalink (date) and no site.yml is made"])
        let written = try plan.writeAll(force: false)
        #expect(written.notes == plan.notes)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("content/site.yml").path))
    }

    @Test func theSiteFileIsWrittenWhereNoneIs() throws {
        let (source, root) = try site(["2018-01-05-x.md": "---\ntitle: T\n---\nBody.\n"], config: "title: Old Blog\nurl: https://x.org\npermalink: pretty\n")
        defer { try? FileManager.default.removeItem(at: source.deletingLastPathComponent()) }
        let plan = try plan(source, root)
        #expect(try permalink(plan.posts[0]) == "/2018/01/05/x/")
        let written = try plan.writeAll(force: false)
        #expect(written.posts == 1)
        #expect(written.notes == ["content/site.yml: made from _config.yml"])
        let config = try ContentLayout(root: root).loadSiteConfig()
        #expect(config.title == "Old Blog")
        #expect(config.baseURL == "https://x.org/")
    }

    @Test(arguments: [false, true])
    func anExistingSiteFileIsKeptEvenWithForce(force: Bool) throws {
        let (source, root) = try site(["2018-01-05-x.md": "---\ntitle: T\n---\nBody.\n"], config: "title: Old Blog\n")
        defer { try? FileManager.default.removeItem(at: source.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        try "title: Mine\n".write(to: root.appendingPathComponent("content/site.yml"), atomically: true, encoding: .utf8)
        let plan = try plan(source, root)
        #expect(plan.siteFile == nil)
        #expect(plan.notes == ["content/site.yml: kept as it is (not made from _config.yml)"])
        #expect(try plan.writeAll(force: force).notes == plan.notes)
        #expect(try String(contentsOf: root.appendingPathComponent("content/site.yml"), encoding: .utf8) == "title: Mine\n")
    }

    @Test func aSiteFileThatAppearsAfterThePlanIsKept() throws {
        let (source, root) = try site(["2018-01-05-x.md": "---\ntitle: T\n---\nBody.\n"], config: "title: Old Blog\n")
        defer { try? FileManager.default.removeItem(at: source.deletingLastPathComponent()) }
        let plan = try plan(source, root)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        try "title: Mine\n".write(to: root.appendingPathComponent("content/site.yml"), atomically: true, encoding: .utf8)
        #expect(try plan.writeAll(force: true).notes == ["content/site.yml: kept as it is (not made from _config.yml)"])
        #expect(try String(contentsOf: root.appendingPathComponent("content/site.yml"), encoding: .utf8) == "title: Mine\n")
    }

    @Test func aFolderWhereTheSiteFileGoesIsKeptToo() throws {
        let (source, root) = try site(["2018-01-05-x.md": "---\ntitle: T\n---\nBody.\n"], config: "title: Old Blog\n")
        defer { try? FileManager.default.removeItem(at: source.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/site.yml"), withIntermediateDirectories: true)
        #expect(try plan(source, root).notes == ["content/site.yml: kept as it is (not made from _config.yml)"])
    }

    @Test func aMalformedConfigStopsTheImportBeforeAnythingIsWritten() throws {
        let (source, root) = try site(["2018-01-05-x.md": "---\ntitle: T\n---\nBody.\n"], config: "title: T\npermalink: /:year/:bogus/\n")
        defer { try? FileManager.default.removeItem(at: source.deletingLastPathComponent()) }
        #expect(throws: ContentError(path: "old/_config.yml", line: 2, message:
            "permalink '/:year/:bogus/' uses :bogus, which Jekyll does not fill in for a post; fix _config.yml (see jekyllrb.com/docs/permalinks/)")) {
            try plan(source, root)
        }
        try "title: [unclosed\n".write(to: source.appendingPathComponent("_config.yml"), atomically: true, encoding: .utf8)
        #expect(throws: ContentError.self) { try plan(source, root) }
        try Data([0x74, 0x3A, 0x20, 0xFF, 0x0A]).write(to: source.appendingPathComponent("_config.yml"))
        #expect(throws: ContentError.self) { try plan(source, root) }
        #expect(!FileManager.default.fileExists(atPath: root.path), "nothing written")
    }

    @Test func aConfigThatIsAFolderIsAnError() throws {
        let (source, root) = try site([:], config: nil)
        defer { try? FileManager.default.removeItem(at: source.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: source.appendingPathComponent("_config.yml"), withIntermediateDirectories: true)
        #expect(throws: ContentError(path: "old/_config.yml", message: "cannot be read as a file")) { try plan(source, root) }
    }

    @Test func twoPostsAtOneOldAddressKeepOnlyTheFirstsRedirect() throws {
        let (source, root) = try site(["2018-01-05-same.md": "---\ntitle: A\n---\n", "2019-02-06-same.md": "---\ntitle: B\n---\n",
                                       "2019-03-07-own.md": "---\ntitle: C\npermalink: /same.html\n---\n"], config: "permalink: none\n")
        defer { try? FileManager.default.removeItem(at: source.deletingLastPathComponent()) }
        let plan = try plan(source, root)
        #expect(try plan.posts.map(permalink) == ["/same.html", nil, "/same.html"], "a post's own permalink is kept; the build says it is shared")
        #expect(plan.posts[1].warnings.map(\.description) == [
            "content/issues/2019-02-06-same.md:1: warning: Jekyll's permalink gives this post the old address /same.html, as it gives old/_posts/2018-01-05-same.md; no redirect is made for this one",
        ])
    }
}
