import Foundation
import Testing
@testable import Archive

@Suite("Loading an archive")
struct IssueLoaderTests {
    @Test func loadsEveryMarkdownFileNewestFirstAndSkipsDrafts() throws {
        let archive = try TemporaryArchive()
        try archive.write("content/issues/2025-01-01-a.md", TemporaryArchive.issue(title: "A", date: "2025-01-01"))
        try archive.write("content/issues/2025/2025-03-01-c.markdown", TemporaryArchive.issue(title: "C", date: "2025-03-01"))
        try archive.write("content/issues/2025-02-01-b.md", TemporaryArchive.issue(title: "B", date: "2025-02-01", extra: "tags: [x, Y]\n"))
        try archive.write("content/issues/draft.md", TemporaryArchive.issue(title: "D", date: "2025-04-01", extra: "draft: true\n"))
        try archive.write("content/issues/notes.txt", "not an issue")
        try archive.write("content/site.yml", "title: Test Weekly\nbase_url: https://example.org/news\nextra_key: 3\n")

        let layout = try ContentLayout(root: archive.root)
        let loaded = try layout.loadArchive(includeDrafts: false)
        #expect(loaded.issues.map(\.title) == ["C", "B", "A"])
        #expect(loaded.issues.map(\.path) == ["content/issues/2025/2025-03-01-c.markdown", "content/issues/2025-02-01-b.md",
                                               "content/issues/2025-01-01-a.md"])
        #expect(loaded.config.title == "Test Weekly")
        #expect(loaded.config.baseURL == "https://example.org/news/")
        #expect(loaded.config.basePath == "/news/")
        #expect(loaded.config.params["extra_key"] == .int(3))
        #expect(loaded.tags.map(\.slug) == ["x", "y"])

        let withDrafts = try layout.loadArchive(includeDrafts: true)
        #expect(withDrafts.issues.first?.title == "D")
    }

    @Test func plainTextsAreTheWordsOfEachIssueNewestFirstWithoutDrafts() throws {
        let archive = try TemporaryArchive()
        try archive.write("content/issues/a.md", "---\ntitle: A\ndate: 2025-01-01\n---\n# Heading\n\nSome *emphasis* and [a link](https://example.org).\n")
        try archive.write("content/issues/b.md", "---\ntitle: B\ndate: 2025-02-01\n---\nLater <span>words</span>.\n")
        try archive.write("content/issues/c.md", "---\ntitle: C\ndate: 2025-03-01\ndraft: true\n---\nDraft words.\n")
        let layout = try ContentLayout(root: archive.root)
        let texts = try layout.loadPlainTexts(includeDrafts: false)
        #expect(texts.map(\.path) == ["content/issues/b.md", "content/issues/a.md"])
        #expect(texts.map(\.text) == ["Later words.\n", "Heading\nSome emphasis and a link.\n"])
        #expect(try layout.loadPlainTexts(includeDrafts: true).first?.path == "content/issues/c.md")
    }

    @Test func plainTextsStillReportABadDateOnItsLine() throws {
        let archive = try TemporaryArchive()
        try archive.write("content/issues/bad.md", "---\ntitle: B\ndate: soon\n---\nText.\n")
        #expect {
            try ContentLayout(root: archive.root).loadPlainTexts(includeDrafts: false)
        } throws: { error in
            "\(error)".hasPrefix("content/issues/bad.md:3: cannot read date 'soon'")
        }
    }

    @Test func aFolderHoldingIssuesDirectlyIsAnArchiveToo() throws {
        let archive = try TemporaryArchive()
        try archive.write("pelican/issues/2013-06-07-twir.markdown", "Title: One\nDate: 2013-06-07\n\nText\n")
        let layout = try ContentLayout(root: archive.root.appendingPathComponent("pelican"))
        let loaded = try layout.loadArchive(includeDrafts: false)
        #expect(loaded.issues.map(\.slug) == ["2013-06-07-twir"])
        #expect(loaded.config.title == "pelican")
    }

    @Test func duplicateSlugNamesBothFiles() throws {
        let archive = try TemporaryArchive()
        try archive.write("content/issues/a.md", TemporaryArchive.issue(title: "A", date: "2025-01-01", extra: "slug: same\n"))
        try archive.write("content/issues/b.md", TemporaryArchive.issue(title: "B", date: "2025-01-02", extra: "slug: same\n"))
        #expect {
            try ContentLayout(root: archive.root).loadArchive(includeDrafts: false)
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("content/issues/b.md:1: duplicate slug 'same'") && text.contains("content/issues/a.md")
        }
    }

    @Test func fileThatIsNotUTF8NamesTheLine() throws {
        let archive = try TemporaryArchive()
        var bytes = Data("---\ntitle: T\ndate: 2025-01-01\n---\nline five\ncaf".utf8)
        bytes.append(contentsOf: [0xE9, 0x0A]) // Latin-1 é
        try archive.write("content/issues/latin1.md", bytes: bytes)
        #expect {
            try ContentLayout(root: archive.root).loadArchive(includeDrafts: false)
        } throws: { error in
            "\(error)".hasPrefix("content/issues/latin1.md:6: file is not valid UTF-8")
        }
    }

    @Test func errorsInAnyFileStopTheLoad() throws {
        let archive = try TemporaryArchive()
        try archive.write("content/issues/good.md", TemporaryArchive.issue(title: "A", date: "2025-01-01"))
        try archive.write("content/issues/bad.md", "---\ntitle: B\n---\n")
        #expect {
            try ContentLayout(root: archive.root).loadArchive(includeDrafts: false)
        } throws: { error in
            "\(error)" == "content/issues/bad.md:1: missing date: every issue needs a 'date:' in its front matter"
        }
    }

    @Test func invalidSiteConfigNamesItsLine() throws {
        let archive = try TemporaryArchive()
        try archive.write("content/site.yml", "title: X\ndescription: [unclosed\n")
        #expect {
            try ContentLayout(root: archive.root).loadSiteConfig()
        } throws: { error in
            "\(error)".hasPrefix("content/site.yml:") && "\(error)".contains("invalid YAML")
        }
    }

    @Test func missingIssuesFolderIsExplained() throws {
        let archive = try TemporaryArchive()
        #expect {
            try ContentLayout(root: archive.root.appendingPathComponent("nowhere"))
        } throws: { error in
            "\(error)".contains("no issues folder")
        }
    }
}
