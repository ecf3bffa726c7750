/// A place in the built site, relative to its root: `issues/nscale/` for a page
/// (written as `issues/nscale/index.html`) or `feed.xml` for a file.
///
/// Every link the builder makes goes through `Links`, which turns these into the
/// right href for the page it is on: an absolute path under the base URL for a
/// served site, or a relative path with an explicit `index.html` offline.
public struct SitePath: Sendable, Hashable, Comparable {
    /// `""` for the home page, `issues/x/` for pages, `feed.xml` for files.
    public let value: String

    /// Wraps a relative path; pages end in `/`, files do not.
    public init(_ value: String) { self.value = value }

    /// The home page.
    public static let home = SitePath("")

    /// True for pretty-URL pages (written as `…/index.html`).
    public var isDirectory: Bool { value.isEmpty || value.hasSuffix("/") }

    /// The file the page or file is written to, relative to the output folder.
    public var outputFile: String { isDirectory ? value + "index.html" : value }

    /// How many folders deep the written file sits, for offline relative links.
    var depth: Int { outputFile.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 } }

    public static func < (lhs: SitePath, rhs: SitePath) -> Bool { lhs.value < rhs.value }

    /// `/issues/<slug>/`.
    public static func issue(_ slug: String) -> SitePath { SitePath("issues/\(slug)/") }
    /// `/issues/<slug>/index.md`: the issue's Markdown file as the editor wrote it, published
    /// beside its page so every page can link its source (readers quote it, tools read it).
    public static func issueSource(_ slug: String) -> SitePath { SitePath("issues/\(slug)/index.md") }
    /// `/tags/<slug>/`.
    public static func tag(_ slug: String) -> SitePath { SitePath("tags/\(slug)/") }
    /// `/` for page 1, `/page/N/` after it.
    public static func homePage(_ number: Int) -> SitePath { number <= 1 ? .home : SitePath("page/\(number)/") }
    /// `/entities/<slug>/`, and `/entities/<slug>/page/N/` after the first page.
    public static func entity(_ slug: String, page: Int = 1) -> SitePath {
        page <= 1 ? SitePath("entities/\(slug)/") : SitePath("entities/\(slug)/page/\(page)/")
    }
    /// `/entities/<slug>/feed.xml`: issues that mention the entity.
    public static func entityFeed(_ slug: String) -> SitePath { SitePath("entities/\(slug)/feed.xml") }
    /// `/tags/<slug>/feed.xml`: issues that carry the tag.
    public static func tagFeed(_ slug: String) -> SitePath { SitePath("tags/\(slug)/feed.xml") }
    public static let entities = SitePath("entities/")
    public static let archive = SitePath("archive/")
    public static let tags = SitePath("tags/")
    public static let notFound = SitePath("404.html")
    /// `/search/`: the search page; its script and index files sit beneath it.
    public static let search = SitePath("search/")
    public static let searchScript = SitePath("search/search.js")
    /// A file of the search index, `search/index/<name>.js`.
    public static func searchIndexFile(_ name: String) -> SitePath { SitePath("\(searchIndexFolder)\(name).js") }
    /// Where the search index's files are, `search/index/`.
    static let searchIndexFolder = "search/index/"
    public static let feed = SitePath("feed.xml")
    /// `/feed.json`: the site's feed as JSON Feed 1.1.
    public static let jsonFeed = SitePath("feed.json")
    public static let sitemap = SitePath("sitemap.xml")
    /// `/sitemap-N.xml`: part N (1-based) of a sitemap too large for one file.
    public static func sitemapPart(_ number: Int) -> SitePath { SitePath("sitemap-\(number).xml") }
    public static let robots = SitePath("robots.txt")
    public static let stylesheet = SitePath("assets/style.css")
    public static let favicon = SitePath("assets/favicon.svg")
}
