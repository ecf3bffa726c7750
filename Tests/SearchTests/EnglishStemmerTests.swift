import Foundation
import Testing
@testable import Search

/// The stemmer reproduces the official Snowball English vocabulary, pair for pair.
@Suite("Snowball English stemmer")
struct EnglishStemmerTests {
    static let vocabulary = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/testdata/snowball-english")

    @Test func everyPairOfTheOfficialVocabulary() throws {
        let words = Self.vocabulary.appendingPathComponent("voc.txt")
        guard FileManager.default.fileExists(atPath: words.path) else {
            if let ci = ProcessInfo.processInfo.environment["CI"], !ci.isEmpty {
                Issue.record("outside test data missing in CI: \(words.path)")
            } else {
                print("note: \(words.path) not found; skipping this test (it runs wherever ../shared/testdata exists)")
            }
            return
        }
        let inputs = try String(contentsOf: words, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let outputs = try String(contentsOf: Self.vocabulary.appendingPathComponent("output.txt"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        #expect(inputs.count == outputs.count)
        var mismatches: [String] = []
        var checked = 0
        for (word, expected) in zip(inputs, outputs) where !word.isEmpty {
            checked += 1
            let stem = EnglishStemmer.stem(String(word))
            if stem != expected { mismatches.append("\(word) → \(stem), expected \(expected)") }
        }
        #expect(checked == 42_649)
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(30).joined(separator: "; "))")
    }

    @Test func wordsThatAreNotEnglishLettersStayAsTheyAre() {
        #expect(EnglishStemmer.stem("h100") == "h100")
        #expect(EnglishStemmer.stem("2.7") == "2.7")
        #expect(EnglishStemmer.stem("café") == "café")
        #expect(EnglishStemmer.stem("running") == "run")
        #expect(EnglishStemmer.stem("generously") == "generous")
    }
}
