import Foundation
import Testing

/// `broadsheet build` as a user meets the output rules, warnings and `--strict`.
@Suite("broadsheet build: output rules, warnings, --strict")
struct OutputAndWarningsCommandTests {
    static let good = BuildCommandTests.good

    @Test func foreignOutputIsRefusedWithExitOneAndNothingTouched() throws {
        let root = try CommandRunner.scratchArchive(issues: ["one.md": Self.good])
        defer { try? FileManager.default.removeItem(at: root) }
        let documents = root.appendingPathComponent("Documents")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: documents.appendingPathComponent("letter.txt"))
        let result = try CommandRunner.run(["build", "--root", root.path, "--output", documents.path])
        #expect(result.status == 1)
        #expect(result.stderr == "Documents: refusing to replace a folder that Broadsheet did not build; empty it or pass --force\n")
        #expect(result.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: documents.path) == ["letter.txt"])
        #expect(try Data(contentsOf: documents.appendingPathComponent("letter.txt")) == Data("mine".utf8))
    }

    @Test func forceBuildsAndSaysWhereTheOldFilesWent() throws {
        let root = try CommandRunner.scratchArchive(issues: ["one.md": Self.good])
        defer { try? FileManager.default.removeItem(at: root) }
        let documents = root.appendingPathComponent("Documents")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: documents.appendingPathComponent("letter.txt"))
        let result = try CommandRunner.run(["build", "--root", root.path, "--output", documents.path, "--force"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("note: --force moved what was in "), "\(result.stderr)")
        let moved = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix("Documents.before-broadsheet-") }
        #expect(moved.count == 1)
        let kept = root.appendingPathComponent(moved.first ?? "none").appendingPathComponent("letter.txt")
        #expect(try Data(contentsOf: kept) == Data("mine".utf8))
        #expect(FileManager.default.fileExists(atPath: documents.appendingPathComponent(".broadsheet-build.json").path))
    }

    @Test(arguments: ["content/issues", "content", "templates", ".", ".."])
    func protectedFoldersAreRefusedEvenWithForce(output: String) throws {
        let root = try CommandRunner.scratchArchive(issues: ["one.md": Self.good])
        defer { try? FileManager.default.removeItem(at: root) }
        let issue = root.appendingPathComponent("content/issues/one.md")
        for force in [false, true] {
            let result = try CommandRunner.run(["build", "--output", output, "--quiet"] + (force ? ["--force"] : []), in: root)
            #expect(result.status == 1, "--output \(output) was accepted")
            #expect(result.stderr.contains(": refusing to build here: "), "\(result.stderr)")
            #expect(result.stderr.hasSuffix("(--force does not change this)\n"))
            #expect(try String(contentsOf: issue, encoding: .utf8) == Self.good)
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("templates/issue.mustache").path))
        }
    }

    @Test func theHomeFolderIsNeverUsedEvenWithForce() throws {
        let root = try CommandRunner.scratchArchive(issues: ["one.md": Self.good])
        defer { try? FileManager.default.removeItem(at: root) }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("Documents"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        try Data("mine".utf8).write(to: home.appendingPathComponent("Documents/letter.txt"))
        let result = try CommandRunner.run(["build", "--root", root.path, "--output", home.path, "--force"], environment: ["HOME": home.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("refusing to build here: this is your home folder"), "\(result.stderr)")
        #expect(try Data(contentsOf: home.appendingPathComponent("Documents/letter.txt")) == Data("mine".utf8))
        // A folder inside it is fine.
        let inside = try CommandRunner.run(["build", "--root", root.path, "--output", home.appendingPathComponent("public").path],
                                           environment: ["HOME": home.path])
        #expect(inside.status == 0, "\(inside.stderr)")
    }

    @Test func duplicateKeyIsAWarningThatKeepsExitZero() throws {
        let text = "---\ntitle: One\ndate: 2026-01-05\npublished: true\npublished: true\n---\nHello.\n"
        let root = try CommandRunner.scratchArchive(issues: ["one.md": text])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(["build", "--root", root.path])
        #expect(result.status == 0)
        #expect(result.stderr == "content/issues/one.md:5: warning: duplicate key 'published'; the last one is used\n")
        #expect(result.stdout.hasPrefix("Built 1 issue"))
    }

    @Test func strictMakesTheWarningAnErrorAndWritesNothing() throws {
        let text = "---\ntitle: One\ndate: 2026-01-05\npublished: true\npublished: true\n---\nHello.\n"
        let root = try CommandRunner.scratchArchive(issues: ["one.md": text])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(["build", "--root", root.path, "--strict"])
        #expect(result.status == 1)
        #expect(result.stderr == "content/issues/one.md:5: duplicate key 'published'; the last one is used (an error with --strict)\n")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path))
    }

    @Test func aliasBombFailsWithinASecond() throws {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for name in "bcdefghi".map(String.init) {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = name
        }
        let root = try CommandRunner.scratchArchive(issues: ["one.md": Self.good, "bomb.md": "---\ntitle: B\ndate: 2026-01-01\n\(yaml)---\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let start = Date()
        let result = try CommandRunner.run(["build", "--root", root.path])
        let seconds = Date().timeIntervalSince(start)
        #expect(result.status == 1)
        #expect(result.stderr == "content/issues/bomb.md:8: front matter expands to more than 10000 values (YAML aliases?)\n")
        #expect(seconds < 5, "the whole run took \(seconds) s")
    }

    @Test func helpListsForceAndStrict() throws {
        let help = try CommandRunner.run(["build", "--help"])
        #expect(help.stdout.contains("--force"))
        #expect(help.stdout.contains("--strict"))
    }
}
