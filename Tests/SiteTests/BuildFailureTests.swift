import Foundation
import Testing
import Archive
import Templates
@testable import Site

/// A failed build reports `path:line…: message` and leaves the old site alone.
@Suite("Build failures")
struct BuildFailureTests {
    /// Copies the theme so a test can break it.
    private func themeCopy(in scratch: URL) throws -> URL {
        let theme = scratch.appendingPathComponent("templates")
        try FileManager.default.copyItem(at: TestSupport.theme, to: theme)
        return theme
    }

    private func buildError(root: URL, theme: URL, output: URL) -> String? {
        do {
            _ = try SiteBuilder(options: BuildOptions(root: root, output: output, themeDirectory: theme)).build()
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func failedBuildLeavesThePreviousSiteByteForByte() throws {
        let root = try TestSupport.fixtureCopy()
        let scratch = root.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("site")
        _ = try SiteBuilder(options: BuildOptions(root: root, output: output, themeDirectory: TestSupport.theme)).build()
        try Data("keep".utf8).write(to: output.appendingPathComponent(".gitkeep"))
        let before = try TestSupport.snapshot(output)
        #expect(before.count > 10)

        try "---\ntitle: Broken\n---\n".write(to: root.appendingPathComponent("content/issues/zz-broken.md"), atomically: true, encoding: .utf8)
        let message = buildError(root: root, theme: TestSupport.theme, output: output)
        #expect(message == "content/issues/zz-broken.md:1: missing date: every issue needs a 'date:' in its front matter")
        #expect(try TestSupport.snapshot(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty, "staging folder left behind: \(leftovers)")
    }

    @Test func successfulRebuildReplacesTheSiteAndKeepsHiddenFiles() throws {
        let root = try TestSupport.fixtureCopy()
        let scratch = root.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("site")
        _ = try SiteBuilder(options: BuildOptions(root: root, output: output, themeDirectory: TestSupport.theme)).build()
        try Data().write(to: output.appendingPathComponent(".gitkeep"))
        try Data("stale".utf8).write(to: output.appendingPathComponent("stale.html"))
        _ = try SiteBuilder(options: BuildOptions(root: root, output: output, themeDirectory: TestSupport.theme)).build()
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(".gitkeep").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("stale.html").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }

    @Test func missingPageTemplateIsAnError() throws {
        let root = try TestSupport.fixtureCopy()
        let scratch = root.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let theme = try themeCopy(in: scratch)
        try FileManager.default.removeItem(at: theme.appendingPathComponent("tags.mustache"))
        let message = buildError(root: root, theme: theme, output: scratch.appendingPathComponent("site"))
        #expect(message?.hasSuffix("templates/tags.mustache:1:1: unknown template \"tags\": the theme has no tags.mustache, which every theme needs") == true)
    }

    @Test func unknownPartialIsAnErrorAtItsTag() throws {
        let root = try TestSupport.fixtureCopy()
        let scratch = root.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let theme = try themeCopy(in: scratch)
        try "{{< base}}{{$content}}\n  {{> partials/nowhere}}\n{{/content}}{{/base}}\n"
            .write(to: theme.appendingPathComponent("404.mustache"), atomically: true, encoding: .utf8)
        let message = buildError(root: root, theme: theme, output: scratch.appendingPathComponent("site"))
        #expect(message?.hasSuffix("templates/404.mustache:2:3: unknown partial \"partials/nowhere\"") == true, "\(message ?? "no error")")
    }

    @Test func templateSyntaxErrorNamesLineAndColumn() throws {
        let root = try TestSupport.fixtureCopy()
        let scratch = root.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let theme = try themeCopy(in: scratch)
        try "{{< base}}{{$content}}\n<p>{{#issues}}x{{/tags}}</p>\n{{/content}}{{/base}}\n"
            .write(to: theme.appendingPathComponent("tags.mustache"), atomically: true, encoding: .utf8)
        let message = buildError(root: root, theme: theme, output: scratch.appendingPathComponent("site"))
        #expect(message?.contains("templates/tags.mustache:2:") == true, "\(message ?? "no error")")
        #expect(message?.contains("mismatched") == true)
    }
}
