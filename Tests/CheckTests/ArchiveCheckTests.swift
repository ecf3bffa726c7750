import Foundation
import Testing
@testable import Check

/// `ArchiveCheck` on small archives, one kind of problem at a time: each test makes the
/// problem, and asserts the exact line the editor is sent to.
@Suite("Archive check")
struct ArchiveCheckTests {
    func run(_ issues: [String: String], site: String? = nil, today: String = "2026-06-01") throws -> CheckReport {
        let archive = try site.map { try ScratchArchive(issues: issues, site: $0) } ?? ScratchArchive(issues: issues)
        defer { archive.remove() }
        return try ArchiveCheck(root: archive.root, themeDirectory: ScratchArchive.theme, today: today).run()
    }

    func lines(_ report: CheckReport) -> [String] { report.findings.map(\.description) }

    @Test func aCleanArchiveHasNoFindings() throws {
        let report = try run([
            "2026-01-05-one.md": ScratchArchive.issue("One", body: "## Power\n\nNscale builds. See [two](../2026-01-12-two/).\n"),
            "2026-01-12-two.md": ScratchArchive.issue("Two", date: "2026-01-12",
                                                      body: "Back to [one's power](/news/issues/2026-01-05-one/#power), [Nscale](/news/entities/nscale/), [the tag](../../tags/power/) and [home](https://example.org/news/).\n"),
        ])
        #expect(lines(report) == [])
        #expect(report.issuesChecked == 2)
        #expect(report.internalLinksChecked == 5)
        #expect(report.pagesRendered > 5)
        #expect(report.summaryLine.hasSuffix(": 0 errors, 0 warnings."))
    }

