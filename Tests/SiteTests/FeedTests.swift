import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Site

/// The feeds a build writes, held to their formats: every Atom feed to the rules of
/// RFC 4287 (checked here; no schema of Atom is kept), the JSON Feed to its shape (the
/// schema itself is checked by `Tests/Feeds/jsonfeed_schema_test.py`, with PyPI
/// `jsonschema`), and every page to linking its feeds.
@Suite("Feeds")
struct FeedTests {
    static let atomNamespace = "http://www.w3.org/2005/Atom"
    /// Whether `value` is an RFC 3339 `date-time`.
    static func isRFC3339(_ value: String) -> Bool {
        (try? #/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/#.wholeMatch(in: value)) != nil
    }

    /// The fixture archive with one more issue whose title and text need escaping, built.
    static func built() throws -> URL {
        let root = try TestSupport.fixtureCopy()
        let hostile = """
        ---
        title: "Chips & <Dips>: \\"quoted\\" ]]> edition"
        date: 2026-04-01
        tags: [funding]
        summary: "Less-than < and ampersand & in a summary"
        ---
        A body with *emphasis*, an ampersand &amp; a <b>raw tag</b>, and a CDATA end ]]> in text.
        """
        try hostile.write(to: root.appendingPathComponent("content/issues/2026-04-01-hostile.md"), atomically: true, encoding: .utf8)
        let output = root.deletingLastPathComponent().appendingPathComponent("out")
        _ = try SiteBuilder(options: BuildOptions(root: root, output: output, themeDirectory: TestSupport.theme)).build()
        return output
    }

    /// Every Atom feed of a built site, by path.
    static func atomFeeds(in output: URL) throws -> [String] {
        try TestSupport.snapshot(output).keys.filter { $0.hasSuffix("feed.xml") }.sorted()
    }

    /// What is wrong with `data` as an Atom feed, by RFC 4287's rules (empty when nothing).
    static func atomProblems(_ data: Data) -> [String] {
        // XMLParser first: XMLDocument may recover from an error silently.
        guard XMLParser(data: data).parse(), let document = try? XMLDocument(data: data), let feed = document.rootElement() else {
            return ["not well-formed XML"]
        }
        var problems: [String] = []
        func attribute(_ element: XMLElement, _ name: String) -> String? {
            // By local name: on Linux, `attribute(forName:)` misses attributes of an element
            // in a default namespace.
            element.attributes?.first { $0.localName == name || $0.name == name }?.stringValue
        }
        func children(_ element: XMLElement, _ name: String) -> [XMLElement] {
            element.elements(forLocalName: name, uri: atomNamespace)
        }
        func exactlyOne(_ element: XMLElement, _ name: String, in place: String) {
            let count = children(element, name).count
            if count != 1 { problems.append("\(place) has \(count) atom:\(name), needs exactly one") }
        }
        func date(_ element: XMLElement, _ name: String, in place: String) {
            for value in children(element, name).compactMap(\.stringValue) where !isRFC3339(value) {
                problems.append("\(place): atom:\(name) \(value) is not an RFC 3339 date-time")
            }
        }
        func absolute(_ value: String?, _ what: String) {
            guard let value, let url = URL(string: value), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
                problems.append("\(what) \(value ?? "(none)") is not an absolute URL")
                return
            }
        }
        guard feed.localName == "feed", feed.uri == atomNamespace else { return ["the root is not atom:feed"] }
        for name in ["id", "title", "updated"] { exactlyOne(feed, name, in: "the feed") }
        date(feed, "updated", in: "the feed")
        absolute(children(feed, "id").first?.stringValue, "the feed's id")
        let links = children(feed, "link")
        for link in links { absolute(attribute(link, "href"), "a feed link") }
        if !links.contains(where: { attribute($0, "rel") == "self" }) { problems.append("the feed has no self link") }
        let entries = children(feed, "entry")
        if children(feed, "author").isEmpty, entries.contains(where: { children($0, "author").isEmpty }) {
            problems.append("neither the feed nor every entry has an atom:author")
        }
        var ids = Set<String>()
        for (number, entry) in entries.enumerated() {
            let place = "entry \(number + 1)"
            for name in ["id", "title", "updated"] { exactlyOne(entry, name, in: place) }
            if children(entry, "published").count > 1 { problems.append("\(place) has more than one atom:published") }
            date(entry, "updated", in: place)
            date(entry, "published", in: place)
            let id = children(entry, "id").first?.stringValue ?? ""
            absolute(id, "\(place)'s id")
            if !ids.insert(id).inserted { problems.append("\(place) repeats the id \(id)") }
            let entryLinks = children(entry, "link")
            for link in entryLinks { absolute(attribute(link, "href"), "\(place)'s link") }
            let content = children(entry, "content")
            if content.isEmpty, !entryLinks.contains(where: { (attribute($0, "rel") ?? "alternate") == "alternate" }) {
                problems.append("\(place) has neither atom:content nor an alternate link")
            }
            for element in content {
                if attribute(element, "type") != "html" { problems.append("\(place): content is not type html") }
                // Escaped HTML reads back as text: an element inside means markup went in raw.
                if element.children?.contains(where: { $0.kind == .element }) ?? false { problems.append("\(place): content holds unescaped markup") }
            }
        }
        return problems
    }

