import Foundation
@testable import FuzzChecks
import Testing

/// Replays every saved fuzz input (`Tests/Fuzz/<target>/`: seeds, and every crash
/// ever found) through the same property checks the harnesses run, so a past
/// finding can never come back unnoticed.
@Suite("Fuzz corpus replay")
struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz")

    @Test(arguments: FuzzTarget.allCases)
    func corpusKeepsTheProperty(target: FuzzTarget) throws {
        let folder = Self.corpus.appendingPathComponent(target.rawValue)
        let files = FuzzReplay.inputs([folder.path])
        #expect(files.count >= 5, "Tests/Fuzz/\(target.rawValue) should hold a seed corpus")
        for file in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            let finding = target.check(Array(data))
            #expect(finding == nil, "\(file): \(finding ?? "")")
        }
    }

    @Test func theLineCheckCanFail() {
        // Replaying is only worth it if a check can fail: a line outside the input is caught.
        #expect(FuzzText.lineCount("a\nb\n") == 3)
        #expect(FuzzText.lineFinding(3, in: "a\nb\n", error: "e") == nil)
        #expect(FuzzText.lineFinding(4, in: "a\nb\n", error: "e") != nil)
        #expect(FuzzText.lineFinding(0, in: "a", error: "e") != nil)
    }

    @Test func validInputsPassEveryCheck() {
        #expect(FuzzTarget.dates.check(Array("2024-02-29".utf8)) == nil)
        #expect(FuzzTarget.frontMatter.check(Array("title: T\ndate: 2026-01-01".utf8)) == nil)
        #expect(FuzzTarget.registry.check(Array("- name: A\n- name: B\n".utf8)) == nil)
    }
}
