import Archive
import Foundation
import Site
import Testing

/// Rebuilding in place with a `BuildMemory`, as `serve` does, gives byte for byte the site a
/// full build of the same content gives, through a series of edits; and it makes again only
/// what an edit touched.
@Suite("Rebuilds in place redo only what changed, and change nothing else")
struct RebuildTests {
    /// The site's files, without the build marker (which records the build's date).
    private static func files(_ folder: URL) throws -> [String: Data] {
        try TestSupport.snapshot(folder).filter { !$0.key.hasSuffix(".broadsheet-build.json") }
    }

    /// An archive in a scratch folder, its own copy of the theme, and a memory to rebuild it with.
    private struct Preview {
        let archive: URL
        let scratch: URL
        let memory: BuildMemory
        var options: BuildOptions

        init(archive: URL) throws {
            self.archive = archive
            scratch = archive.deletingLastPathComponent()
            try FileManager.default.copyItem(at: TestSupport.theme, to: archive.appendingPathComponent("templates"))
            let output = scratch.appendingPathComponent("served")
            memory = try BuildMemory(folder: output)
            options = BuildOptions(root: archive, output: output, baseURL: "http://127.0.0.1:8000/")
            options.memory = memory
        }

        func file(_ relative: String) -> URL { archive.appendingPathComponent(relative) }

        func edit(_ relative: String, _ change: (String) -> String) throws {
            let url = file(relative)
            let text = try String(contentsOf: url, encoding: .utf8)
            let changed = change(text)
            #expect(changed != text, "the edit to \(relative) changes it")
            try changed.write(to: url, atomically: true, encoding: .utf8)
        }

        /// Rebuilds in place, then compares with a full build of the same content; returns
        /// how many pages and feeds the rebuild made again.
        @discardableResult
        func check(_ step: String, reused: Int? = nil) throws -> Int {
            let report = try SiteBuilder(options: options).build()
            if let reused { #expect(memory.issues.reused == reused, "\(step): issues taken from the memory") }
            let full = BuildOptions(root: archive, output: scratch.appendingPathComponent("full-\(UUID().uuidString)"),
                                    baseURL: "http://127.0.0.1:8000/")
            let fullReport = try SiteBuilder(options: full).build()
            #expect(report.pages == fullReport.pages && report.otherFiles == fullReport.otherFiles, "\(step): the same counts")
            let (a, b) = (try RebuildTests.files(options.output), try RebuildTests.files(full.output))
            #expect(a.keys.sorted() == b.keys.sorted(), "\(step): the same files")
            for (path, data) in a where b[path] != data { Issue.record("\(step): \(path) differs from a full build") }
            try FileManager.default.removeItem(at: full.output)
            return memory.lastRendered
        }
    }

    @Test func aSeriesOfEditsRebuildsToWhatAFullBuildMakes() throws {
        let preview = try Preview(archive: try TestSupport.fixtureCopy())
        defer { try? FileManager.default.removeItem(at: preview.scratch) }

        try preview.check("first build", reused: 0)
        #expect(try preview.check("nothing changed", reused: 4) == 0, "nothing is made again when nothing changed")

        try preview.edit("content/issues/2026-03-09-series-c.md") { $0.replacingOccurrences(of: "Nscale raised", with: "Nscale, the neocloud, raised") }
        #expect(try preview.check("a body edit", reused: 3) > 0)

        try preview.edit("content/issues/2025-10-09-ai-factories.md") { $0.replacingOccurrences(of: "tags: [", with: "tags: [power, ") }
        try preview.check("a new tag", reused: 3)

        try preview.edit("content/issues/2025-10-09-ai-factories.md") { $0.replacingOccurrences(of: "title: \"", with: "title: \"Retitled: ") }
        try preview.check("a new title, shown by the neighbours' links", reused: 3)

        try "---\ntitle: Aker returns\ndate: 2026-04-01\ntags: [power]\n---\nAker ASA and Microsoft signed again.\n"
            .write(to: preview.file("content/issues/2026-04-01-aker.md"), atomically: true, encoding: .utf8)
        try preview.check("a new issue", reused: 4)

        try FileManager.default.moveItem(at: preview.file("content/issues/2026-04-01-aker.md"), to: preview.file("content/issues/2026-04-02-aker.md"))
        try preview.check("a renamed issue", reused: 4)

        try FileManager.default.removeItem(at: preview.file("content/issues/2026-04-02-aker.md"))
        try preview.check("a deleted issue", reused: 4)

        try preview.edit("content/issues/2026-03-09-series-c.md") { $0.replacingOccurrences(of: "title: ", with: "permalink: /2026/03/09/series-c/\ntitle: ") }
        try preview.check("an old address added: its redirect page is written", reused: 3)

        try preview.edit("content/issues/2026-03-09-series-c.md") { $0.replacingOccurrences(of: "/2026/03/09/series-c/", with: "/old/series-c.html") }
        try preview.check("the old address moved: the old redirect goes", reused: 3)

        try preview.edit("content/issues/2026-03-09-series-c.md") { $0.replacingOccurrences(of: "title: \"", with: "title: \"Moved: ") }
        try preview.check("the issue retitled: its redirect says so", reused: 3)

        try preview.edit("content/issues/2026-03-09-series-c.md") { $0.replacingOccurrences(of: "permalink: /old/series-c.html\n", with: "") }
        try preview.check("the old address removed: so is its redirect", reused: 3)

        try preview.edit("templates/partials/issue-meta.mustache") { $0 + "<!-- meta -->\n" }
        try preview.check("a partial edit", reused: 4)

        try preview.edit("templates/entity.mustache") { $0 + "<!-- entity -->\n" }
        try preview.check("a template edit", reused: 4)

        try preview.edit("templates/assets/style.css") { $0 + "\n/* edited */\n" }
        #expect(try preview.check("a stylesheet edit", reused: 4) == 0, "a stylesheet edit makes no page again")

        try preview.edit("content/site.yml") { $0.replacingOccurrences(of: "title: \"", with: "title: \"The ") }
        try preview.check("a settings edit", reused: 4)

        try preview.edit("content/entities.yml") { $0 + "- name: Series C\n  kind: other\n" }
        try preview.check("a registry edit parses everything again", reused: 0)
    }

