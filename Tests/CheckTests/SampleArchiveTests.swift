import Foundation
import Testing
@testable import Check

/// The sample archive `check` renders a theme with is the site tests' fixture, byte for byte,
/// so the keys `TemplateKeysDocumentedTests` proves it exercises are the ones `check` tries.
@Suite("Sample archive")
struct SampleArchiveTests {
    @Test func isTheSiteTestsFixture() throws {
        let fixture = ScratchArchive.repository.appendingPathComponent("Tests/SiteTests/Fixtures/archive")
        let sample = try #require(SampleArchive.root)
        #expect(try files(under: sample) == files(under: fixture))
    }

    @Test func aMisspellingOnlyTheSampleReachesIsAWarning() throws {
        // No issue of this archive has a source_url, so only the sample reaches that part of the template.
        let archive = try ScratchArchive(issues: ["2026-01-05-one.md": ScratchArchive.issue("One", body: "One.\n")])
        defer { archive.remove() }
        let theme = archive.root.appendingPathComponent("templates")
        try FileManager.default.copyItem(at: ScratchArchive.theme, to: theme)
        let file = theme.appendingPathComponent("issue.mustache")
        let text = try String(contentsOf: file, encoding: .utf8)
        let sourceLink = try #require(text.range(of: "{{source_url}}"))
        try text.replacingCharacters(in: sourceLink, with: "{{source_ur}}").write(to: file, atomically: true, encoding: .utf8)
        let report = try ArchiveCheck(root: archive.root).run()
        #expect(report.errorCount == 0)
        #expect(report.findings.map(\.description).count == 1)
        let warning = try #require(report.findings.first)
        #expect(warning.severity == .warning)
        #expect(warning.path == "templates/issue.mustache")
        #expect(warning.message == "no value 'source_ur' here; did you mean 'source_url'? (on a page of Broadsheet's sample archive: no page of this archive uses this part of the template yet)")
    }

    private func files(under folder: URL) throws -> [String: Data] {
        var found: [String: Data] = [:]
        let base = folder.resolvingSymlinksInPath().path
        let enumerator = FileManager.default.enumerator(at: folder.resolvingSymlinksInPath(), includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            found[String(url.resolvingSymlinksInPath().path.dropFirst(base.count))] = try Data(contentsOf: url)
        }
        return found
    }
}
