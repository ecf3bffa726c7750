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

    @Test(arguments: pages)
    func pageMatchesGolden(page: String) throws {
        let scratch = try TestSupport.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("site")
        _ = try SiteBuilder(options: BuildOptions(root: TestSupport.fixture, output: output,
                                                  themeDirectory: TestSupport.theme)).build()
        let actual = try TestSupport.read(output.appendingPathComponent(page))
        let goldenFile = TestSupport.golden.appendingPathComponent(page.replacingOccurrences(of: "/", with: "__"))
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
            try actual.write(to: goldenFile, atomically: true, encoding: .utf8)
        }
        let expected = try TestSupport.read(goldenFile)
        #expect(actual == expected, "\(page) differs from \(goldenFile.path); if the change is deliberate, rerun with UPDATE_GOLDEN=1")
    }
}
