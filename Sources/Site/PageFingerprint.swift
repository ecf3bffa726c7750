import Archive

/// What a page or feed is made from, boiled down to one number, so that `serve` renders
/// again only what an edit touched: equal fingerprints in one process mean equal bytes.
///
/// A fingerprint combines the inputs its context reads (see `Page+Context.swift`), with each
/// issue standing for itself by `Issue.sourceDigest`, and everything every page reads (the
/// template and its partials, the settings, the registry, the link style) as `Inputs`. It
/// may take in more than the page shows (a neighbour's whole digest, not only its title):
/// that only renders a page more often than needed. Missing an input would leave a page
/// stale, which is why `RebuildTests` compares every rebuild with a full build, byte for byte.
struct PageFingerprint {
    /// An issue boiled down three ways, for the pages that show it whole, in a list, or quoted.
    struct IssueDigests: Sendable {
        /// The whole issue: `Issue.sourceDigest`.
        let source: Int
        /// What a list of issues shows of it (`IssueViewModel.summary`) and its neighbours'
        /// links: title, slug, date, summary, source, reading time, tags, number, authors.
        let summary: Int
        /// Its mention of each entity it mentions (by registry index, in the issue's order): how
        /// often, and a digest of the count and quotes, for the entity pages.
        let mentions: [(entity: Int, count: Int, digest: Int)]

        init(_ issue: Issue) {
            // An issue made without a digest counts as changed every time.
            source = issue.sourceDigest ?? Int.random(in: .min ... .max)
            var hasher = Hasher()
            hasher.combine(issue.title)
            hasher.combine(issue.slug)
            hasher.combine(issue.date)
            hasher.combine(issue.summary)
            hasher.combine(issue.source)
            hasher.combine(issue.readingMinutes)
            hasher.combine(issue.tags)
            hasher.combine(issue.number)
            hasher.combine(issue.authors)
            summary = issue.sourceDigest == nil ? source : hasher.finalize()
            let changed = source
            mentions = issue.mentions.map { mention in
                var hasher = Hasher()
                hasher.combine(mention)
                return (mention.entity, mention.count, issue.sourceDigest == nil ? changed : hasher.finalize())
            }
        }
    }

    /// Each entity's mentions, in the order of `NewsletterArchive.entityIssues`: per mentioning
    /// issue, the count and the digest of that issue's mention of the entity.
    struct EntityMentions {
        let counts: [[Int]]
        let digests: [[Int]]

        init(issues: [IssueDigests], entityCount: Int) {
            var counts = [[Int]](repeating: [], count: entityCount)
            var digests = [[Int]](repeating: [], count: entityCount)
            for issue in issues {
                for mention in issue.mentions where mention.entity < entityCount {
                    counts[mention.entity].append(mention.count)
                    digests[mention.entity].append(mention.digest)
                }
            }
            self.counts = counts
            self.digests = digests
        }
    }

    /// What every page and feed depends on.
    struct Inputs {
        let archive: NewsletterArchive
        let theme: Theme
        let offline: Bool
        let buildYear: String
        /// Per issue, newest first: `IssueDigests.source`, `.summary`, and a digest of its date,
        /// as plain arrays (a key path or a copied struct per lookup would cost more than the
        /// hashing, over some 700,000 lookups a build at 10,000 issues).
        let sources: [Int]
        let summaries: [Int]
        let dates: [Int]
        let mentions: EntityMentions
        let common: Int

        init(archive: NewsletterArchive, theme: Theme, offline: Bool, buildYear: String, digests: [IssueDigests]) {
            self.archive = archive
            self.theme = theme
            self.offline = offline
            self.buildYear = buildYear
            sources = digests.map(\.source)
            summaries = digests.map(\.summary)
            dates = archive.issues.map(\.date.hashValue)
            mentions = EntityMentions(issues: digests, entityCount: archive.registry.entities.count)
            var hasher = Hasher()
            hasher.combine(archive.config)
            hasher.combine(archive.registry.entities)
            hasher.combine(offline)
            hasher.combine(buildYear)
            hasher.combine(SiteBuilder.generator)
            common = hasher.finalize()
        }

        /// Adds the issues at `indexes`, each by its value in `digests` (`sources`, `summaries`).
        func issues<S: Sequence>(_ indexes: S, _ digests: [Int], into hasher: inout Hasher) where S.Element == Int {
            for index in indexes { hasher.combine(digests[index]) }
            hasher.combine(-1)
        }
    }