    @Test func everyAtomFeedKeepsTheRulesOfRFC4287() throws {
        let output = try Self.built()
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let feeds = try Self.atomFeeds(in: output)
        #expect(feeds.contains("/feed.xml") && feeds.contains("/tags/funding/feed.xml") && feeds.contains("/entities/nscale/feed.xml"), "\(feeds)")
        for feed in feeds {
            let problems = Self.atomProblems(try Data(contentsOf: output.appendingPathComponent(feed)))
            #expect(problems.isEmpty, "\(feed): \(problems)")
        }
    }

    @Test func theCheckFindsWhatIsWrong() {
        // The checker itself must fail a feed that breaks each rule.
        let good = """
        <feed xmlns="http://www.w3.org/2005/Atom"><id>https://e.org/</id><title>T</title><updated>2026-01-01T00:00:00Z</updated>\
        <link rel="self" href="https://e.org/feed.xml"/><author><name>A</name></author>\
        <entry><id>https://e.org/a/</id><title>A</title><updated>2026-01-01T00:00:00Z</updated><link href="https://e.org/a/"/></entry></feed>
        """
        #expect(Self.atomProblems(Data(good.utf8)).isEmpty)
        let broken = [
            good.replacingOccurrences(of: "<title>T</title>", with: ""),
            good.replacingOccurrences(of: "2026-01-01T00:00:00Z</updated><link href", with: "1 January 2026</updated><link href"),
            good.replacingOccurrences(of: "<id>https://e.org/a/</id>", with: "<id>a</id>"),
            good.replacingOccurrences(of: "<author><name>A</name></author>", with: ""),
            good.replacingOccurrences(of: "<link rel=\"self\" href=\"https://e.org/feed.xml\"/>", with: ""),
            good.replacingOccurrences(of: "</entry></feed>", with: "</entry><entry><id>https://e.org/a/</id><title>B</title><updated>2026-01-01T00:00:00Z</updated><link href=\"https://e.org/b/\"/></entry></feed>"),
            good.replacingOccurrences(of: "<link href=\"https://e.org/a/\"/>", with: "<content type=\"html\"><p>raw</p></content>"),
            good.replacingOccurrences(of: "<title>A</title>", with: ""),
            good.replacingOccurrences(of: "<title>T</title>", with: "<title>T</titel>"),
        ]
        for feed in broken { #expect(!Self.atomProblems(Data(feed.utf8)).isEmpty, "\(feed)") }
    }

    @Test func feedIdsStayTheSameFromBuildToBuild() throws {
        let first = try Self.built(), second = try Self.built()
        defer {
            try? FileManager.default.removeItem(at: first.deletingLastPathComponent())
            try? FileManager.default.removeItem(at: second.deletingLastPathComponent())
        }
        func ids(_ output: URL) throws -> [String: [String]] {
            var ids: [String: [String]] = [:]
            for feed in try Self.atomFeeds(in: output) {
                let document = try XMLDocument(data: Data(contentsOf: output.appendingPathComponent(feed)))
                ids[feed] = try document.nodes(forXPath: "//*[local-name()='id']").compactMap(\.stringValue)
            }
            return ids
        }
        let before = try ids(first)
        #expect(!before.isEmpty && before.values.allSatisfy { !$0.isEmpty })
        #expect(before == (try ids(second)))
    }

    @Test func escapedTextReadsBackAsWritten() throws {
        let output = try Self.built()
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let document = try XMLDocument(data: Data(contentsOf: output.appendingPathComponent("feed.xml")))
        let titles = try document.nodes(forXPath: "//*[local-name()='entry']/*[local-name()='title']").compactMap(\.stringValue)
        #expect(titles.contains("Chips & <Dips>: \"quoted\" ]]> edition"), "\(titles)")
        let contents = try document.nodes(forXPath: "//*[local-name()='content']").compactMap(\.stringValue)
        #expect(contents.contains { $0.contains("<em>emphasis</em>") && $0.contains("ampersand &amp;") },
                "the body's HTML, escaped in the XML, reads back as HTML: \(contents)")
    }

