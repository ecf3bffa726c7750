import Foundation
import Testing

@Suite("broadsheet build, as a user runs it")
struct BuildCommandTests {
    static let good = "---\ntitle: One\ndate: 2026-01-05\ntags: [a]\n---\nHello.\n"

    @Test func buildPrintsOneSummaryLineWhenNotATerminal() throws {
        let root = try CommandRunner.scratchArchive(issues: ["one.md": Self.good])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(["build", "--root", root.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Built 1 issue into ") == true)
        #expect(result.stderr.isEmpty)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("site/issues/one/index.html").path))
    }

    /// `--timings` names each step as `BuildStep` does (the progress line's names), in
    /// order, with wall and CPU time, and the search index step in parts.
    @Test func timingsNameEveryStep() throws {
        let root = try CommandRunner.scratchArchive(issues: ["one.md": Self.good])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(["build", "--root", root.path, "--quiet", "--timings"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        let top = lines.filter { !$0.hasPrefix("    ") }.compactMap { line -> String? in
            guard let seconds = line.range(of: " s  "), let cpu = line.range(of: "  (cpu ") else { return nil }
            return String(line[seconds.upperBound..<cpu.lowerBound])
        }
        #expect(top == ["load theme", "load issues, link mentions", "cross-reference", "render and write pages",
                        "write feeds and assets", "build search index", "swap into place"])
        #expect(lines.contains { $0.hasPrefix("    ") && $0.contains("tokenize and stem  (cpu ") })
        #expect(lines.allSatisfy { $0.range(of: #"^ *[0-9]+\.[0-9]{3} s  .+  \(cpu [0-9]+\.[0-9]{2} s\)$"#, options: .regularExpression) != nil },
                "\(lines)")
    }

    /// A copy of the binary in a folder with no theme above it, over an archive with no
    /// templates/: the error names the folder, with no line number (it is not about a line).
    @Test func noThemeAnywhereSaysSoWithoutALine() throws {
        let root = try CommandRunner.scratchArchive(issues: ["one.md": Self.good])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.removeItem(at: root.appendingPathComponent("templates"))
        let bin = root.appendingPathComponent("bin/broadsheet")
        try FileManager.default.createDirectory(at: bin.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CommandRunner.executable, to: bin)
        let process = Process()
        process.executableURL = bin
        process.arguments = ["build", "--root", root.path]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(stderr.hasPrefix("templates: no theme found: add a templates/ folder"), "\(stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site/index.html").path))
    }

    @Test func rootDefaultsToTheCurrentFolderAndOutputCanMove() throws {
        let root = try CommandRunner.scratchArchive(issues: ["one.md": Self.good])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(["build", "--output", "public", "--quiet"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("public/index.html").path))
    }

    @Test(arguments: [
        ("bad.md", "---\ntitle: T\n---\n", "content/issues/bad.md:1: missing date"),
        ("bad.md", "no front matter\n", "content/issues/bad.md:1: missing front matter"),
        ("bad.md", "---\ntitle: T\ndate: 2026-01-01\n", "content/issues/bad.md:1: unclosed front matter"),
        ("bad.md", "---\ntitle: [T\ndate: 2026-01-01\n---\n", "content/issues/bad.md:3: invalid YAML"),
        ("bad.md", "---\ndate: 2026-01-01\n---\n", "content/issues/bad.md:1: missing title"),
        ("bad.md", "---\ntitle: T\ndate: soon\n---\n", "content/issues/bad.md:3: cannot read date 'soon'"),
        ("dup.md", "---\ntitle: T\ndate: 2026-01-01\nslug: one\n---\n", "content/issues/one.md:1: duplicate slug 'one'"),
    ])
    func badInputExitsOneWithPathAndLine(name: String, text: String, expected: String) throws {
        let root = try CommandRunner.scratchArchive(issues: ["one.md": Self.good, name: text])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(["build", "--root", root.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix(expected), "stderr was: \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path))
    }

    @Test func nonUTF8FileIsReported() throws {
        let root = try CommandRunner.scratchArchive(issues: ["one.md": Self.good])
        defer { try? FileManager.default.removeItem(at: root) }
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0x0A]).write(to: root.appendingPathComponent("content/issues/bin.md"))
        let result = try CommandRunner.run(["build", "--root", root.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("content/issues/bin.md:2: file is not valid UTF-8"), "\(result.stderr)")
    }

    @Test func templateErrorsExitOne() throws {
        let root = try CommandRunner.scratchArchive(issues: ["one.md": Self.good])
        defer { try? FileManager.default.removeItem(at: root) }
        try "{{#open}}\nnever closed\n".write(to: root.appendingPathComponent("templates/404.mustache"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["build", "--root", root.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("templates/404.mustache:1:1: unclosed section \"open\""), "\(result.stderr)")
    }

    @Test func helpAndVersion() throws {
        let help = try CommandRunner.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("build"))
        let buildHelp = try CommandRunner.run(["build", "--help"])
        for option in ["--root", "--output", "--drafts", "--offline", "--quiet"] {
            #expect(buildHelp.stdout.contains(option), "build --help lacks \(option)")
        }
        let version = try CommandRunner.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }
}
