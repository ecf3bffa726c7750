import Archive

/// The site's Atom feed and XML sitemap: small fixed formats, written directly.
enum Feeds {
    /// Issues in the feed: the newest 20, as most readers poll often.
    static let feedLimit = 20

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
        if !config.author.isEmpty { xml += "<author><name>\(XMLText.escape(config.author))</name></author>\n" }
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

    /// A sitemap of every page, with issue dates as `lastmod`.
    static func sitemap(_ archive: NewsletterArchive, pages: [Page], links: Links) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages where page != .notFound && page != .search {
            xml += "<url><loc>\(XMLText.escape(links.absolute(page.path(in: archive))))</loc>"
            if case .issue(let index) = page { xml += "<lastmod>\(archive.issues[index].date.isoDate)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }
}
