import Archive
import Foundation
import Search
import Testing
@testable import Site

/// The index files that both engines' test vectors run against
/// (`Tests/SearchTests/Vectors/engine/<archive>/`), built from the seed archive and a
/// small generated one. Rebuilding them must give the committed bytes: the index is
/// deterministic, and the fixtures are current. `scripts/write-search-vectors.sh`
/// rewrites them (and then the expected results) after a deliberate change.
@Suite("Search vector fixtures")
struct SearchVectorFixtureTests {
    static let vectors = TestSupport.repository.appendingPathComponent("Tests/SearchTests/Vectors/engine")
    static let writing = ProcessInfo.processInfo.environment["BROADSHEET_WRITE_VECTORS"] == "1"

    static func files(for root: URL, options: IndexOptions = IndexOptions()) throws -> [(name: String, contents: [UInt8])] {
        let archive = try ContentLayout(root: root).loadArchive(includeDrafts: false)
        let built = IndexBuilder(options: options).build(SearchDocuments.make(archive), things: SearchDocuments.namedThings(archive))
        return IndexWriter().files(for: built)
    }

    func check(_ name: String, root: URL, options: IndexOptions = IndexOptions()) throws {
        let files = try Self.files(for: root, options: options)
        let again = try Self.files(for: root, options: options)
        #expect(files.map(\.name) == again.map(\.name) && zip(files, again).allSatisfy { $0.contents == $1.contents },
                "the same content gives the same index bytes")
        let folder = Self.vectors.appendingPathComponent(name)
        if Self.writing {
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for file in files { try Data(file.contents).write(to: folder.appendingPathComponent("\(file.name).js")) }
            return
        }
        let committed = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".js") }.sorted()
        #expect(committed == files.map { "\($0.name).js" }.sorted(), "the committed fixture has the same files; run scripts/write-search-vectors.sh")
        for file in files {
            let stored = FileManager.default.contents(atPath: folder.appendingPathComponent("\(file.name).js").path).map(Array.init)
            #expect(stored == file.contents, "\(name)/\(file.name).js is current; run scripts/write-search-vectors.sh after a deliberate change")
        }
    }

    @Test func seedArchive() throws {
        try check("seed", root: TestSupport.repository)
    }

    /// 60 issues from the bench's generator (`../shared/bench/gen_corpus.py`, seed 7):
    /// enough for dense terms and postings files, in chunks of 16 documents (the layout
    /// alone would give 60 documents one chunk) so that both engines read later chunks.
    @Test func generatedArchive() throws {
        let generator = TestSupport.shared.appendingPathComponent("bench/gen_corpus.py")
        guard FileManager.default.fileExists(atPath: generator.path) else {
            if let ci = ProcessInfo.processInfo.environment["CI"], !ci.isEmpty {
                Issue.record("outside test data missing in CI: \(generator.path)")
            } else {
                print("note: \(generator.path) not found; skipping the generated search fixture (it runs wherever ../shared exists)")
            }
            return
        }
        let scratch = try TestSupport.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", generator.path, "--issues", "60", "--seed", "7", "--out", scratch.appendingPathComponent("gen").path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        var options = IndexOptions()
        options.documentsPerChunk = 16
        try check("generated", root: scratch.appendingPathComponent("gen"), options: options)
    }
}