    @Test func aFailedRebuildLeavesTheFolderAsItWas() throws {
        let preview = try Preview(archive: try TestSupport.fixtureCopy())
        defer { try? FileManager.default.removeItem(at: preview.scratch) }
        try preview.check("first build")
        let before = try RebuildTests.files(preview.options.output)

        try preview.edit("content/issues/2026-03-09-series-c.md") { $0.replacingOccurrences(of: "Nscale raised", with: "Nscale quietly raised") }
        try preview.edit("templates/issue.mustache") { $0 + "{{#unclosed}}\n" }
        #expect(throws: (any Error).self) { try SiteBuilder(options: preview.options).build() }
        #expect(try RebuildTests.files(preview.options.output) == before, "a failed rebuild changes no file")

        try preview.edit("templates/issue.mustache") { $0.replacingOccurrences(of: "{{#unclosed}}\n", with: "") }
        try preview.check("fixed")
    }

    @Test func anIndexThatANewerEditOvertakesIsLeftForTheNextBuild() throws {
        var preview = try Preview(archive: try TestSupport.fixtureCopy())
        defer { try? FileManager.default.removeItem(at: preview.scratch) }
        try preview.check("first build")
        let searchFiles = { try RebuildTests.files(preview.options.output).filter { $0.key.hasPrefix("/search/index/") } }
        let indexBefore = try searchFiles()

        try preview.edit("content/issues/2026-03-09-series-c.md") { $0.replacingOccurrences(of: "Nscale raised", with: "Nscale, zephyrine, raised") }
        var stopping = preview.options
        stopping.stopIndexing = { true }
        let report = try SiteBuilder(options: stopping).build()
        #expect(report.searchIndexLeftForLater)
        let page = try String(contentsOf: preview.options.output.appendingPathComponent("issues/2026-03-09-series-c/index.html"), encoding: .utf8)
        #expect(page.contains("zephyrine"), "the pages are in place")
        #expect(try searchFiles() == indexBefore, "the index is the last one, whole")

        preview.options.stopIndexing = { false }
        try preview.check("the next build makes the index")
        #expect(try searchFiles() != indexBefore)
    }

    /// On a larger archive, an edit to one issue's body makes again its page, the pages that
    /// list or link it, and the feeds it is in, and leaves the rest alone.
    @Test func aBodyEditMakesAgainOnlyThePagesThatShowTheIssue() throws {
        let scratch = try TestSupport.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let archive = scratch.appendingPathComponent("archive")
        let issues = archive.appendingPathComponent("content/issues")
        try FileManager.default.createDirectory(at: issues, withIntermediateDirectories: true)
        try "title: Weekly\nbase_url: https://example.org/\n".write(to: archive.appendingPathComponent("content/site.yml"), atomically: true, encoding: .utf8)
        try "- name: Nscale\n  kind: company\n- name: Aker ASA\n  kind: company\n- name: OpenAI\n  kind: company\n"
            .write(to: archive.appendingPathComponent("content/entities.yml"), atomically: true, encoding: .utf8)
        let names = ["Nscale", "Aker ASA", "OpenAI"]
        for number in 1...120 {
            let date = String(format: "2025-%02d-%02d", (number - 1) / 28 + 1, (number - 1) % 28 + 1)
            try """
            ---
            title: Issue \(number)
            date: \(date)
            tags: [t\(number % 7)]
            ---
            This week \(names[number % 3]) and \(names[(number + 1) % 3]) made news, number \(number).

            """.write(to: issues.appendingPathComponent("\(date)-issue-\(number).md"), atomically: true, encoding: .utf8)
        }
        let preview = try Preview(archive: archive)
        let all = try preview.check("first build")
        try preview.edit("content/issues/2025-03-10-issue-66.md") { $0.replacingOccurrences(of: "made news", with: "made the news") }
        let again = try preview.check("a body edit in the middle")
        // Its page and its two neighbours; the issues that list it to read next; its home page,
        // the archive, its tag page, and the entity pages and feeds it appears on.
        #expect(again > 3 && again < all / 4, "made again \(again) of \(all)")
    }
}
