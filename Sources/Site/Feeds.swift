import Archive
import Foundation

/// The site's feeds (Atom and JSON Feed, and an Atom feed per tag and per entity) and its
/// XML sitemap: small fixed formats, written directly.
enum Feeds {
    /// Issues in a feed: the newest 20, as most readers poll often.
    static let feedLimit = 20

    /// Which feed: the site's (Atom and JSON Feed, the same issues), an entity's or a tag's
    /// (by index), for the fingerprint that says whether it must be made again.
    enum Kind: Sendable {
        case site
        case entity(Int)
        case tag(Int)
    }

    /// An Atom 1.0 feed of the newest issues, each with its summary and full body.
    static func atom(_ archive: NewsletterArchive, links: Links) -> String {
        atom(archive, issues: Array(archive.issues.indices.prefix(feedLimit)), title: archive.config.title,
             subtitle: archive.config.description, alternate: .home, selfPath: .feed, includeContent: true, links: links)
    }

    /// An Atom feed of the newest issues that mention an entity: summaries only,
    /// since a reader following one company wants the headline, not every issue twice.
    static func entityAtom(_ archive: NewsletterArchive, entity index: Int, links: Links) -> String {
        let entity = archive.registry.entities[index]
        return atom(archive, issues: Array(archive.entityIssues[index].prefix(feedLimit)),
                    title: "\(entity.name) · \(archive.config.title)",
                    subtitle: "Issues of \(archive.config.title) that mention \(entity.name).",
                    alternate: .entity(entity.slug), selfPath: .entityFeed(entity.slug), includeContent: false, links: links)
    }

    /// An Atom feed of the newest issues that carry a tag: summaries only, as for an entity.
    static func tagAtom(_ archive: NewsletterArchive, tag index: Int, links: Links) -> String {
        let tag = archive.tags[index]
        return atom(archive, issues: Array(tag.issueIndexes.prefix(feedLimit)),
                    title: "\(tag.name) · \(archive.config.title)",
                    subtitle: "Issues of \(archive.config.title) tagged “\(tag.name)”.",
                    alternate: .tag(tag.slug), selfPath: .tagFeed(tag.slug), includeContent: false, links: links)
    }

