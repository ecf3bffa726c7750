import Archive
import Foundation
import Testing
@testable import Import

/// The whole import of a Jekyll site: which posts, where they go, what is skipped, and
/// what stops it before anything is written.
@Suite("Jekyll import")
struct JekyllImportTests {
    private func plan(into root: URL, from source: URL = ImportTestSupport.fixture, shown: String = "jekyll-blog") throws -> ImportPlan {
        try JekyllImport(source: source, displayedAs: shown, root: root).plan()
    }

    @Test func theFixturesPostsGoToIssuesAndTheRestIsListed() throws {
        let root = try ImportTestSupport.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let plan = try plan(into: root)
        #expect(plan.posts.map(\.target) == [
            "content/issues/2018/2018-01-19-forums.md",
            "content/issues/2018/2018-01-05-new-year.md",
            "content/issues/2018-01-10-welcome.md",
            "content/issues/2018-02-14-placeholders.md",
            "content/issues/2019-03-04-no-front-matter.markdown",
        ])
        #expect(plan.posts.map(\.source).first == "jekyll-blog/_posts/2018/2018-01-19-forums.md")
        #expect(plan.posts.map(\.slug).contains("2018-01-05-new-year"), "the single-digit date written out in full")
        #expect(plan.skipped.map(\.description) == [
            "jekyll-blog/_drafts: skipped: Jekyll's drafts have no date and are not imported; move one into _posts/ with a date to import it",
            "jekyll-blog/_posts/draft-ideas.md: skipped: the name does not start with a date: a post is named YYYY-MM-DD-title.md",
            "jekyll-blog/_posts/notes.txt: skipped: not a Markdown file (.txt): only .md and .markdown posts are imported",
        ])
        #expect(plan.warnings.count == 7)
        #expect(plan.summary == "Imported 5 posts from jekyll-blog/_posts into content/issues (3 skipped, 7 warnings).")
        // Old addresses: _config.yml's /:year/:month/:day/:title/ where a post has no permalink of its own.
        #expect(plan.posts.map { try? IssueParser.parse(path: $0.target, text: $0.text).permalink?.written } == [
            "/2018/01/19/forums/", nil, "/2018/01/10/welcome/", "/2018/placeholders/", "/2019/03/04/no-front-matter/",
        ], "the forums' own, none for the unpublished post, the placeholders' own filled in, the site's for the rest")
        #expect(plan.siteTarget == "content/site.yml")
        #expect(plan.siteFile?.text == """
            # Made by broadsheet import jekyll from jekyll-blog/_config.yml; edit it freely (see the README on site.yml).
            title: "Field Notes"
            description: "A Jekyll blog, for the importer's tests."
            base_url: "https://notes.example.com/blog/"
            author: "Ada Lovelace"
            language: "en-GB"

            """)
        #expect(plan.notes.isEmpty)
        let welcome = try #require(plan.posts.first { $0.slug == "2018-01-10-welcome" })
        #expect(welcome.text.contains("[forums announcement](../../issues/2018-01-19-forums/index.html)"))
        #expect(welcome.text.contains("tags: [\"news\", \"meta\", \"intro\", \"welcome\"]"))
        // Every imported file parses as the build will read it.
        for post in plan.posts {
            let issue = try IssueParser.parse(path: post.target, text: post.text)
            #expect(issue.slug == post.slug)
        }
    }

    @Test func writingMakesTheFilesAndLeavesTheSourceAsItWas() throws {
        let root = try ImportTestSupport.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try ImportTestSupport.snapshot(ImportTestSupport.fixture)
        let plan = try plan(into: root)
        #expect(try plan.write(force: false) == 5)
        for post in plan.posts {
            #expect(try String(contentsOf: root.appendingPathComponent(post.target), encoding: .utf8) == post.text)
        }
        #expect(try ImportTestSupport.snapshot(ImportTestSupport.fixture) == before, "the source is only read")
    }

    @Test func anIssueAlreadyThereStopsTheImportBeforeAnythingIsWritten() throws {
        let root = try ImportTestSupport.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let issues = root.appendingPathComponent("content/issues")
        try FileManager.default.createDirectory(at: issues, withIntermediateDirectories: true)
        try "mine".write(to: issues.appendingPathComponent("2018-02-14-placeholders.md"), atomically: true, encoding: .utf8)
        let plan = try plan(into: root)
        #expect(plan.problems(force: false).map(\.description) == [
            "content/issues/2018-02-14-placeholders.md: an issue is already there; nothing was imported (pass --force to replace it and every other file this import writes)",
        ])
        #expect(throws: ImportRefusal.self) { try plan.write(force: false) }
        #expect(try ImportTestSupport.snapshot(issues).keys.sorted() == ["/2018-02-14-placeholders.md"], "nothing written")
        #expect(try String(contentsOf: issues.appendingPathComponent("2018-02-14-placeholders.md"), encoding: .utf8) == "mine")
        // --force replaces it, and writes the rest.
        #expect(plan.problems(force: true).isEmpty)
        #expect(try plan.write(force: true) == 5)
        #expect(try String(contentsOf: issues.appendingPathComponent("2018-02-14-placeholders.md"), encoding: .utf8).hasPrefix("---\n"))
    }

    @Test func aFolderWhereAPostGoesStopsItEvenWithForce() throws {
        let root = try ImportTestSupport.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/issues/2018-01-10-welcome.md"), withIntermediateDirectories: true)
        #expect(try plan(into: root).problems(force: true).map(\.description) == [
            "content/issues/2018-01-10-welcome.md: a folder is there, where jekyll-blog/_posts/2018-01-10-welcome.md would go; move it (nothing was imported)",
        ])
    }

    @Test func postsThatWouldBeOneIssueStopTheImport() throws {
        let post = "---\ntitle: T\n---\nBody.\n"
        let source = try ImportTestSupport.site(["2018-1-5-x.md": post, "2018-01-05-x.md": post, "a/2019-01-01-y.md": post, "b/2019-01-01-y.md": post])
        defer { try? FileManager.default.removeItem(at: source.deletingLastPathComponent()) }
        let root = source.deletingLastPathComponent().appendingPathComponent("archive")
        let plan = try plan(into: root, from: source, shown: "site")
        #expect(plan.problems(force: true).map(\.description) == [
            "site/_posts/2018-1-5-x.md: would be imported to content/issues/2018-01-05-x.md, as site/_posts/2018-01-05-x.md is; rename one of them",
            "site/_posts/b/2019-01-01-y.md: its issue would have the slug '2019-01-01-y', as site/_posts/a/2019-01-01-y.md's would; rename one of them",
        ])
    }

    @Test func anIssueWithTheSameSlugElsewhereStopsTheImport() throws {
        let source = try ImportTestSupport.site(["2018-01-05-x.md": "---\ntitle: T\n---\nBody.\n"])
        defer { try? FileManager.default.removeItem(at: source.deletingLastPathComponent()) }
        let root = source.deletingLastPathComponent().appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/issues/old"), withIntermediateDirectories: true)
        try "---\ntitle: X\ndate: 2018-01-05\n---\n".write(to: root.appendingPathComponent("content/issues/old/2018-01-05-x.md"), atomically: true, encoding: .utf8)
        #expect(try plan(into: root, from: source, shown: "site").problems(force: true).map(\.description) == [
            "content/issues/old/2018-01-05-x.md: has the slug '2018-01-05-x' that site/_posts/2018-01-05-x.md would get; rename one of them (nothing was imported)",
        ])
    }

    @Test func aSiteWithoutPostsOrAnIssuesFolderInsideThemIsAnError() throws {
        let empty = try ImportTestSupport.scratch()
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(throws: ContentError(path: "empty/_posts", message: "no _posts folder: give the Jekyll site's folder, the one that holds _config.yml and _posts/")) {
            try JekyllImport(source: empty, displayedAs: "empty/", root: empty).plan()
        }
        let source = try ImportTestSupport.site([:])
        defer { try? FileManager.default.removeItem(at: source.deletingLastPathComponent()) }
        #expect(throws: ContentError(path: "content/issues", message: "the issues folder and site/_posts overlap; import into another --root")) {
            try JekyllImport(source: source, displayedAs: "site", root: source.appendingPathComponent("_posts")).plan()
        }
    }

    @Test func filesThatCannotBeReadAreSkippedWithTheReason() throws {
        let source = try ImportTestSupport.site(["2018-01-05-ok.md": "---\ntitle: T\n---\nBody.\n",
                                                 "2018-01-06-flow.md": "---\n{title: T}\n---\n",
                                                 "_2018-01-07-underscore.md": "x", ".hidden.md": "x", "2018-01-08-backup.md~": "x"])
        defer { try? FileManager.default.removeItem(at: source.deletingLastPathComponent()) }
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0x0A]).write(to: source.appendingPathComponent("_posts/2018-01-09-latin1.md"))
        try FileManager.default.createDirectory(at: source.appendingPathComponent("_posts/_old"), withIntermediateDirectories: true)
        let root = source.deletingLastPathComponent().appendingPathComponent("archive")
        let plan = try plan(into: root, from: source, shown: "site")
        #expect(plan.posts.map(\.target) == ["content/issues/2018-01-05-ok.md"])
        #expect(plan.skipped.map(\.description) == [
            "site/_posts/.hidden.md: skipped: Jekyll leaves out files whose names start with '.', '_' or '#' or end with '~'",
            "site/_posts/2018-01-06-flow.md: skipped: its front matter is not plain 'key: value' lines ('title' on line 2), which the import edits line by line; import it by hand",
            "site/_posts/2018-01-08-backup.md~: skipped: Jekyll leaves out files whose names start with '.', '_' or '#' or end with '~'",
            "site/_posts/2018-01-09-latin1.md: skipped: file is not valid UTF-8 (byte 5): save it as UTF-8",
            "site/_posts/_2018-01-07-underscore.md: skipped: Jekyll leaves out files whose names start with '.', '_' or '#' or end with '~'",
            "site/_posts/_old/: skipped: Jekyll leaves out folders whose names start with '.' or '_'",
        ])
    }

    @Test func anArchiveWithAnIssuesFolderAlreadyGetsThePostsThere() throws {
        let source = try ImportTestSupport.site(["2018-01-05-x.md": "---\ntitle: T\n---\nBody.\n"])
        defer { try? FileManager.default.removeItem(at: source.deletingLastPathComponent()) }
        let pelican = source.deletingLastPathComponent().appendingPathComponent("pelican")
        try FileManager.default.createDirectory(at: pelican.appendingPathComponent("issues"), withIntermediateDirectories: true)
        #expect(try plan(into: pelican, from: source, shown: "site").posts.map(\.target) == ["issues/2018-01-05-x.md"])
    }

    @Test func symlinkedFoldersAndOtherFilesAreSkipped() throws {
        let source = try ImportTestSupport.site(["2018-01-05-ok.md": "---\ntitle: T\n---\nBody.\n"])
        defer { try? FileManager.default.removeItem(at: source.deletingLastPathComponent()) }
        let elsewhere = source.deletingLastPathComponent().appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: source.appendingPathComponent("_posts/linked"), withDestinationURL: elsewhere)
        #expect(mkfifo(source.appendingPathComponent("_posts/2018-01-06-pipe.md").path, 0o644) == 0)
        let root = source.deletingLastPathComponent().appendingPathComponent("archive")
        let plan = try plan(into: root, from: source, shown: "site")
        #expect(plan.posts.map(\.target) == ["content/issues/2018-01-05-ok.md"])
        #expect(plan.skipped.map(\.description) == [
            "site/_posts/2018-01-06-pipe.md: skipped: not a regular file",
            "site/_posts/linked: skipped: a symlinked folder, which the import does not follow",
        ])
    }

    @Test func aFileWhereTheIssuesFolderGoesIsAnErrorOnWriting() throws {
        let source = try ImportTestSupport.site(["2018-01-05-ok.md": "---\ntitle: T\n---\nBody.\n"])
        defer { try? FileManager.default.removeItem(at: source.deletingLastPathComponent()) }
        let root = source.deletingLastPathComponent().appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try "not a folder".write(to: root.appendingPathComponent("content"), atomically: true, encoding: .utf8)
        let plan = try plan(into: root, from: source, shown: "site")
        do {
            _ = try plan.write(force: false)
            Issue.record("written into a file")
        } catch let error as ContentError {
            #expect(error.path == "content/issues/2018-01-05-ok.md")
            #expect(error.message.hasPrefix("cannot write the issue: "), "\(error.message)")
        }
    }
}
