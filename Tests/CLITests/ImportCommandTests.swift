import Foundation
import Testing

/// `broadsheet import jekyll`, run as an editor would: the posts written, skipped files and
/// warnings on stderr, one summary line; a refusal to overwrite with status 1 and nothing
/// written; then a build with redirects at the old addresses.
@Suite("broadsheet import jekyll")
struct ImportCommandTests {
    static let fixture = CommandRunner.repository.appendingPathComponent("Tests/ImportTests/Fixtures/jekyll-blog")

    private func emptyArchive() throws -> URL {
        try CommandRunner.scratchArchive(issues: [:])
    }

    @Test func importsThePostsThenTheyBuildWithRedirects() throws {
        let root = try emptyArchive()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try CommandRunner.snapshot(Self.fixture)
        // The root is the current folder when --root is not given.
        let result = try CommandRunner.run(["import", "jekyll", Self.fixture.path], in: root)
        try #require(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            content/site.yml: kept as it is (not made from _config.yml)
            Imported 5 posts from \(Self.fixture.path)/_posts into content/issues (3 skipped, 7 warnings).

            """, "the archive's own site.yml is never replaced")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 10, "3 skipped files and 7 warnings: \(result.stderr)")
        #expect(lines.contains("\(Self.fixture.path)/_posts/notes.txt: skipped: not a Markdown file (.txt): only .md and .markdown posts are imported"))
        #expect(lines.contains("\(Self.fixture.path)/_posts/draft-ideas.md: skipped: the name does not start with a date: a post is named YYYY-MM-DD-title.md"))
        #expect(lines.contains("content/issues/2018/2018-01-19-forums.md:10: warning: {% post_url 2017-12-01-missing %} names no post being imported; left as it is"))
        #expect(lines.contains("content/issues/2018/2018-01-19-forums.md:12: warning: Liquid {% highlight ruby %} left as it is: Broadsheet does not run Liquid"))
        #expect(lines.contains("content/issues/2018-01-10-welcome.md:13: warning: Liquid {{ page.title }} left as it is: Broadsheet does not run Liquid"),
                "a line lower: the old address is added to the front matter")
        #expect(!lines.contains { $0.contains("placeholders.md") }, "its placeholder permalink is filled in")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("content/issues/2018/2018-01-05-new-year.md").path))
        #expect(try CommandRunner.snapshot(Self.fixture) == before, "the source is only read")

        let build = try CommandRunner.run(["build", "--root", root.path, "--quiet"], environment: ["BROADSHEET_TODAY": "2026-01-01"])
        try #require(build.status == 0, "\(build.stderr)")
        #expect(build.stdout.contains("Built 4 issues"), "the unpublished post is a draft: \(build.stdout)")
        let redirect = try String(contentsOf: root.appendingPathComponent("site/2018/01/19/forums/index.html"), encoding: .utf8)
        #expect(redirect.contains("url=../../../../issues/2018-01-19-forums/\""))
        #expect(redirect.contains("<link rel=\"canonical\" href=\"https://example.org/issues/2018-01-19-forums/\">"))
        let welcome = try String(contentsOf: root.appendingPathComponent("site/issues/2018-01-10-welcome/index.html"), encoding: .utf8)
        #expect(welcome.contains("<a href=\"../../issues/2018-01-19-forums/index.html\">forums announcement</a>"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("site/issues/2018-01-19-forums/index.html").path))
        let old = try String(contentsOf: root.appendingPathComponent("site/2018/01/10/welcome/index.html"), encoding: .utf8)
        #expect(old.contains("url=../../../../issues/2018-01-10-welcome/\""), "the address _config.yml's permalink gave the post")
        #expect(try String(contentsOf: root.appendingPathComponent("content/site.yml"), encoding: .utf8) == "title: CLI Weekly\nbase_url: https://example.org/\n")
    }

    @Test func anEmptyFolderGetsSiteYmlFromConfigAndBuildsUnderItsTitle() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(["import", "jekyll", Self.fixture.path], in: root)
        try #require(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("content/site.yml: made from _config.yml\nImported 5 posts"), "\(result.stdout)")
        let site = try String(contentsOf: root.appendingPathComponent("content/site.yml"), encoding: .utf8)
        #expect(site.contains("title: \"Field Notes\"\n"))
        #expect(site.contains("base_url: \"https://notes.example.com/blog/\"\n"))
        #expect(site.contains("author: \"Ada Lovelace\"\n"))

        try FileManager.default.copyItem(at: CommandRunner.repository.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
        let build = try CommandRunner.run(["build", "--root", root.path, "--quiet"], environment: ["BROADSHEET_TODAY": "2026-01-01"])
        try #require(build.status == 0, "\(build.stderr)")
        let home = try String(contentsOf: root.appendingPathComponent("site/index.html"), encoding: .utf8)
        #expect(home.contains("<title>Field Notes</title>"))
        let redirect = try String(contentsOf: root.appendingPathComponent("site/2018/01/19/forums/index.html"), encoding: .utf8)
        #expect(redirect.contains("url=../../../../issues/2018-01-19-forums/\""))
        #expect(redirect.contains("<link rel=\"canonical\" href=\"https://notes.example.com/blog/issues/2018-01-19-forums/\">"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("site/2018/01/10/welcome/index.html").path))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("site/2018/placeholders/index.html").path))
    }

    @Test func aMalformedConfigIsAnErrorAtItsLineAndNothingIsWritten() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-cli-\(UUID().uuidString)")
        let old = root.appendingPathComponent("old")
        try FileManager.default.createDirectory(at: old.appendingPathComponent("_posts"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "---\ntitle: T\n---\nBody.\n".write(to: old.appendingPathComponent("_posts/2018-01-05-x.md"), atomically: true, encoding: .utf8)
        try "title: T\nurl: [not, text]\n".write(to: old.appendingPathComponent("_config.yml"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["import", "jekyll", "old", "--root", "archive"], in: root)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "old/_config.yml:2: url must be text, as Jekyll reads it\n")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("archive").path), "nothing written")

        try "title: T\n  bad: indent\n".write(to: old.appendingPathComponent("_config.yml"), atomically: true, encoding: .utf8)
        let broken = try CommandRunner.run(["import", "jekyll", "old", "--root", "archive", "--force"], in: root)
        #expect(broken.status == 1)
        #expect(broken.stderr.hasPrefix("old/_config.yml:"), "\(broken.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("archive").path), "nothing written")

        try FileManager.default.removeItem(at: old.appendingPathComponent("_config.yml"))
        let missing = try CommandRunner.run(["import", "jekyll", "old", "--root", "archive"], in: root)
        #expect(missing.status == 0, "\(missing.stderr)")
        #expect(missing.stdout.hasPrefix("old/_config.yml: not there, so old addresses follow Jekyll's default permalink (date) and no site.yml is made\n"))
        #expect(try String(contentsOf: root.appendingPathComponent("archive/content/issues/2018-01-05-x.md"), encoding: .utf8).contains("permalink: \"/2018/01/05/x.html\""))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("archive/content/site.yml").path))
    }

    @Test func refusesToOverwriteUnlessForced() throws {
        let root = try emptyArchive()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try CommandRunner.run(["import", "jekyll", Self.fixture.path, "--root", root.path])
        try #require(first.status == 0, "\(first.stderr)")
        let edited = root.appendingPathComponent("content/issues/2018-01-10-welcome.md")
        try "---\ntitle: Mine\ndate: 2018-01-10\n---\nEdited since.\n".write(to: edited, atomically: true, encoding: .utf8)
        let before = try CommandRunner.snapshot(root.appendingPathComponent("content"))

        let again = try CommandRunner.run(["import", "jekyll", Self.fixture.path, "--root", root.path])
        #expect(again.status == 1)
        #expect(again.stdout.isEmpty)
        let lines = again.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 5, "one line for each file already there, and nothing else: \(again.stderr)")
        #expect(lines.contains("content/issues/2018-01-10-welcome.md: an issue is already there; nothing was imported (pass --force to replace it and every other file this import writes)"))
        #expect(try CommandRunner.snapshot(root.appendingPathComponent("content")) == before, "nothing written")

        let forced = try CommandRunner.run(["import", "jekyll", Self.fixture.path, "--root", root.path, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOf: edited, encoding: .utf8).contains("title: \"Welcome to Field Notes\""))
    }

    @Test func badSourcesAndOverlapsAreErrorsWithStatusOne() throws {
        let root = try emptyArchive()
        defer { try? FileManager.default.removeItem(at: root) }
        let missing = try CommandRunner.run(["import", "jekyll", "no-such-site", "--root", root.path], in: root)
        #expect(missing.status == 1)
        #expect(missing.stderr == "no-such-site/_posts: no _posts folder: give the Jekyll site's folder, the one that holds _config.yml and _posts/\n")

        let posts = root.appendingPathComponent("blog/_posts")
        try FileManager.default.createDirectory(at: posts, withIntermediateDirectories: true)
        let inside = try CommandRunner.run(["import", "jekyll", "blog", "--root", "blog/_posts"], in: root)
        #expect(inside.status == 1)
        #expect(inside.stderr.contains("the issues folder and blog/_posts overlap; import into another --root"), "\(inside.stderr)")
        #expect(!FileManager.default.fileExists(atPath: posts.appendingPathComponent("content").path))

        let noSource = try CommandRunner.run(["import", "jekyll"], in: root)
        #expect(noSource.status != 0)
        #expect(noSource.stderr.contains("Missing expected argument '<src>'"), "\(noSource.stderr)")

        let clash = try CommandRunner.scratchArchive(issues: [:])
        defer { try? FileManager.default.removeItem(at: clash) }
        let site = clash.appendingPathComponent("old")
        for folder in ["a", "b"] {
            try FileManager.default.createDirectory(at: site.appendingPathComponent("_posts/\(folder)"), withIntermediateDirectories: true)
            try "---\ntitle: Same\n---\n".write(to: site.appendingPathComponent("_posts/\(folder)/2018-01-01-same.md"), atomically: true, encoding: .utf8)
        }
        let twice = try CommandRunner.run(["import", "jekyll", "old"], in: clash)
        #expect(twice.status == 1)
        #expect(twice.stderr == "old/_posts/b/2018-01-01-same.md: its issue would have the slug '2018-01-01-same', as old/_posts/a/2018-01-01-same.md's would; rename one of them\n")
        #expect(try CommandRunner.snapshot(clash.appendingPathComponent("content/issues")).isEmpty)
    }

    @Test func aPermalinkThatTakesAPagesPlaceStopsTheBuild() throws {
        let root = try CommandRunner.scratchArchive(issues: [
            "2018-01-19-a.md": "---\ntitle: A\ndate: 2018-01-19\npermalink: /tags/\n---\nA.\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let build = try CommandRunner.run(["build", "--root", root.path])
        #expect(build.status == 1)
        #expect(build.stderr.contains("content/issues/2018-01-19-a.md:4: permalink '/tags/' is where the build writes tags/index.html; choose another old address or remove the permalink\n"), "\(build.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path))

        try "---\ntitle: A\ndate: 2018-01-19\npermalink: /../up/\n---\nA.\n".write(to: root.appendingPathComponent("content/issues/2018-01-19-a.md"), atomically: true, encoding: .utf8)
        let escape = try CommandRunner.run(["build", "--root", root.path])
        #expect(escape.status == 1)
        #expect(escape.stderr.contains("content/issues/2018-01-19-a.md:4: permalink '/../up/' leads out of the site folder ('..')"), "\(escape.stderr)")
    }
}
