import Foundation

/// The whole newsletter as one value: settings, issues newest first, and the
/// indexes pages are made from.
///
/// Everything after loading reads this; nothing after loading reads files.
public struct Archive: Sendable {
    public var config: SiteConfig
    /// Newest first.
    public var issues: [Issue]
    /// Tags by name, alphabetically.
    public var tags: [Tag]

    /// Builds the indexes over `issues` (which must be newest first).
    public init(config: SiteConfig, issues: [Issue]) {
        self.config = config
        self.issues = issues
        var bySlug: [String: Tag] = [:]
        var order: [String] = []
        for (index, issue) in issues.enumerated() {
            for name in issue.tags {
                let slug = Slug.make(name)
                guard !slug.isEmpty else { continue }
                if bySlug[slug] == nil {
                    bySlug[slug] = Tag(name: name, slug: slug, issueIndexes: [])
                    order.append(slug)
                }
                if bySlug[slug]!.issueIndexes.last != index { bySlug[slug]!.issueIndexes.append(index) }
            }
        }
        self.tags = order.compactMap { bySlug[$0] }.sorted {
            $0.name.localizedLowercase != $1.name.localizedLowercase
                ? $0.name.localizedLowercase < $1.name.localizedLowercase : $0.slug < $1.slug
        }
    }
}
