import Archive

/// One HTML page of the site: which template renders it, and where it goes.
///
/// The whole site is a list of these, made up front by `Page.all(in:)` so the
/// pages can be rendered in parallel and counted for progress.
public enum Page: Sendable, Equatable {
    /// Home page N (1-based) of the newest-first issue list.
    case home(Int)
    /// The issue at this index of `NewsletterArchive.issues`.
    case issue(Int)
    /// `/archive/`: every issue by year and month.
    case archive
    /// `/tags/`: the tag index.
    case tags
    /// The tag at this index of `NewsletterArchive.tags`.
    case tag(Int)
    /// `/entities/`: entities grouped by kind.
    case entities
    /// Page N (1-based) of the entity at this index of the registry: the first
    /// holds its facts, chart and company; every page lists up to
    /// `issuesPerEntityPage` of the issues that mention it.
    case entity(Int, page: Int)
    /// `/404.html`.
    case notFound
    /// `/search/`: the search page, whose script reads the index under it.
    case search

    /// Issues on each home page.
    public static let issuesPerHomePage = 20
    /// Mentioning issues on each entity page: an entity in every issue of a large
    /// archive would otherwise make a page of megabytes.
    public static let issuesPerEntityPage = 50

    /// Pages needed for `count` items, `perPage` a page (at least one).
    static func pageCount(_ count: Int, perPage: Int) -> Int { max(1, (count + perPage - 1) / perPage) }

    /// The templates every theme must have, one per kind of page.
    public static let requiredTemplates = ["home", "issue", "archive", "tag", "tags", "entity", "entities", "404", "search"]

    /// Every page of `archive`.
    public static func all(in archive: NewsletterArchive) -> [Page] {
        let homePages = pageCount(archive.issues.count, perPage: issuesPerHomePage)
        let entityPages = archive.registry.entities.indices.flatMap { index in
            (1...pageCount(archive.entityIssues[index].count, perPage: issuesPerEntityPage)).map { Page.entity(index, page: $0) }
        }
        return (1...homePages).map(Page.home) + archive.issues.indices.map(Page.issue)
            + [.archive, .tags] + archive.tags.indices.map(Page.tag)
            + (archive.registry.entities.isEmpty ? [] : [.entities] + entityPages)
            + [.notFound, .search]
    }

    /// The template that renders this page.
    public var templateName: String {
        switch self {
        case .home: return "home"
        case .issue: return "issue"
        case .archive: return "archive"
        case .tags: return "tags"
        case .tag: return "tag"
        case .entities: return "entities"
        case .entity: return "entity"
        case .notFound: return "404"
        case .search: return "search"
        }
    }

    /// Where the page lives in `archive`'s site.
    public func path(in archive: NewsletterArchive) -> SitePath {
        switch self {
        case .home(let number): return .homePage(number)
        case .issue(let index): return .issue(archive.issues[index].slug)
        case .archive: return .archive
        case .tags: return .tags
        case .tag(let index): return .tag(archive.tags[index].slug)
        case .entities: return .entities
        case .entity(let index, let page): return .entity(archive.registry.entities[index].slug, page: page)
        case .notFound: return .notFound
        case .search: return .search
        }
    }
}