    @Test func theJSONFeedHasTheSameIssuesAsTheAtomFeed() throws {
        let output = try Self.built()
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("feed.json"))) as? [String: Any]
        #expect(json?["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect(json?["feed_url"] as? String == "https://example.org/newsletter/feed.json")
        #expect(json?["home_page_url"] as? String == "https://example.org/newsletter/")
        let items = json?["items"] as? [[String: Any]] ?? []
        let atom = try XMLDocument(data: Data(contentsOf: output.appendingPathComponent("feed.xml")))
        let atomIDs = try atom.nodes(forXPath: "//*[local-name()='entry']/*[local-name()='id']").compactMap(\.stringValue)
        #expect(items.compactMap { $0["id"] as? String } == atomIDs)
        for item in items {
            let date = item["date_published"] as? String ?? ""
            #expect(Self.isRFC3339(date), "\(date)")
            #expect((item["url"] as? String)?.hasPrefix("https://example.org/newsletter/issues/") == true)
            #expect(!(item["content_html"] as? String ?? "").isEmpty)
        }
        #expect(items.first?["title"] as? String == "Chips & <Dips>: \"quoted\" ]]> edition")
    }

    @Test func everyPageLinksItsFeedsInItsHead() throws {
        let output = try Self.built()
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let pages = try TestSupport.snapshot(output).filter { $0.key.hasSuffix(".html") }
        #expect(pages.count > 15)
        for (path, data) in pages {
            let html = String(decoding: data, as: UTF8.self)
            let head = html.components(separatedBy: "</head>").first ?? ""
            #expect(head.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Fixture Weekly\" href=\"/newsletter/feed.xml\">"), "\(path)")
            #expect(head.contains("<link rel=\"alternate\" type=\"application/feed+json\" title=\"Fixture Weekly\" href=\"/newsletter/feed.json\">"), "\(path)")
            if path.hasPrefix("/tags/"), path != "/tags/index.html" {
                let slug = path.split(separator: "/")[1]
                #expect(head.contains("href=\"/newsletter/tags/\(slug)/feed.xml\""), "\(path) links its tag's feed")
            }
            if path.hasPrefix("/entities/"), path != "/entities/index.html" {
                let slug = path.split(separator: "/")[1]
                #expect(head.contains("href=\"/newsletter/entities/\(slug)/feed.xml\""), "\(path) links its entity's feed")
            }
        }
    }
}
