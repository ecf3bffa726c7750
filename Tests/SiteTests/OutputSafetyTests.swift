import Foundation
import Output
import Testing
@testable import Site

/// The build replaces only what it built: every folder of the editor's is refused
/// as output, with `--force` too, and is still there byte for byte afterwards.
@Suite("Output folder safety")
struct OutputSafetyTests {
    /// A scratch archive (`scratch/archive`) with its own theme in `archive/templates/`.
    private func archiveWithTheme() throws -> (root: URL, scratch: URL) {
        let root = try TestSupport.fixtureCopy()
        try FileManager.default.copyItem(at: TestSupport.theme, to: root.appendingPathComponent("templates"))
        return (root, root.deletingLastPathComponent())
    }

    private func build(_ root: URL, output: URL?, force: Bool = false) throws -> BuildReport {
        try SiteBuilder(options: BuildOptions(root: root, output: output, force: force)).build()
    }

    /// Builds into `output` and expects a refusal naming `reason`; `watched` must not change.
    private func expectRefusal(root: URL, output: URL, watched: URL, reason: String, force: Bool) throws {
        let before = try TestSupport.snapshot(watched)
        #expect(!before.isEmpty)
        #expect {
            try build(root, output: output, force: force)
        } throws: { error in
            guard let error = error as? OutputError else { return false }
            return error.message.contains(reason)
        }
        #expect(try TestSupport.snapshot(watched) == before, "\(watched.path) changed")
    }

    @Test(arguments: [false, true])
    func issuesFolderIsRefused(force: Bool) throws {
        let (root, scratch) = try archiveWithTheme()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let issues = root.appendingPathComponent("content/issues")
        try expectRefusal(root: root, output: issues, watched: root, reason: "this is the issues folder", force: force)
    }

    @Test(arguments: [false, true])
    func templatesFolderIsRefused(force: Bool) throws {
        let (root, scratch) = try archiveWithTheme()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try expectRefusal(root: root, output: root.appendingPathComponent("templates"), watched: root,
                          reason: "this is the templates folder", force: force)
        try expectRefusal(root: root, output: root.appendingPathComponent("templates/partials"), watched: root,
                          reason: "inside the templates folder", force: force)
    }

    @Test(arguments: [false, true])
    func rootIsRefused(force: Bool) throws {
        let (root, scratch) = try archiveWithTheme()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try expectRefusal(root: root, output: root, watched: root, reason: "this is the archive's root folder", force: force)
    }

    @Test(arguments: [false, true])
    func parentOfTheRootIsRefused(force: Bool) throws {
        let (root, scratch) = try archiveWithTheme()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try expectRefusal(root: root, output: scratch, watched: scratch, reason: "holds the archive's root folder", force: force)
    }

    @Test(arguments: [false, true])
    func symlinkToContentIsRefused(force: Bool) throws {
        let (root, scratch) = try archiveWithTheme()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let link = scratch.appendingPathComponent("public")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: root.appendingPathComponent("content"))
        try expectRefusal(root: root, output: link, watched: root, reason: "this is the content folder", force: force)
        // `..` is applied after the symlink: public/../archive/content is the content folder too.
        let dotted = URL(fileURLWithPath: link.path + "/issues/../../archive/content")
        try expectRefusal(root: root, output: dotted, watched: root, reason: "this is the content folder", force: force)
    }

    @Test func foreignFolderIsRefusedWithTheDocumentedMessage() throws {
        let (root, scratch) = try archiveWithTheme()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let documents = scratch.appendingPathComponent("Documents")
        try FileManager.default.createDirectory(at: documents.appendingPathComponent("taxes"), withIntermediateDirectories: true)
        try Data("receipt".utf8).write(to: documents.appendingPathComponent("taxes/2025.txt"))
        let before = try TestSupport.snapshot(documents)
        #expect {
            try build(root, output: documents)
        } throws: { error in
            "\(error)" == "\(documents.path): refusing to replace a folder that Broadsheet did not build; empty it or pass --force"
        }
        #expect(try TestSupport.snapshot(documents) == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted()
        #expect(siblings == ["Documents", "archive"], "the refused build left \(siblings)")
    }

    @Test func forceMovesAForeignFolderAsideInsteadOfDeletingIt() throws {
        let (root, scratch) = try archiveWithTheme()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let documents = scratch.appendingPathComponent("Documents")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        try Data("receipt".utf8).write(to: documents.appendingPathComponent("2025.txt"))
        try Data("mine".utf8).write(to: documents.appendingPathComponent("index.html"))
        try Data("SECRET=1".utf8).write(to: documents.appendingPathComponent(".env"))
        let before = try TestSupport.snapshot(documents)

        let report = try build(root, output: documents, force: true)
        let setAside = try #require(report.setAside)
        #expect(try TestSupport.snapshot(setAside) == before, "the foreign files must survive byte for byte")
        #expect(setAside.deletingLastPathComponent().path == scratch.resolvingSymlinksInPath().path)
        #expect(BuildMarker.read(in: documents) != nil)
        #expect(try TestSupport.read(documents.appendingPathComponent("index.html")) != "mine")
        #expect(!FileManager.default.fileExists(atPath: documents.appendingPathComponent("2025.txt").path))
        #expect(!FileManager.default.fileExists(atPath: documents.appendingPathComponent(".env").path),
                "hidden files of a foreign folder go aside too, not into the published site")
    }

    @Test func defaultSiteFolderWithOnlyGitkeepBuilds() throws {
        let (root, scratch) = try archiveWithTheme()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let site = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Data().write(to: site.appendingPathComponent(".gitkeep"))
        _ = try build(root, output: nil)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("index.html").path))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(".gitkeep").path))
        // The marker lets the next build replace it, and only the marker's folder.
        _ = try build(root, output: nil)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("index.html").path))
    }

    @Test func markerRecordsVersionDateAndFileCount() throws {
        let (root, scratch) = try archiveWithTheme()
        defer { try? FileManager.default.removeItem(at: scratch) }
        _ = try build(root, output: nil)
        let site = root.appendingPathComponent("site")
        let marker = try #require(BuildMarker.read(in: site))
        #expect(marker.generator == SiteBuilder.generator)
        #expect(marker.built.hasSuffix("Z") && marker.built.count == 20, "\(marker.built)")
        let files = try TestSupport.snapshot(site).keys.filter { $0 != "/" + BuildMarker.fileName }
        #expect(marker.files == files.count)
    }

    @Test func aFileAtTheOutputPathIsRefused() throws {
        let (root, scratch) = try archiveWithTheme()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("notes.txt")
        try Data("notes".utf8).write(to: file)
        #expect(throws: OutputError.self) { try build(root, output: file, force: true) }
        #expect(try Data(contentsOf: file) == Data("notes".utf8))
    }
}
