import Foundation
import Testing
@testable import Output

/// The preview's folder, updated file by file.
@Suite("In-place output")
struct InPlaceOutputTests {
    private func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-inplace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func inode(_ url: URL) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int) ?? -1
    }

    @Test func unchangedBytesAreNotWrittenAgain() throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let site = base.appendingPathComponent("site")
        let output = try InPlaceOutput(destination: site)
        output.begin()
        try output.write("<p>one</p>", to: "a/index.html")
        try output.write("<p>two</p>", to: "b/index.html")
        let first = try output.commit()
        #expect(first.written == ["a/index.html", "b/index.html"])
        let before = try inode(site.appendingPathComponent("a/index.html"))

        output.begin()
        try output.write("<p>one</p>", to: "a/index.html")
        try output.write("<p>TWO</p>", to: "b/index.html")
        let second = try output.commit()
        #expect(second.written == ["b/index.html"], "only the changed file moves in")
        #expect(try inode(site.appendingPathComponent("a/index.html")) == before, "the unchanged file is the same file")
        #expect(try String(contentsOf: site.appendingPathComponent("b/index.html"), encoding: .utf8) == "<p>TWO</p>")
    }

    @Test func nothingIsInPlaceBeforeTheCommitAndADiscardLeavesTheFolderAsItWas() throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let site = base.appendingPathComponent("site")
        let output = try InPlaceOutput(destination: site)
        output.begin()
        try output.write("old", to: "page.html")
        try output.commit()

        output.begin()
        try output.write("new", to: "page.html")
        try output.write("extra", to: "more/extra.html")
        #expect(try String(contentsOf: site.appendingPathComponent("page.html"), encoding: .utf8) == "old", "not before the commit")
        output.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path) == ["page.html"])
        #expect(try String(contentsOf: site.appendingPathComponent("page.html"), encoding: .utf8) == "old")
        let waiting = base.appendingPathComponent(".site.pending")
        #expect(try FileManager.default.contentsOfDirectory(atPath: waiting.path).isEmpty, "the discarded files are gone")
    }

    @Test func filesABuildNeitherWritesNorKeepsGoWithTheirEmptyFolders() throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let site = base.appendingPathComponent("site")
        let output = try InPlaceOutput(destination: site)
        output.begin()
        for path in ["issues/a/index.html", "issues/b/index.html", "search/index/t1.js", "index.html"] { try output.write(path, to: path) }
        try output.commit()

        output.begin()
        #expect(output.keep(["issues/a/index.html", "issues/never/index.html"]) == ["issues/never/index.html"],
                "a file the folder does not hold cannot be kept")
        try output.write("index.html", to: "index.html")
        let pages = try output.commit(sparing: { $0.hasPrefix("search/index/") })
        #expect(pages.removed == ["issues/b/index.html"], "the spared search file stays until its part is written")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("issues/b").path), "its empty folder went too")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("search/index/t1.js").path))

        try output.write("t2", to: "search/index/t2.js")
        let rest = try output.commit(marker: Data("{}\n".utf8))
        #expect(rest.written == ["search/index/t2.js"] && rest.removed == ["search/index/t1.js"])
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(BuildMarker.fileName).path))
        #expect(output.contains("issues/a/index.html") && !output.contains("issues/b/index.html"))
    }

    @Test func aClosedFolderTakesNoMoreWrites() throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let site = base.appendingPathComponent("site")
        let output = try InPlaceOutput(destination: site)
        output.begin()
        try output.write("page", to: "a/index.html")
        output.close()
        try FileManager.default.removeItem(at: site)
        #expect(throws: OutputError.self) { try output.write("late", to: "b/index.html") }
        #expect(throws: OutputError.self) { try output.commit() }
        #expect(!FileManager.default.fileExists(atPath: site.path), "nothing re-creates the removed folder")
        #expect(!FileManager.default.fileExists(atPath: base.appendingPathComponent(".site.pending").path))
    }

    @Test func aFolderWithFilesInItIsRefused() throws {
        let base = try scratch()
        defer { try? FileManager.default.removeItem(at: base) }
        let site = base.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try "mine".write(to: site.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        #expect(throws: OutputError.self) { try InPlaceOutput(destination: site) }
        #expect(try String(contentsOf: site.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine")
    }
}
