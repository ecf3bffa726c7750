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
    /// What every page and feed depends on.
    struct Inputs {
        let archive: NewsletterArchive
        let theme: Theme
        let offline: Bool
        let buildYear: String
        let digests: [Int]
        let common: Int

        init(archive: NewsletterArchive, theme: Theme, offline: Bool, buildYear: String) {
            self.archive = archive
            self.theme = theme
            self.offline = offline
            self.buildYear = buildYear
            // An issue made without a digest counts as changed every time.
            digests = archive.issues.map { $0.sourceDigest ?? Int.random(in: .min ... .max) }
            var hasher = Hasher()
            hasher.combine(archive.config)
            hasher.combine(archive.registry.entities)
            hasher.combine(offline)
            hasher.combine(buildYear)
            hasher.combine(SiteBuilder.generator)
            common = hasher.finalize()
        }

        func issues<S: Sequence>(_ indexes: S, into hasher: inout Hasher) where S.Element == Int {
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
        hasher.combine(path.outputFile)
        switch page {
        case .home(let number):
            let perPage = Page.issuesPerHomePage
            hasher.combine(number)
            hasher.combine(archive.issues.count)
            inputs.issues(archive.issues.indices.dropFirst((number - 1) * perPage).prefix(perPage), into: &hasher)
        case .issue(let index):
            inputs.issues(max(0, index - 1)...min(archive.issues.count - 1, index + 1), into: &hasher)
            hasher.combine(index)
            hasher.combine(archive.issues.count)
            if index < archive.related.count { inputs.issues(archive.related[index], into: &hasher) }
        case .archive:
            inputs.issues(archive.issues.indices, into: &hasher)
        case .tags:
            for tag in archive.tags { combine(tag, into: &hasher) }
        case .tag(let index):
            combine(archive.tags[index], into: &hasher)
            inputs.issues(archive.tags[index].issueIndexes, into: &hasher)
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
                // The chart counts every mentioning issue; the company is a list of entities.
                inputs.issues(issues, into: &hasher)
                for partner in index < archive.cooccurring.count ? archive.cooccurring[index] : [] {
                    hasher.combine(partner.entity)
                    hasher.combine(partner.together)
                }
            }
            let perPage = Page.issuesPerEntityPage
            inputs.issues(issues.dropFirst((page - 1) * perPage).prefix(perPage), into: &hasher)
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
        inputs.issues(inputs.archive.issues.indices.prefix(Feeds.feedLimit), into: &hasher)
        return hasher.finalize()
    }

    /// The fingerprint of an entity's Atom feed: the entity and its newest mentioning issues.
    static func entityFeed(_ index: Int, _ inputs: Inputs) -> Int {
        var hasher = Hasher()
        hasher.combine(inputs.common)
        hasher.combine("entity-feed")
        hasher.combine(index)
        inputs.issues(inputs.archive.entityIssues[index].prefix(Feeds.feedLimit), into: &hasher)
        return hasher.finalize()
    }

    /// The fingerprint of the sitemap: every page's place, and the issues that date them.
    static func sitemap(_ paths: [SitePath], _ inputs: Inputs) -> Int {
        var hasher = Hasher()
        hasher.combine(inputs.common)
        hasher.combine("sitemap")
        for path in paths { hasher.combine(path.outputFile) }
        inputs.issues(inputs.archive.issues.indices, into: &hasher)
        return hasher.finalize()
    }

    private static func combine(_ tag: Tag, into hasher: inout Hasher) {
        hasher.combine(tag.name)
        hasher.combine(tag.slug)
        hasher.combine(tag.issueIndexes.count)
    }
}
