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

/// The same archive with a registry of Rust-ecosystem entities (a test fixture),
/// linked through a scratch root whose `content/issues` points at the real files.
@Suite("Real archive with entities")
struct RealArchiveEntityTests {
    @Test func buildsEntityPagesAndLinksKnownMentions() throws {
        guard let corpus = TestSupport.outsideData("corpora/this-week-in-rust/issues") else { return }
        let scratch = try TestSupport.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let content = scratch.appendingPathComponent("archive/content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: content.appendingPathComponent("issues"), withDestinationURL: corpus)
        try FileManager.default.copyItem(at: TestSupport.repository.appendingPathComponent("Tests/ArchiveTests/Fixtures/rust-entities.yml"),
                                         to: content.appendingPathComponent("entities.yml"))
        let output = scratch.appendingPathComponent("site")
        let report = try SiteBuilder(options: BuildOptions(root: scratch.appendingPathComponent("archive"), output: output,
                                                           themeDirectory: TestSupport.theme)).build()
        #expect(report.issues == 664)
        let registry = try ContentLayout(root: scratch.appendingPathComponent("archive")).loadRegistry()
        #expect(registry.entities.count >= 30)

        let servo = try TestSupport.read(output.appendingPathComponent("entities/servo/index.html"))
        #expect(servo.contains("/issues/2014-04-12-this-week-in-rust/"), "Lars Bergstrom got Android support working in Servo")
        let issue = try TestSupport.read(output.appendingPathComponent("issues/2014-04-12-this-week-in-rust/index.html"))
        #expect(issue.contains("/entities/servo/\">Servo</a>"))
        let twir = try TestSupport.read(output.appendingPathComponent("issues/2024-01-03-this-week-in-rust/index.html"))
        #expect(twir.contains("/entities/this-week-in-rust/\">This Week in Rust</a>"), "the longer name wins over Rust")
        let felix = try TestSupport.read(output.appendingPathComponent("issues/2023-03-22-this-week-in-rust/index.html"))
        #expect(felix.contains("In this issue"))
    }
}
