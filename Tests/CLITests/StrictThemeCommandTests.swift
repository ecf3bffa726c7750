import Foundation
import Testing

/// The theme typo from the issue: `{{{htm}}}` for `{{{html}}}` stops the build at its tag,
/// with the right name, and the site already there stays as it was.
@Suite("Strict themes")
struct StrictThemeCommandTests {
    @Test func aMisspelledNameInAThemeStopsTheBuild() throws {
        let root = try CommandRunner.scratchArchive(issues: ["2026-04-01-a.md": "---\ntitle: A\ndate: 2026-04-01\n---\nBody text.\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let good = try CommandRunner.run(["build", "--root", root.path, "--quiet"])
        try #require(good.status == 0, "\(good.stderr)")
        let before = try CommandRunner.snapshot(root.appendingPathComponent("site"))
        let template = root.appendingPathComponent("templates/issue.mustache")
        let source = try String(contentsOf: template, encoding: .utf8)
        let lines = source.components(separatedBy: "\n")
        let line = try #require(lines.firstIndex { $0.contains("{{{html}}}") })
        let column = lines[line].unicodeScalars.distance(from: lines[line].unicodeScalars.startIndex,
                                                         to: lines[line].range(of: "{{{html}}}")!.lowerBound.samePosition(in: lines[line].unicodeScalars)!) + 1
        try source.replacingOccurrences(of: "{{{html}}}", with: "{{{htm}}}").write(to: template, atomically: true, encoding: .utf8)
        let broken = try CommandRunner.run(["build", "--root", root.path, "--quiet"])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("templates/issue.mustache:\(line + 1):\(column): no value 'htm' here; did you mean 'html'?"), "\(broken.stderr)")
        #expect(try CommandRunner.snapshot(root.appendingPathComponent("site")) == before, "the site changed")
    }
}