    /// The site's feed as JSON Feed 1.1 (https://jsonfeed.org/version/1.1): the same newest
    /// issues as the Atom feed, each with its summary and full body. Keys are sorted, so
    /// the same content gives the same bytes.
    static func jsonFeed(_ archive: NewsletterArchive, links: Links) -> String {
        let config = archive.config
        var feed: [String: Any] = [
            "version": "https://jsonfeed.org/version/1.1",
            "title": config.title,
            "language": config.language,
            "authors": [["name": feedAuthor(config)]],
        ]
        if !config.description.isEmpty { feed["description"] = config.description }
        if !links.absolute(.home).isEmpty {
            feed["home_page_url"] = links.absolute(.home)
            feed["feed_url"] = links.absolute(.jsonFeed)
        }
        feed["items"] = archive.issues.indices.prefix(feedLimit).map { index -> [String: Any] in
            let issue = archive.issues[index]
            let url = links.absolute(.issue(issue.slug))
            var item: [String: Any] = [
                "id": url.isEmpty ? issue.slug : url,
                "title": issue.title,
                "content_html": IssueViewModel.bodyHTML(issue, archive: archive,
                                                        links: Links(page: .issue(issue.slug), config: config, offline: links.offline)),
                "date_published": issue.date.rfc3339,
            ]
            if !url.isEmpty { item["url"] = url }
            if !issue.summary.isEmpty { item["summary"] = issue.summary }
            if !issue.tags.isEmpty { item["tags"] = issue.tags }
            if !issue.authors.isEmpty { item["authors"] = issue.authors.map { ["name": $0] } }
            return item
        }
        let data = (try? JSONSerialization.data(withJSONObject: feed, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Who a feed is by: the site's author, else its title (Atom requires an author for the
    /// feed unless every entry has one).
    static func feedAuthor(_ config: SiteConfig) -> String {
        config.author.isEmpty ? config.title : config.author
    }

    private static func atom(_ archive: NewsletterArchive, issues: [Int], title: String, subtitle: String, alternate: SitePath,
                             selfPath: SitePath, includeContent: Bool, links: Links) -> String {
        let config = archive.config
        let updated = issues.first.map { archive.issues[$0].date.rfc3339 } ?? "1970-01-01T00:00:00Z"
        let pageURL = links.absolute(alternate).isEmpty ? config.baseURL + alternate.value : links.absolute(alternate)
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XMLText.escape(config.language))">
        <title>\(XMLText.escape(title))</title>
        <subtitle>\(XMLText.escape(subtitle))</subtitle>
        <link href="\(XMLText.escape(pageURL))"/>
        <link rel="self" href="\(XMLText.escape(links.absolute(selfPath)))"/>
        <id>\(XMLText.escape(pageURL))</id>
        <updated>\(updated)</updated>

        """
        xml += "<author><name>\(XMLText.escape(feedAuthor(config)))</name></author>\n"
        for issue in issues.map({ archive.issues[$0] }) {
            let url = links.absolute(.issue(issue.slug))
            xml += "<entry>\n<title>\(XMLText.escape(issue.title))</title>\n"
            xml += "<link href=\"\(XMLText.escape(url))\"/>\n<id>\(XMLText.escape(url.isEmpty ? issue.slug : url))</id>\n"
            xml += "<updated>\(issue.date.rfc3339)</updated>\n<published>\(issue.date.rfc3339)</published>\n"
            for author in issue.authors { xml += "<author><name>\(XMLText.escape(author))</name></author>\n" }
            for tag in issue.tags { xml += "<category term=\"\(XMLText.escape(tag))\"/>\n" }
            xml += "<summary>\(XMLText.escape(issue.summary))</summary>\n"
            if includeContent {
                // The links as the issue's own page has them.
                let html = IssueViewModel.bodyHTML(issue, archive: archive, links: Links(page: .issue(issue.slug), config: config, offline: links.offline))
                xml += "<content type=\"html\">\(XMLText.escape(html))</content>\n"
            }
            xml += "</entry>\n"
        }
        return xml + "</feed>\n"
    }

    /// URLs one sitemap file may hold (the protocol's limit); above it, the sitemap is an
    /// index of several.
    static let sitemapLimit = 50_000

    /// The sitemap of every page, each with its `lastmod`: one file `sitemap.xml`, or, above
    /// `limit` pages, `sitemap.xml` as an index of `sitemap-1.xml`, `sitemap-2.xml`, ….
    static func sitemaps(_ archive: NewsletterArchive, pages: [Page], links: Links, limit: Int = sitemapLimit) -> [(path: SitePath, xml: String)] {
        let entries = sitemapEntries(archive, pages: pages, links: links)
        let paths = sitemapPaths(listing: entries.count, limit: limit)
        guard paths.count > 1 else { return [(.sitemap, urlset(entries))] }
        var files: [(path: SitePath, xml: String)] = []
        var index = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (number, path) in paths.dropFirst().enumerated() {
            let part = Array(entries[(number * limit)..<min(entries.count, (number + 1) * limit)])
            files.append((path, urlset(part)))
            index += "<sitemap><loc>\(XMLText.escape(links.absolute(path)))</loc>"
            if let newest = part.compactMap(\.lastModified).max() { index += "<lastmod>\(newest)</lastmod>" }
            index += "</sitemap>\n"
        }
        return [(.sitemap, index + "</sitemapindex>\n")] + files
    }

    /// The files of a sitemap of `count` pages: `sitemap.xml`, and its parts above `limit`.
    static func sitemapPaths(listing count: Int, limit: Int = sitemapLimit) -> [SitePath] {
        let parts = count > limit ? (count + limit - 1) / limit : 0
        return [.sitemap] + (0..<parts).map { SitePath.sitemapPart($0 + 1) }
    }

    /// The pages a sitemap lists: all but the 404 page and the search page.
    static func sitemapPages(_ pages: [Page]) -> [Page] {
        pages.filter { $0 != .notFound && $0 != .search }
    }

    /// Each page's address and `lastmod`, in page order.
    static func sitemapEntries(_ archive: NewsletterArchive, pages: [Page], links: Links) -> [(url: String, lastModified: String?)] {
        sitemapPages(pages).map { page in
            (links.absolute(page.path(in: archive)), lastModified(page, archive).map { archive.issues[$0].date.isoDate })
        }
    }

    /// The issue whose date is a page's `lastmod`: its own for an issue, else the newest
    /// issue it lists (the newest of all for the archive and the indexes).
    static func lastModified(_ page: Page, _ archive: NewsletterArchive) -> Int? {
        guard !archive.issues.isEmpty else { return nil }
        switch page {
        case .issue(let index): return index
        case .home(let number): return min(archive.issues.count - 1, (number - 1) * Page.issuesPerHomePage)
        case .tag(let index): return archive.tags[index].issueIndexes.min() ?? 0
        case .entity(let index, let number):
            // An entity no issue mentions yet: the newest issue's date, as for the indexes.
            return archive.entityIssues[index].dropFirst((number - 1) * Page.issuesPerEntityPage).first ?? archive.entityIssues[index].first ?? 0
        case .archive, .tags, .entities, .notFound, .search: return 0
        }
    }

    private static func urlset(_ entries: [(url: String, lastModified: String?)]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for entry in entries {
            xml += "<url><loc>\(XMLText.escape(entry.url))</loc>"
            if let date = entry.lastModified { xml += "<lastmod>\(date)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// `robots.txt`: everything may be crawled, and the sitemap is there.
    static func robots(links: Links) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(links.absolute(.sitemap))\n"
    }
}
