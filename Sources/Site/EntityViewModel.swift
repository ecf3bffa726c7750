import Archive
import Templates

/// Entities as templates see them: the entity index and each entity's page.
enum EntityViewModel {
    /// `/entities/`: `kinds: [{kind, label, count, entities: [{name, url, mention_count, issue_count}]}]`.
    static func index(_ archive: NewsletterArchive, links: Links) -> [String: TemplateValue] {
        let registry = archive.registry
        let grouped = Dictionary(grouping: registry.entities.indices) { registry.entities[$0].kind }
        let kinds = grouped.keys.sorted().map { kind -> TemplateValue in
            let members = grouped[kind]!.sorted {
                registry.entities[$0].name.localizedLowercase < registry.entities[$1].name.localizedLowercase
            }
            return .object([
                "kind": .string(kind.rawValue),
                "label": .string(kind.plural),
                "count": .int(members.count),
                "entities": .list(members.map { index in
                    let entity = registry.entities[index]
                    return .object(["name": .string(entity.name), "url": .string(links.href(.entity(entity.slug))),
                                    "mention_count": .int(archive.entityMentionCounts[index]),
                                    "issue_count": .int(archive.entityIssues[index].count)])
                }),
            ])
        }
        return ["kinds": .list(kinds), "total_entities": .int(registry.entities.count)]
    }

    /// One entity's page: its facts, the issues that mention it with a quote each,
    /// the entities it keeps company with, and a chart of mentions by month.
    /// `page` (1-based) lists the page's slice of mentioning issues; the chart and
    /// company are made for the first page only.
    static func page(_ index: Int, page: Int, archive: NewsletterArchive, links: Links) -> TemplateValue {
        let entity = archive.registry.entities[index]
        let issueIndexes = archive.entityIssues[index]
        var months: [(year: Int, month: Int, count: Int)] = []
        for issueIndex in (page == 1 ? issueIndexes.reversed() : []) {
            let issue = archive.issues[issueIndex]
            let count = max(1, issue.mentions.first { $0.entity == index }?.count ?? 1)
            if let last = months.last, last.year == issue.date.year, last.month == issue.date.month {
                months[months.count - 1].count += count
            } else {
                months.append((issue.date.year, issue.date.month, count))
            }
        }
        let perPage = Page.issuesPerEntityPage
        let mentions = issueIndexes.dropFirst((page - 1) * perPage).prefix(perPage).map { issueIndex -> TemplateValue in
            let issue = archive.issues[issueIndex]
            let mention = issue.mentions.first { $0.entity == index }
            return .object([
                "title": .string(issue.title),
                "url": .string(links.href(.issue(issue.slug))),
                "date_iso": .string(issue.date.isoDate),
                "date_display": .string(issue.date.display),
                "mention_count": .int(mention?.count ?? 0),
                "quotes": .list((mention?.quotes ?? []).map(quote)),
            ])
        }
        let company = (page == 1 && index < archive.cooccurring.count ? archive.cooccurring[index] : []).map { partner -> TemplateValue in
            let other = archive.registry.entities[partner.entity]
            return .object(["name": .string(other.name), "url": .string(links.href(.entity(other.slug))),
                            "together": .int(partner.together)])
        }
        let chart = page == 1 ? MentionChart.svg(months: months, title: "Mentions of \(entity.name) per month") : ""
        return .object([
            "name": .string(entity.name),
            "slug": .string(entity.slug),
            "kind": .string(entity.kind.rawValue),
            "description": .string(entity.description),
            "url": .string(entity.url ?? ""),
            "aliases": .list(entity.aliases.map { .string($0.text) }),
            "has_aliases": .bool(!entity.aliases.isEmpty),
            "mention_count": .int(archive.entityMentionCounts[index]),
            "issue_count": .int(issueIndexes.count),
            "issues": .list(mentions),
            "has_issues": .bool(!mentions.isEmpty),
            "cooccurring": .list(company),
            "has_cooccurring": .bool(!company.isEmpty),
            "chart_svg": .string(chart),
            "has_chart": .bool(!chart.isEmpty),
            "feed_url": .string(links.href(.entityFeed(entity.slug))),
        ])
    }

    /// A sentence split around the highlighted name, so templates escape each part
    /// and wrap the name in `<mark>`.
    static func quote(_ quote: IssueMention.Quote) -> TemplateValue {
        let bytes = Array(quote.sentence.utf8)
        let lower = min(quote.highlight.lowerBound, bytes.count)
        let upper = min(max(quote.highlight.upperBound, lower), bytes.count)
        return .object([
            "before": .string(String(decoding: bytes[..<lower], as: UTF8.self)),
            "match": .string(String(decoding: bytes[lower..<upper], as: UTF8.self)),
            "after": .string(String(decoding: bytes[upper...], as: UTF8.self)),
        ])
    }
}