    @Test func linksToIssuesEntitiesTagsAndPagesThatDoNotExistAreErrors() throws {
        let body = """
        See [the next one](../2026-01-12-tow/) and [Nscal](/news/entities/nscal/).

        Also [power](/news/tags/powr/), [about](/news/about/) and [the file](2026-01-12-two.md).
        """
        let report = try run([
            "2026-01-05-one.md": ScratchArchive.issue("One", body: body + "\n"),
            "2026-01-12-two.md": ScratchArchive.issue("Two", date: "2026-01-12", body: "Two.\n"),
        ])
        #expect(lines(report) == [
            "content/issues/2026-01-05-one.md:6: link 'the next one' (../2026-01-12-tow/) leads to issue '2026-01-12-tow', which the site does not have; did you mean '2026-01-12-two'?",
            "content/issues/2026-01-05-one.md:6: link 'Nscal' (/news/entities/nscal/) leads to entity 'nscal', which the site does not have; did you mean 'nscale'?",
            "content/issues/2026-01-05-one.md:8: link 'about' (/news/about/) leads to /about/, which the site does not have",
            "content/issues/2026-01-05-one.md:8: link 'power' (/news/tags/powr/) leads to tag 'powr', which the site does not have; did you mean 'power'?",
            "content/issues/2026-01-05-one.md:8: link 'the file' (2026-01-12-two.md) leads to /issues/2026-01-05-one/2026-01-12-two.md, which the site does not have; it names an issue's Markdown file: link the page, /issues/2026-01-12-two/, instead",
        ].sorted())
        #expect(report.errorCount == 5)
    }

    @Test func aHeadingAnchorThatDoesNotExistIsAnError() throws {
        let report = try run([
            "2026-01-05-one.md": ScratchArchive.issue("One", body: "## Power deals\n\nUp to [the deals](#power-deal).\n\nAnd [two's](../2026-01-12-two/#nothing-here).\n"),
            "2026-01-12-two.md": ScratchArchive.issue("Two", date: "2026-01-12", body: "## Something\n\nTwo.\n"),
        ])
        #expect(lines(report) == [
            "content/issues/2026-01-05-one.md:8: link 'the deals' (#power-deal) leads to '#power-deal', which is not a heading or id on /issues/2026-01-05-one/; did you mean '#power-deals'?",
            "content/issues/2026-01-05-one.md:10: link 'two’s' (../2026-01-12-two/#nothing-here) leads to '#nothing-here', which is not a heading or id on /issues/2026-01-12-two/",
        ])
    }

    @Test func imagesWithoutAltTextAreErrorsAndDecorationIsNot() throws {
        let body = """
        ![](https://example.com/chart.png) and ![A chart of power use](https://example.com/chart2.png)

        <img src="https://example.com/rack.jpg"> <img src="https://example.com/line.svg" alt=""> <!-- <img src="old.png"> -->
        """
        let report = try run(["2026-01-05-one.md": ScratchArchive.issue("One", body: body + "\n")])
        #expect(lines(report) == [
            "content/issues/2026-01-05-one.md:6: image 'https://example.com/chart.png' has no alt text: say what it shows between the brackets, ![a chart of …](https://example.com/chart.png)",
            "content/issues/2026-01-05-one.md:8: <img src=\"https://example.com/rack.jpg\"> has no alt attribute: add alt=\"what it shows\", or alt=\"\" if it is only decoration",
        ])
    }

    @Test func aLocalImageTheSiteDoesNotPublishIsAnError() throws {
        let report = try run(["2026-01-05-one.md": ScratchArchive.issue("One", body: "![A rack](rack.png) ![The logo](/news/assets/favicon.svg)\n")])
        #expect(lines(report) == [
            "content/issues/2026-01-05-one.md:6: image 'rack.png' (rack.png) leads to /issues/2026-01-05-one/rack.png, which the site does not have (a build publishes pages, feeds, the theme's assets and issues' Markdown, no other files): give the file's full web address",
        ])
    }

    @Test func anEmptyBodyIsAnError() throws {
        let report = try run([
            "2026-01-05-one.md": ScratchArchive.issue("One", body: "\n  \n<!-- to do -->\n"),
            "2026-01-12-two.md": ScratchArchive.issue("Two", date: "2026-01-12", body: "<!-- a note -->\nWords.\n"),
        ])
        #expect(lines(report) == ["content/issues/2026-01-05-one.md:5: empty body: nothing follows the front matter; write the issue below it"])
    }

    @Test func templateSyntaxLeftInTheTextIsAWarningButNotInCode() throws {
        let body = """
        Read [the post]({{ site.baseurl }}/2018/forums) or {% post_url 2018-01-19-forums %}.

        Code keeps it: `{{ page.title }}`

        ```
        {% highlight ruby %}
        ```
        <p>{{site.url}}</p>
        """
        let report = try run(["2026-01-05-one.md": ScratchArchive.issue("One", body: body + "\n")])
        let warnings = report.findings.filter { $0.severity == .warning }.map(\.description)
        let tail = " will be printed as it stands: Broadsheet does not run Liquid or shortcodes in issues; write what it stood for"
        #expect(warnings == [
            "content/issues/2026-01-05-one.md:6: warning: template syntax '{% post_url 2018-01-19-forums %}'" + tail,
            "content/issues/2026-01-05-one.md:6: warning: template syntax '{{ site.baseurl }}'" + tail,
            "content/issues/2026-01-05-one.md:13: warning: template syntax '{{site.url}}'" + tail,
        ])
        #expect(report.errorCount == 0)
    }

    @Test func oneAddressUnderTwoNamesIsAWarning() throws {
        let body = """
        [Nscale's raise](https://example.com/a) and [the raise](https://example.com/a).

        [NSCALE'S  RAISE](https://example.com/a), <https://example.com/a>, [b](https://example.com/b) [b](https://example.com/b)

        [the raise](https://example.com/a) again.
        """
        let report = try run(["2026-01-05-one.md": ScratchArchive.issue("One", body: body + "\n")])
        #expect(lines(report) == [
            "content/issues/2026-01-05-one.md:6: warning: https://example.com/a is linked as 'the raise' here but as 'Nscale’s raise' on line 6: one address under two names reads as two places",
        ])
        #expect(report.externalLinks.map(\.description) == [
            "content/issues/2026-01-05-one.md:6: https://example.com/a", "content/issues/2026-01-05-one.md:6: https://example.com/a",
            "content/issues/2026-01-05-one.md:8: https://example.com/a", "content/issues/2026-01-05-one.md:8: https://example.com/a",
            "content/issues/2026-01-05-one.md:8: https://example.com/b", "content/issues/2026-01-05-one.md:8: https://example.com/b",
            "content/issues/2026-01-05-one.md:10: https://example.com/a",
        ])
    }

    @Test func linksToDraftsAndFutureIssuesFromPublishedOnesAreWarnings() throws {
        let report = try run([
            "2026-01-05-one.md": ScratchArchive.issue("One", body: "[Draft](../2026-01-12-two/) and [later](../2026-09-01-three/).\n"),
            "2026-01-12-two.md": ScratchArchive.issue("Two", date: "2026-01-12", extra: "draft: true\n", body: "Back to [one](../2026-01-05-one/).\n"),
            "2026-09-01-three.md": ScratchArchive.issue("Three", date: "2026-09-01", body: "Three.\n"),
        ])
        #expect(lines(report) == [
            "content/issues/2026-01-05-one.md:6: warning: link 'Draft' (../2026-01-12-two/) leads to a draft (content/issues/2026-01-12-two.md): it is broken on the site until that issue is published",
            "content/issues/2026-01-05-one.md:6: warning: link 'later' (../2026-09-01-three/) leads to an issue dated 2026-09-01 (content/issues/2026-09-01-three.md): it is broken on the site until then",
        ])
    }

    @Test func everyBadFileIsReportedNotJustTheFirst() throws {
        let report = try run([
            "2026-01-05-one.md": "---\ntitle: One\n---\nNo date.\n",
            "2026-01-12-two.md": "---\ndate: 2026-01-12\n---\nNo title.\n",
            "2026-01-19-three.md": ScratchArchive.issue("Three", date: "2026-01-19", extra: "slug: same\n", body: "Three.\n"),
            "2026-01-26-four.md": ScratchArchive.issue("Four", date: "2026-01-26", extra: "slug: same\ntitle: Again\n", body: "Four [x](../nowhere/).\n"),
        ])
        let found = lines(report)
        #expect(found.count == 5, "\(found)")
        #expect(found.contains { $0.hasPrefix("content/issues/2026-01-05-one.md:1: missing date") })
        #expect(found.contains { $0.hasPrefix("content/issues/2026-01-12-two.md:1: missing title") })
        #expect(found.contains("content/issues/2026-01-26-four.md:1: duplicate slug 'same': content/issues/2026-01-19-three.md has the same slug; give one of them a different 'slug:'"))
        #expect(found.contains { $0.hasPrefix("content/issues/2026-01-26-four.md:6: warning: duplicate key 'title'") })
        // Its body is still checked, from where its page would be.
        #expect(found.contains("content/issues/2026-01-26-four.md:8: link 'x' (../nowhere/) leads to issue 'nowhere', which the site does not have"))
    }

    @Test func aBadRegistryAndBadSettingsAreReportedAndTheRestStillChecked() throws {
        let archive = try ScratchArchive(issues: ["2026-01-05-one.md": ScratchArchive.issue("One", body: "![](x.png)\n")],
                                         site: "title: [unclosed\n")
        defer { archive.remove() }
        try "- kind: company\n".write(to: archive.root.appendingPathComponent("content/entities.yml"), atomically: true, encoding: .utf8)
        let report = try ArchiveCheck(root: archive.root, themeDirectory: ScratchArchive.theme).run()
        let found = lines(report)
        #expect(found.count == 4, "\(found)")
        #expect(found.contains("content/site.yml:2: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence)"))
        #expect(found.contains("content/entities.yml:1: entity without a name"))
        #expect(found.contains { $0.hasPrefix("content/issues/2026-01-05-one.md:6: image 'x.png' has no alt text") })
        #expect(found.contains { $0.hasPrefix("content/issues/2026-01-05-one.md:6: image 'x.png' (x.png) leads to") })
    }

    @Test func aMisspeltTemplateNameIsReportedOnceAtItsTag() throws {
        let archive = try ScratchArchive(issues: [
            "2026-01-05-one.md": ScratchArchive.issue("One", body: "One.\n"),
            "2026-01-12-two.md": ScratchArchive.issue("Two", date: "2026-01-12", body: "Two.\n"),
        ])
        defer { archive.remove() }
        let theme = archive.root.appendingPathComponent("templates")
        try FileManager.default.copyItem(at: ScratchArchive.theme, to: theme)
        let file = theme.appendingPathComponent("issue.mustache")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("{{{html}}}"))
        try text.replacingOccurrences(of: "{{{html}}}", with: "{{{htm}}}").write(to: file, atomically: true, encoding: .utf8)
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("{{{html}}}") }! + 1
        let report = try ArchiveCheck(root: archive.root).run()
        #expect(lines(report).count == 1)
        #expect(lines(report).first?.hasPrefix("templates/issue.mustache:\(line):") == true)
        #expect(lines(report).first?.hasSuffix("no value 'htm' here; did you mean 'html'?") == true)
        // Nothing is written: no site/ appears.
        #expect(!FileManager.default.fileExists(atPath: archive.root.appendingPathComponent("site").path))
    }

    @Test func oldAddressesArePagesAndAClashIsTheBuildsError() throws {
        let ok = try run([
            "2026-01-05-one.md": ScratchArchive.issue("One", extra: "permalink: /2018/01/19/forums/\n", body: "One.\n"),
            "2026-01-12-two.md": ScratchArchive.issue("Two", date: "2026-01-12", body: "The [old address](/news/2018/01/19/forums/) still works.\n"),
        ])
        #expect(lines(ok) == [])
        let clash = try run([
            "2026-01-05-one.md": ScratchArchive.issue("One", extra: "permalink: /tags/\n", body: "One.\n"),
        ])
        #expect(lines(clash).count == 1)
        #expect(lines(clash).first?.hasPrefix("content/issues/2026-01-05-one.md:5: permalink '/tags/' is where the build writes tags/index.html") == true, "\(lines(clash))")
    }

    @Test func aRootReachedThroughASymlinkStillGivesPathsFromTheRoot() throws {
        let archive = try ScratchArchive(issues: ["2026-01-05-one.md": ScratchArchive.issue("One", body: "![](https://example.com/x.png)\n")])
        defer { archive.remove() }
        let link = FileManager.default.temporaryDirectory.appendingPathComponent("check-link-\(UUID().uuidString)")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: archive.root)
        defer { try? FileManager.default.removeItem(at: link) }
        let report = try ArchiveCheck(root: link, themeDirectory: ScratchArchive.theme).run()
        #expect(report.findings.map(\.path) == ["content/issues/2026-01-05-one.md"])
    }

    @Test func addressesAreSortedIntoTheSiteAndElsewhere() {
        let classifier = LinkClassifier(baseURL: "https://example.org/news/", basePath: "/news/")
        let page = "issues/x/"
        #expect(classifier.target(of: "../y/#part", from: page) == .site(path: "issues/y/", fragment: "part"))
        #expect(classifier.target(of: "#h%C3%A9", from: page) == .site(path: "issues/x/", fragment: "hé"))
        #expect(classifier.target(of: "/news/tags/a/?x=1", from: page) == .site(path: "tags/a/", fragment: nil))
        #expect(classifier.target(of: "HTTPS://example.org/news/entities/b/", from: page) == .site(path: "entities/b/", fragment: nil))
        #expect(classifier.target(of: "https://example.org/news", from: page) == .site(path: "", fragment: nil))
        #expect(classifier.target(of: "/shop/", from: page) == .external)
        #expect(classifier.target(of: "//cdn.example.net/a.js", from: page) == .external)
        #expect(classifier.target(of: "https://other.example/", from: page) == .external)
        #expect(classifier.target(of: "mailto:ed@example.org", from: page) == .other)
        #expect(classifier.target(of: "../../../../etc", from: page) == .aboveRoot)
        #expect(classifier.target(of: " ", from: page) == .empty)
        #expect(classifier.target(of: "feed.xml", from: "") == .site(path: "feed.xml", fragment: nil))
    }
}
