import Foundation
import Testing
@testable import Check

/// `check` on the 664 real issues of This Week in Rust: the theme renders every page, and
/// the broken links the editors really left (placeholders never filled in, an address
/// without its scheme, a link with no address) are found at their lines.
@Suite("Real archive check: This Week in Rust")
struct RealArchiveCheckTests {
    @Test func findsTheRealBrokenLinksAndNoTemplateErrors() throws {
        guard let root = ScratchArchive.outsideData("corpora/this-week-in-rust") else { return }
        let report = try ArchiveCheck(root: root, themeDirectory: ScratchArchive.theme, today: "2026-12-01").run()
        #expect(report.issuesChecked == 664)
        #expect(report.pagesRendered > 664)
        let errors = report.findings.filter { $0.severity == .error }.map(\.description)
        #expect(!errors.contains { $0.hasPrefix("templates/") || $0.contains(".mustache") })
        #expect(errors.contains("issues/2022-07-20-this-week-in-rust.md:346: link 'Discuss on r/rust' (REDDIT_LINK_HERE) leads to /issues/2022-07-20-this-week-in-rust/REDDIT_LINK_HERE, which the site does not have"))
        #expect(errors.contains("issues/2019-04-02-this-week-in-rust.md:157: link 'Discuss on r/rust' has no address: put it between the parentheses"))
        #expect(errors.contains("issues/2015-02-09-this-week-in-rust.md:224: link 'Feb 10. San Diego Rust' (www.meetup.com/San-Diego-Rust/events/220153428/) leads to /issues/2015-02-09-this-week-in-rust/www.meetup.com/San-Diego-Rust/events/220153428/, which the site does not have"))
        #expect(report.errorCount == 27)
        // Thousands of links leave the site; they are listed, not fetched.
        #expect(report.externalLinks.count > 10_000)
    }
}