    /// The fingerprint of `page`, which lives at `path`.
    static func of(_ page: Page, at path: SitePath, _ inputs: Inputs) -> Int {
        let archive = inputs.archive
        var hasher = Hasher()
        hasher.combine(inputs.common)
        hasher.combine(inputs.theme.templateDigests[page.templateName])
        hasher.combine(path.value)
        switch page {
        case .home(let number):
            let perPage = Page.issuesPerHomePage
            hasher.combine(number)
            hasher.combine(archive.issues.count)
            inputs.issues(archive.issues.indices.dropFirst((number - 1) * perPage).prefix(perPage), inputs.summaries, into: &hasher)
        case .issue(let index):
            // Itself whole; its neighbours and the issues to read next as their links show them.
            hasher.combine(inputs.sources[index])
            inputs.issues(max(0, index - 1)...min(archive.issues.count - 1, index + 1), inputs.summaries, into: &hasher)
            hasher.combine(index)
            hasher.combine(archive.issues.count)
            if index < archive.related.count { inputs.issues(archive.related[index], inputs.summaries, into: &hasher) }
        case .archive:
            inputs.issues(archive.issues.indices, inputs.summaries, into: &hasher)
        case .tags:
            for tag in archive.tags { combine(tag, into: &hasher) }
        case .tag(let index):
            combine(archive.tags[index], into: &hasher)
            inputs.issues(archive.tags[index].issueIndexes, inputs.summaries, into: &hasher)
        case .entities:
            hasher.combine(archive.entityMentionCounts)
            for issues in archive.entityIssues { hasher.combine(issues.count) }
        case .entity(let index, let page):
            let issues = archive.entityIssues[index]
            hasher.combine(index)
            hasher.combine(page)
            hasher.combine(archive.entityMentionCounts[index])
            hasher.combine(issues.count)
            if page == 1 {
                // The chart counts the mentions in every mentioning issue, by date; the
                // company is a list of entities.
                inputs.issues(issues, inputs.dates, into: &hasher)
                hasher.combine(inputs.mentions.counts[index])
                for partner in index < archive.cooccurring.count ? archive.cooccurring[index] : [] {
                    hasher.combine(partner.entity)
                    hasher.combine(partner.together)
                }
            }
            let perPage = Page.issuesPerEntityPage
            let slice = issues.indices.dropFirst((page - 1) * perPage).prefix(perPage)
            for place in slice {
                hasher.combine(inputs.summaries[issues[place]])
                hasher.combine(inputs.mentions.digests[index][place])
            }
        case .notFound, .search:
            break
        }
        return hasher.finalize()
    }

    /// The fingerprint of the site's Atom feed: its newest issues.
    static func feed(_ inputs: Inputs) -> Int {
        var hasher = Hasher()
        hasher.combine(inputs.common)
        hasher.combine("feed")
        inputs.issues(inputs.archive.issues.indices.prefix(Feeds.feedLimit), inputs.sources, into: &hasher)
        return hasher.finalize()
    }

    /// The fingerprint of an entity's Atom feed: the entity and its newest mentioning issues,
    /// which it lists without their text.
    static func entityFeed(_ index: Int, _ inputs: Inputs) -> Int {
        var hasher = Hasher()
        hasher.combine(inputs.common)
        hasher.combine("entity-feed")
        hasher.combine(index)
        inputs.issues(inputs.archive.entityIssues[index].prefix(Feeds.feedLimit), inputs.summaries, into: &hasher)
        return hasher.finalize()
    }

    /// The fingerprint of a tag's Atom feed: the tag and its newest issues, which it lists
    /// without their text.
    static func tagFeed(_ index: Int, _ inputs: Inputs) -> Int {
        var hasher = Hasher()
        hasher.combine(inputs.common)
        hasher.combine("tag-feed")
        combine(inputs.archive.tags[index], into: &hasher)
        inputs.issues(inputs.archive.tags[index].issueIndexes.prefix(Feeds.feedLimit), inputs.summaries, into: &hasher)
        return hasher.finalize()
    }

    /// The fingerprint of the sitemap: every page's place and `lastmod` (an issue's date),
    /// not the issues' text, so a body edit leaves the sitemap alone.
    static func sitemap(_ paths: [SitePath], pages: [Page], _ inputs: Inputs) -> Int {
        var hasher = Hasher()
        hasher.combine(inputs.common)
        hasher.combine("sitemap")
        for path in paths { hasher.combine(path.outputFile) }
        // Each page's lastmod: the date of the issue `Feeds.lastModified` picks.
        for page in pages { hasher.combine(Feeds.lastModified(page, inputs.archive).map { inputs.archive.issues[$0].date }) }
        return hasher.finalize()
    }

    private static func combine(_ tag: Tag, into hasher: inout Hasher) {
        hasher.combine(tag.name)
        hasher.combine(tag.slug)
        hasher.combine(tag.issueIndexes.count)
    }
}
