import Foundation
import Testing
@testable import Site

/// Whole pages compared byte for byte with files in `Golden/`.
///
/// A deliberate change to the theme or page model changes these pages: run
/// `UPDATE_GOLDEN=1 swift test --filter GoldenPageTests` and review the diff.
@Suite("Golden pages")
struct GoldenPageTests {
    static let pages = [
        "index.html", "issues/2026-03-09-series-c/index.html", "issues/2025-10-09-ai-factories/index.html",
        "archive/index.html", "tags/index.html", "tags/nscale/index.html", "404.html", "feed.xml", "sitemap.xml",
        "entities/index.html", "entities/nscale/index.html", "entities/nscale/feed.xml",
    ]

    /// The fixture site, built once for every page compared here, read into memory (the
    /// scratch folder is gone by the time a test runs). The build's error, if it failed.
    static let built: (pages: [String: String], failure: String?) = {
        do {
            let scratch = try TestSupport.scratch()
            defer { try? FileManager.default.removeItem(at: scratch) }
            let output = scratch.appendingPathComponent("site")
            _ = try SiteBuilder(options: BuildOptions(root: TestSupport.fixture, output: output,
                                                      themeDirectory: TestSupport.theme)).build()
            var pages: [String: String] = [:]
            for page in Self.pages { pages[page] = try TestSupport.read(output.appendingPathComponent(page)) }
            return (pages, nil)
        } catch {
            return ([:], "\(error)")
        }
    }()

    @Test(arguments: pages)
    func pageMatchesGolden(page: String) throws {
        if let failure = Self.built.failure { Issue.record("the fixture site did not build: \(failure)") }
        let actual = try #require(Self.built.pages[page], "\(page) was not built")
        let goldenFile = TestSupport.golden.appendingPathComponent(page.replacingOccurrences(of: "/", with: "__"))
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
            try actual.write(to: goldenFile, atomically: true, encoding: .utf8)
        }
        let expected = try TestSupport.read(goldenFile)
        #expect(actual == expected, "\(page) differs from \(goldenFile.path); if the change is deliberate, rerun with UPDATE_GOLDEN=1")
    }
}
