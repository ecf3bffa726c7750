import Foundation
import Testing
@testable import Site
import Archive

/// The 664 real issues of This Week in Rust (Pelican headers, 2013–2026) build unchanged.
@Suite("Real archive: This Week in Rust")
struct RealArchiveTests {
    @Test func buildsEveryIssueUnchanged() throws {
        guard let root = TestSupport.outsideData("corpora/this-week-in-rust") else { return }
        let scratch = try TestSupport.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("site")
        let report = try SiteBuilder(options: BuildOptions(root: root, output: output, themeDirectory: TestSupport.theme)).build()
        #expect(report.issues == 664)
        let issueFolders = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("issues").path)
        #expect(issueFolders.count == 664)

        let issue601 = try TestSupport.read(output.appendingPathComponent("issues/2025-05-28-this-week-in-rust/index.html"))
        #expect(issue601.contains("This Week in Rust 601"))
        #expect(issue601.contains("<time datetime=\"2025-05-28\">28 May 2025</time>"))
        #expect(issue601.contains("No. 601"))

        let first = try TestSupport.read(output.appendingPathComponent("issues/2013-06-07-this-week-in-rust/index.html"))
        #expect(first.contains("This Week In Rust 1"))
        #expect(first.contains("href=\"/tags/rust/\""), "Pelican's comma-separated Tags become tag links")

        let home = try TestSupport.read(output.appendingPathComponent("index.html"))
        #expect(home.contains("Page 1 of 34"))
        let archive = try TestSupport.read(output.appendingPathComponent("archive/index.html"))
        #expect(archive.contains("id=\"y2013\""))
    }
}
