import Foundation

/// The site-wide settings from `content/site.yml`.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var description: String
    /// Where the site will be published, always ending in `/`. Its path part
    /// (`/newsletter/` in `https://example.org/newsletter/`) prefixes every link.
    public var baseURL: String
    /// The `lang` of every page.
    public var language: String
    public var author: String
    /// Which entity mentions become links (`entity_links:`; default: the first per issue).
    public var entityLinks: EntityLinkPolicy
    /// What issue pages say they are in their JSON-LD (`article_type:`; default `NewsArticle`).
    public var articleType: ArticleType
    /// Where the subscribe block's email form posts (`subscribe_url:`, the signup form of a
    /// newsletter service); empty for the default block, which offers the feeds.
    public var subscribeURL: String
    /// Keys Broadsheet does not interpret, kept for templates.
    public var params: [String: MetadataValue]

    /// Makes a configuration; `baseURL` gains a trailing slash if it lacks one.
    public init(title: String, description: String = "", baseURL: String = "/", language: String = "en",
                author: String = "", entityLinks: EntityLinkPolicy = .first, articleType: ArticleType = .newsArticle,
                subscribeURL: String = "", params: [String: MetadataValue] = [:]) {
        self.title = title
        self.description = description
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.language = language
        self.author = author
        self.entityLinks = entityLinks
        self.articleType = articleType
        self.subscribeURL = subscribeURL
        self.params = params
    }

    /// The path part of `baseURL`: `/newsletter/` for `https://example.org/newsletter/`.
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else {
            return baseURL.hasPrefix("/") ? baseURL : "/" + baseURL
        }
        let afterHost = baseURL[schemeEnd.upperBound...]
        guard let slash = afterHost.firstIndex(of: "/") else { return "/" }
        return String(afterHost[slash...])
    }

    /// Reads `site.yml` text; `path` is used in error messages.
    public static func parse(yaml: String, path: String, defaultTitle: String) throws(ContentError) -> SiteConfig {
        var ignored: [ContentWarning] = []
        return try parse(yaml: yaml, path: path, defaultTitle: defaultTitle, warnings: &ignored)
    }

    /// Reads `site.yml` text, adding duplicate keys and the like to `warnings`.
    public static func parse(yaml: String, path: String, defaultTitle: String,
                             warnings: inout [ContentWarning]) throws(ContentError) -> SiteConfig {
        let (node, found) = try YAMLFile.read(yaml, path: path, firstLine: 1, limits: .dataFile("site.yml"))
        warnings += found
        guard let node else { return SiteConfig(title: defaultTitle) }
        guard case .mapping(let pairs) = node.content else {
            throw ContentError(path: path, line: node.line, message: "site.yml must be a mapping of keys to values")
        }
        var values: [String: (MetadataValue, Int)] = [:]
        for pair in pairs {
            if let name = pair.key.string { values[name.lowercased()] = (pair.value.resolved, pair.key.line) }
        }
        func text(_ key: String, default fallback: String) throws(ContentError) -> String {
            guard let (value, line) = values[key], value != .null else { return fallback }
            guard let text = value.scalarText else {
                throw ContentError(path: path, line: line, message: "\(key) must be text")
            }
            return text
        }
        let known: Set<String> = ["title", "description", "base_url", "language", "author", "entity_links", "article_type", "subscribe_url"]
        var params: [String: MetadataValue] = [:]
        for (key, entry) in values where !known.contains(key) { params[key] = entry.0 }
        let baseURL = try text("base_url", default: "/")
        if baseURL.contains(" ") {
            throw ContentError(path: path, line: values["base_url"]?.1 ?? 1, message: "base_url must be a URL without spaces")
        }
        let policyText = try text("entity_links", default: EntityLinkPolicy.first.rawValue)
        guard let policy = EntityLinkPolicy(rawValue: policyText) else {
            throw ContentError(path: path, line: values["entity_links"]?.1 ?? 1, message:
                "entity_links must be one of \(EntityLinkPolicy.allCases.map(\.rawValue).joined(separator: ", ")), not '\(policyText)'")
        }
        let typeText = try text("article_type", default: ArticleType.newsArticle.rawValue)
        guard let articleType = ArticleType(rawValue: typeText) else {
            throw ContentError(path: path, line: values["article_type"]?.1 ?? 1, message:
                "article_type must be one of \(ArticleType.allCases.map(\.rawValue).joined(separator: ", ")), not '\(typeText)'")
        }
        let subscribeURL = try text("subscribe_url", default: "")
        if !subscribeURL.isEmpty, !(subscribeURL.hasPrefix("https://") || subscribeURL.hasPrefix("http://")) || subscribeURL.contains(" ") {
            throw ContentError(path: path, line: values["subscribe_url"]?.1 ?? 1, message:
                "subscribe_url must be the http(s) address of a signup form, not '\(subscribeURL)'")
        }
        return SiteConfig(
            title: try text("title", default: defaultTitle),
            description: try text("description", default: ""),
            baseURL: baseURL,
            language: try text("language", default: "en"),
            author: try text("author", default: ""),
            entityLinks: policy,
            articleType: articleType,
            subscribeURL: subscribeURL,
            params: params)
    }
}
