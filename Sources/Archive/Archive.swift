import Foundation

/// The whole newsletter as one value: settings, issues newest first, entities,
/// and the cross-references pages are made from.
///
/// Everything after loading reads this; nothing after loading reads files.
public struct NewsletterArchive: Sendable {
    public var config: SiteConfig
    /// Newest first.
    public var issues: [Issue]
    /// Tags by name, alphabetically.
    public var tags: [Tag]
    /// The entities issues can mention.
    public var registry: EntityRegistry
    /// Per entity (by registry index): the issues that mention it, newest first.
    public var entityIssues: [[Int]]
    /// Per entity: mentions across all issues.
    public var entityMentionCounts: [Int]
    /// Per entity: the entities it keeps company with, best first.
    public var cooccurring: [[CooccurringEntity]]
    /// Per issue: issues to read next, best first.
    public var related: [[Int]]
    /// What `cooccurring` and `related` were worked out from, so that a rebuild whose issues
    /// mention the same entities and carry the same tags can take them over unchanged.
    struct CrossReferenceInputs: Equatable {
        var issueEntities: [[Int]]
        var issueTags: [[Int]]
        var entityCount: Int
        var tagCount: Int
    }
    let crossReferenceInputs: CrossReferenceInputs

    /// Pairs must share this many issues to count as keeping company, so one
    /// chance meeting doesn't rank; small archives accept a single shared issue.
    static func minimumTogether(issueCount: Int) -> Int { issueCount >= 50 ? 2 : 1 }

    /// Builds the indexes over `issues` (which must be newest first). With `previous`, an
    /// archive built earlier, its co-occurrence and related issues are taken over when they
    /// were worked out from the same entity and tag lists, as after an edit to an issue's
    /// text that changes neither (`serve` rebuilds so); the result is the same either way.
    public init(config: SiteConfig, issues: [Issue], registry: EntityRegistry = .empty, reusing previous: NewsletterArchive? = nil) {
        self.config = config
        self.issues = issues
        self.registry = registry
        self.tags = NewsletterArchive.indexTags(issues)

        let entityCount = registry.entities.count
        var entityIssues = Array(repeating: [Int](), count: entityCount)
        var counts = Array(repeating: 0, count: entityCount)
        var issueEntities: [[Int]] = []
        issueEntities.reserveCapacity(issues.count)
        // By index, not `for issue in issues`: that copies every issue, each a score of references.
        for index in issues.indices {
            let mentions = issues[index].mentions
            for mention in mentions {
                entityIssues[mention.entity].append(index)
                counts[mention.entity] += mention.count
            }
            issueEntities.append(mentions.map(\.entity).sorted())
        }
        self.entityIssues = entityIssues
        self.entityMentionCounts = counts

        var tagIndex: [String: Int] = [:]
        for (index, tag) in tags.enumerated() { tagIndex[tag.slug] = index }
        let issueTags = issues.indices.map { index in
            var tags = issues[index].tagSlugs.compactMap { tagIndex[$0] }
            tags.sort()
            return tags.enumerated().filter { $0.offset == 0 || tags[$0.offset - 1] != $0.element }.map(\.element)
        }
        let inputs = CrossReferenceInputs(issueEntities: issueEntities, issueTags: issueTags,
                                          entityCount: entityCount, tagCount: tags.count)
        crossReferenceInputs = inputs
        if let previous, previous.crossReferenceInputs == inputs {
            cooccurring = previous.cooccurring
            related = previous.related
            return
        }
        self.cooccurring = entityCount == 0 ? [] : Cooccurrence.rank(
            issueEntities: issueEntities, entityCount: entityCount,
            minimumTogether: NewsletterArchive.minimumTogether(issueCount: issues.count), limit: 8)
        self.related = RelatedIssues.compute(issueEntities: issueEntities, issueTags: issueTags,
                                             entityCount: entityCount, tagCount: tags.count, limit: 5)
    }

    private static func indexTags(_ issues: [Issue]) -> [Tag] {
        var bySlug: [String: Tag] = [:]
        var order: [String] = []
        for index in issues.indices {
            for (name, slug) in zip(issues[index].tags, issues[index].tagSlugs) {
                guard !slug.isEmpty else { continue }
                if bySlug[slug] == nil {
                    bySlug[slug] = Tag(name: name, slug: slug, issueIndexes: [])
                    order.append(slug)
                }
                if bySlug[slug]!.issueIndexes.last != index { bySlug[slug]!.issueIndexes.append(index) }
            }
        }
        return order.compactMap { bySlug[$0] }.sorted {
            $0.name.localizedLowercase != $1.name.localizedLowercase
                ? $0.name.localizedLowercase < $1.name.localizedLowercase : $0.slug < $1.slug
        }
    }
}
