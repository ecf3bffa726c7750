import Archive

/// Makes hrefs from one page to the rest of the site.
///
/// Served sites get root-relative links under the base URL's path
/// (`/newsletter/issues/x/`), so a `base_url` with a path just works. Offline
/// builds get relative links with an explicit `index.html`
/// (`../../issues/x/index.html`), because a browser reading `file://` neither
/// knows the site root nor serves a folder's index.
public struct Links: Sendable {
    /// The page the links are written on.
    public let page: SitePath
    let basePath: String
    let baseURL: String
    let offline: Bool
    private let upToRoot: String

    /// Links for `page` in a site configured by `config`.
    public init(page: SitePath, config: SiteConfig, offline: Bool) {
        self.page = page
        self.basePath = config.basePath
        self.baseURL = config.baseURL
        self.offline = offline
        self.upToRoot = String(repeating: "../", count: page.depth)
    }

    /// The href of `target` from this page.
    public func href(_ target: SitePath) -> String {
        guard offline else { return basePath + target.value }
        return upToRoot + target.outputFile
    }

    /// What goes before a root-relative path (`issues/x/`) to reach it from this
    /// page: the base path served, `../` as often as needed offline. The search
    /// script joins it to the paths its index stores.
    public var root: String { offline ? upToRoot : basePath }

    /// The absolute URL of `target`, for canonical links, feeds and sitemaps;
    /// empty when the base URL has no scheme and host (so none can be made).
    public func absolute(_ target: SitePath) -> String {
        baseURL.contains("://") ? baseURL + target.value : ""
    }
}
