import Archive
import Foundation
import Site
import Testing

/// Rebuilding with an `IssueCache`, as `serve` does, gives byte for byte the site a full
/// build of the same content gives, through a series of edits.
@Suite("Rebuilds reuse parsed issues and change nothing")
struct RebuildTests {
    /// The site's files, without the build marker (which records the build's date).
    private func files(_ folder: URL) throws -> [String: Data] {
        try TestSupport.snapshot(folder).filter { !$0.key.hasSuffix(".broadsheet-build.json") }
    }

    @Test func aSeriesOfEditsRebuildsToWhatAFullBuildMakes() throws {
        let archive = try TestSupport.fixtureCopy()
        let scratch = archive.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let issues = archive.appendingPathComponent("content/issues")
        let cache = IssueCache()
        var cached = BuildOptions(root: archive, output: scratch.appendingPathComponent("served"), themeDirectory: TestSupport.theme,
                                  baseURL: "http://127.0.0.1:8000/")
        cached.issueCache = cache

        func check(_ step: String, reused: Int? = nil) throws {
            _ = try SiteBuilder(options: cached).build()
            if let reused { #expect(cache.reused == reused, "\(step): issues taken from the cache") }
            let full = BuildOptions(root: archive, output: scratch.appendingPathComponent("full-\(UUID().uuidString)"),
                                    themeDirectory: TestSupport.theme, baseURL: "http://127.0.0.1:8000/")
            _ = try SiteBuilder(options: full).build()
            let (a, b) = (try files(cached.output), try files(full.output))
            #expect(a.keys.sorted() == b.keys.sorted(), "\(step): the same files")
            for (path, data) in a where b[path] != data { Issue.record("\(step): \(path) differs from a full build") }
        }

        try check("first build", reused: 0)
        try check("nothing changed", reused: 4)

        let series = issues.appendingPathComponent("2026-03-09-series-c.md")
        try (try String(contentsOf: series, encoding: .utf8)).replacingOccurrences(of: "Nscale raised", with: "Nscale, the neocloud, raised")
            .write(to: series, atomically: true, encoding: .utf8)
        try check("a body edit", reused: 3)

        let factories = issues.appendingPathComponent("2025-10-09-ai-factories.md")
        try (try String(contentsOf: factories, encoding: .utf8)).replacingOccurrences(of: "tags: [", with: "tags: [power, ")
            .write(to: factories, atomically: true, encoding: .utf8)
        try check("a new tag", reused: 3)

        try "---\ntitle: Aker returns\ndate: 2026-04-01\ntags: [power]\n---\nAker ASA and Microsoft signed again.\n"
            .write(to: issues.appendingPathComponent("2026-04-01-aker.md"), atomically: true, encoding: .utf8)
        try check("a new issue", reused: 4)

        try FileManager.default.moveItem(at: issues.appendingPathComponent("2026-04-01-aker.md"), to: issues.appendingPathComponent("2026-04-02-aker.md"))
        try check("a renamed issue", reused: 4)

        try FileManager.default.removeItem(at: issues.appendingPathComponent("2026-04-02-aker.md"))
        try check("a deleted issue", reused: 4)

        let registry = archive.appendingPathComponent("content/entities.yml")
        try (try String(contentsOf: registry, encoding: .utf8) + "- name: Series C\n  kind: other\n").write(to: registry, atomically: true, encoding: .utf8)
        try check("a registry edit parses everything again", reused: 0)
    }
}
