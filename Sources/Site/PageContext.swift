import Archive
import Templates

/// The keys every page's template receives (see docs/TEMPLATES.md).
struct PageContext {
    let archive: NewsletterArchive
    let links: Links
    let kind: String
    /// The `site` object, the same on every page, so made once per build (`siteValue`).
    let site: TemplateValue
    let generator: String
    let buildYear: String

    /// The `site` object for `config`: its settings, and its unknown keys as `site.params`.
    static func siteValue(_ config: SiteConfig) -> TemplateValue {
        .object([
            "title": .string(config.title),
            "description": .string(config.description),
            "base_url": .string(config.baseURL),
            "language": .string(config.language),
            "author": .string(config.author),
            "subscribe": .object([
                "has_form": .bool(!config.subscribeURL.isEmpty),
                "form_url": .string(config.subscribeURL),
            ]),
            "params": .object(config.params.mapValues(TemplateValue.init)),
        ])
    }

    /// The root context: `site`, `urls`, `page`, `generator`, `build_year`, plus
    /// the page's own keys from `extra`.
    func rootContext(title: String, description: String, extra: [String: TemplateValue]) -> TemplateValue {
        var root: [String: TemplateValue] = [
            "site": site,
            "urls": .object([
                "home": .string(links.href(.home)),
                "archive": .string(links.href(.archive)),
                "tags": .string(links.href(.tags)),
                "entities": .string(links.href(.entities)),
                "has_entities": .bool(!archive.registry.entities.isEmpty),
                "feed": .string(links.href(.feed)),
                "json_feed": .string(links.href(.jsonFeed)),
                "stylesheet": .string(links.href(.stylesheet)),
                "favicon": .string(links.href(.favicon)),
                "search": .string(links.href(.search)),
            ]),
            "page": .object([
                "title": .string(title),
                "description": .string(description),
                "canonical_url": .string(links.offline ? "" : links.absolute(links.page)),
                "kind": .string(kind),
            ]),
            "generator": .string(generator),
            "build_year": .string(buildYear),
        ]
        root.merge(extra) { _, new in new }
        return .object(root)
    }
}
