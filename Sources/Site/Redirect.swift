import Archive

/// A page left at an issue's old address (front matter `permalink`, kept by
/// `broadsheet import jekyll`) that sends readers and search engines on to the page,
/// so that links to the old site keep working.
///
/// It is plain HTML, no template: a `<meta http-equiv="refresh">`, a `<link rel="canonical">`
/// and a link to follow by hand, each pointing at the issue relatively (`../../issues/x/`),
/// so the redirect works under any base URL and, in an offline build (`index.html` added),
/// from the disk. Search engines are asked not to index it (`noindex`); the canonical link
/// names the page as the one to keep.
public struct Redirect: Sendable, Hashable {
    /// Where the redirect page is: the old address as a site path.
    public let from: SitePath
    /// The page.
    public let to: SitePath
    /// The title, for the page's title and its link.
    public let title: String

    /// A redirect from `from` to `to`.
    public init(from: SitePath, to: SitePath, title: String) {
        self.from = from
        self.to = to
        self.title = title
    }

    /// The relative href of the page from the redirect's folder.
    public func href(offline: Bool) -> String {
        String(repeating: "../", count: from.depth) + (offline ? to.outputFile : to.value)
    }

    /// The redirect page for a site configured by `config`.
    public func html(config: SiteConfig, offline: Bool) -> String {
        let href = XMLText.escape(href(offline: offline))
        let absolute = Links(page: from, config: config, offline: offline).absolute(to)
        let canonical = absolute.isEmpty ? href : XMLText.escape(absolute)
        let title = XMLText.escape(self.title)
        return """
        <!DOCTYPE html>
        <html lang="\(XMLText.escape(config.language))">
        <head>
        <meta charset="utf-8">
        <title>Moved: \(title)</title>
        <meta name="robots" content="noindex">
        <link rel="canonical" href="\(canonical)">
        <meta http-equiv="refresh" content="0; url=\(href)">
        </head>
        <body>
        <p>This page has moved to <a href="\(href)">\(title)</a>.</p>
        </body>
        </html>

        """
    }
}
