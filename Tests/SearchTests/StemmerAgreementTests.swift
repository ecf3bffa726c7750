import Foundation
import Testing
@testable import Search

/// The Swift and JavaScript stemmers give the same stem for every word, beyond the
/// official vocabulary too: the index is stemmed in Swift and queries in the browser.
@Suite("Swift and JavaScript stemmers agree")
struct StemmerAgreementTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Vocabulary words, each also with common endings, plus the archive's own words.
    static func words() throws -> [String] {
        var words: Set<String> = ["h100s", "café", "gb200", "'s", "''", "y", "yy", "ayy", "pastes", "emergencies"]
        let vocabulary = repository.deletingLastPathComponent().appendingPathComponent("shared/testdata/snowball-english/voc.txt")
        if let text = try? String(contentsOf: vocabulary, encoding: .utf8) {
            for word in text.split(separator: "\n").prefix(8_000) {
                for ending in ["", "s", "ed", "ing", "ly", "ness", "ation", "'s", "ies", "er"] {
                    words.insert(String(word) + ending)
                }
            }
        }
        let issues = repository.appendingPathComponent("content/issues")
        for name in try FileManager.default.contentsOfDirectory(atPath: issues.path) where name.hasSuffix(".md") {
            let text = try String(contentsOf: issues.appendingPathComponent(name), encoding: .utf8)
            words.formUnion(Tokenizer().words(text))
        }
        return words.sorted()
    }

    @Test func everyWordStemsAlike() throws {
        let node = ["/usr/bin/node", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }
            ?? ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map { "\($0)/node" }
                .first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let node else {
            print("note: node not found; skipping the Swift/JavaScript stemmer comparison")
            return
        }
        let words = try Self.words()
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-words-\(UUID().uuidString).txt")
        try words.joined(separator: "\n").write(to: input, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: input) }
        let script = Self.repository.appendingPathComponent("Sources/Search/Browser/stemmer.js").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = ["-e", """
            const s = require(process.argv[1]);
            const words = require("fs").readFileSync(process.argv[2], "utf8").split("\\n");
            process.stdout.write(words.map(s.stem).join("\\n"));
            """, script, input.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let javascript = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(javascript.count == words.count)
        let differences = zip(words, javascript).filter { EnglishStemmer.stem($0.0) != $0.1 }
            .map { "\($0.0): Swift \(EnglishStemmer.stem($0.0)), JavaScript \($0.1)" }
        #expect(words.count > 1_000)
        #expect(differences.isEmpty, "\(differences.count) of \(words.count) differ: \(differences.prefix(20).joined(separator: "; "))")
    }
}
