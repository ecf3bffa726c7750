import Foundation
import Testing
@testable import Search

/// A damaged, truncated or missing index file is refused with an `IndexFormatError`
/// that names it, never a crash, a hang or a wrong answer.
@Suite("Damaged index files")
struct StoredIndexDamageTests {
    static let files: [(name: String, contents: [UInt8])] = {
        var options = IndexOptions()
        options.topCount = 2
        return IndexWriter().files(for: IndexBuilder(options: options).build(SearchEngineTests.documents, things: SearchEngineTests.things))
    }()

    /// Runs queries that between them read every file, over the files with `name` changed.
    func search(changing name: String, _ change: ([UInt8]) -> [UInt8]?) throws {
        let changed = Self.files.compactMap { file -> (name: String, contents: [UInt8])? in
            guard file.name == name else { return file }
            return change(file.contents).map { (file.name, $0) }
        }
        let engine = SearchEngine(index: try StoredIndex(source: MemoryIndexSource(changed)))
        for query in ["gpu ", "gpu power ", "\"data centres\"", "gpu tag:funding ", "lenders ", "nvidai ", "nsca", "zzzzz "] {
            _ = try engine.search(query, limit: 3)
        }
    }

    func expectRefused(_ name: String, saying text: String, _ change: @escaping ([UInt8]) -> [UInt8]?) {
        #expect {
            try search(changing: name, change)
        } throws: { error in
            guard let error = error as? IndexFormatError else { return false }
            return error.description.hasPrefix("damaged search index: ") && error.description.contains(text)
        }
    }

    @Test func theUntouchedFilesAreRead() throws {
        #expect(Set(Self.files.map { $0.name.split(separator: "-").first.map(String.init) ?? $0.name })
            == ["manifest", "terms", "postings", "positions", "documents", "excerpts", "facets"])
        try search(changing: "none") { $0 }
    }

    @Test func aTruncatedFileIsRefused() {
        for file in Self.files {
            expectRefused(file.name, saying: "\(file.name).js") { Array($0.prefix($0.count / 2)) }
        }
    }

    @Test func aMissingFileIsRefused() {
        for file in Self.files {
            expectRefused(file.name, saying: "\(file.name).js is missing") { _ in nil }
        }
    }

    @Test func aChangedByteIsRefused() {
        for file in Self.files {
            // A byte in the middle of the base64: the checksum catches it.
            expectRefused(file.name, saying: "\(file.name).js") { bytes in
                var copy = bytes
                let middle = copy.count / 2
                copy[middle] = copy[middle] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
                return copy
            }
        }
    }

    @Test func anotherFormatVersionIsRefused() {
        expectRefused("manifest", saying: "format version 9") { _ in
            var payload = Array("BSIX".utf8) + [9, IndexFileKind.manifest.rawValue]
            payload += [0]
            return Array("BroadsheetIndex.add(\"manifest\",\"\(Data(Deflate.compress(payload)).base64EncodedString())\");\n".utf8)
        }
    }

    /// Every cut of a payload, rewrapped so the envelope and checksum are good: the
    /// payload readers themselves must refuse, never trap.
    @Test func everyCutOfEveryPayloadIsRefused() throws {
        for file in Self.files {
            let kind = IndexFileKind(rawValue: Array(try Deflate.decompress(Array(Data(base64Encoded: Data(envelopeBody(file.contents)))!)))[5])!
            let payload = try IndexFile.unwrap(file.contents, name: file.name, kind: kind)
            for cut in stride(from: 0, to: payload.count, by: max(1, payload.count / 40)) {
                let wrapped = IndexFile.wrap(name: file.name, kind: kind, payload: Array(payload.prefix(cut)))
                #expect(throws: IndexFormatError.self, "\(file.name) cut at \(cut) of \(payload.count)") {
                    try search(changing: file.name) { _ in wrapped }
                }
            }
        }
    }

    private func envelopeBody(_ text: [UInt8]) -> [UInt8] {
        let start = text.firstIndex(of: UInt8(ascii: ","))! + 2
        return Array(text[start..<(text.count - 4)])
    }
}

/// The form masks in a positions blob (which of a stem's forms a document has) must name
/// forms the stem has.
@Suite("Damaged form masks")
struct FormMaskDamageTests {
    static let documents = [
        SearchDocument(fields: [.body: "The cluster is running hot again."], date: "2026-01-02", url: "a/"),
        SearchDocument(fields: [.body: "The cluster runs hot again."], date: "2026-01-01", url: "b/"),
    ]

    /// The index with the last byte of the positions blob of `run` (the second document's
    /// form mask, one byte) set to `mask`.
    func index(withLastMask mask: UInt8) throws -> StoredIndex {
        let files = IndexWriter().files(for: IndexBuilder().build(Self.documents))
        let reference = try #require(try StoredIndex(source: MemoryIndexSource(files)).entry("run")).positions
        let name = IndexWriter.name("positions", reference.file)
        var changed = files
        let place = try #require(changed.firstIndex { $0.name == name })
        var payload = try IndexFile.unwrap(changed[place].contents, name: name, kind: .positions)
        #expect(payload[reference.offset + reference.length - 1] == 0b10, "runs: the second form of [running, runs]")
        payload[reference.offset + reference.length - 1] = mask
        changed[place].contents = IndexFile.wrap(name: name, kind: .positions, payload: payload)
        return try StoredIndex(source: MemoryIndexSource(changed))
    }

    @Test func aGoodMaskIsRead() throws {
        let index = try index(withLastMask: 0b10)
        let positions = try index.positions(try #require(try index.entry("run")))
        #expect(positions.formMasks == [0b01, 0b10])
    }

    @Test(arguments: [UInt8(0), 0b100, 0x7F])
    func aMaskForNoFormOrOneTheStemLacksIsRefused(mask: UInt8) throws {
        let engine = SearchEngine(index: try index(withLastMask: mask))
        #expect {
            _ = try engine.search("running hot ")
        } throws: { error in
            "\(error)".contains("the positions of 'run' name a form it does not have")
        }
    }
}
