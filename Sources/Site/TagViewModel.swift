import Archive
import Templates

/// A tag as every template sees it: `{name, slug, url, feed_url}`, and `count` on the tag pages.
/// Made here only, so an issue's tag list, the tags page and a tag's own page agree.
enum TagViewModel {
    static func value(name: String, slug: String, count: Int? = nil, links: Links) -> TemplateValue {
        var fields: [String: TemplateValue] = ["name": .string(name), "slug": .string(slug), "url": .string(links.href(.tag(slug))),
                                             "feed_url": .string(links.href(.tagFeed(slug)))]
        if let count { fields["count"] = .int(count) }
        return .object(fields)
    }

    /// A tag of the archive, with its issue count.
    static func value(_ tag: Tag, links: Links) -> TemplateValue {
        value(name: tag.name, slug: tag.slug, count: tag.issueIndexes.count, links: links)
    }
}
