import Archive
import Foundation
import Markup
import Templates

/// Issues as templates see them.
enum IssueViewModel {
    /// The fields every list of issues shows (home, tag and archive pages).
    static func summary(_ issue: Issue, links: Links) -> [String: TemplateValue] {
        [
            "title": .string(issue.title),
            "url": .string(links.href(.issue(issue.slug))),
            "date_iso": .string(issue.date.isoDate),
            "date_display": .string(issue.date.display),
            "summary": .string(issue.summary),
            "source": .string(issue.source ?? ""),
            "reading_minutes": .int(issue.readingMinutes),
            "has_tags": .bool(!issue.tags.isEmpty),
            "tags": .list(zip(issue.tags, issue.tagSlugs).map { TagViewModel.value(name: $0, slug: $1, links: links) }),
            "number": .string(issue.number ?? ""),
            "authors_display": .string(issue.authors.joined(separator: ", ")),
        ]
    }

    /// Everything the issue page shows. `older` and `newer` are its neighbours by date.
    static func full(_ issue: Issue, index: Int, in archive: NewsletterArchive, older: Issue?, newer: Issue?, links: Links) -> TemplateValue {
        var fields = summary(issue, links: links)
        let toc = issue.body.headings.filter { $0.level >= 2 }
        fields["html"] = .string(bodyHTML(issue, archive: archive, links: links))
        fields["json_ld"] = .string(jsonLD(issue, config: archive.config, links: links))
        fields["word_count"] = .int(issue.body.wordCount)
        fields["has_toc"] = .bool(toc.count >= 3)
        let contexts = tocContexts(toc.map { (level: $0.level, text: $0.text) })
        fields["toc"] = .list(zip(toc, contexts).map { heading, context in
            .object(["level": .int(heading.level), "id": .string(heading.id), "text": .string(heading.text),
                     "indent": .int(heading.level - 2), "context": .string(context)])
        })
        fields["previous"] = neighbour(older, links: links)
        fields["next"] = neighbour(newer, links: links)
        fields["has_authors"] = .bool(!issue.authors.isEmpty)
        fields["authors"] = .list(issue.authors.map(TemplateValue.string))
        fields["has_source"] = .bool(issue.source != nil)
        fields["source_url"] = .string(issue.sourceURL ?? "")
        fields["has_source_url"] = .bool(issue.sourceURL != nil)
        fields["markdown_url"] = .string(links.href(.issueSource(issue.slug)))
        fields["params"] = .object(issue.params.mapValues(TemplateValue.init))
        let entities = issue.mentions.map { mention -> TemplateValue in
            let entity = archive.registry.entities[mention.entity]
            return .object(["name": .string(entity.name), "url": .string(links.href(.entity(entity.slug))),
                            "kind": .string(entity.kind.rawValue), "count": .int(mention.count)])
        }
        fields["entities"] = .list(entities)
        fields["has_entities"] = .bool(!entities.isEmpty)
        let readNext = (index < archive.related.count ? archive.related[index] : []).map { TemplateValue.object(summary(archive.issues[$0], links: links)) }
        fields["read_next"] = .list(readNext)
        fields["has_read_next"] = .bool(!readNext.isEmpty)
        return .object(fields)
    }

    private static func neighbour(_ issue: Issue?, links: Links) -> TemplateValue {
        guard let issue else { return .null }
        return .object(["title": .string(issue.title), "url": .string(links.href(.issue(issue.slug))),
                        "date_display": .string(issue.date.display)])
    }

    /// The issue's HTML with its entity links pointing at the entity pages as seen from
    /// the page `links` is for.
    static func bodyHTML(_ issue: Issue, archive: NewsletterArchive, links: Links) -> String {
        EntityLinkPlaceholder.resolve(issue.body.html, entityCount: archive.registry.entities.count) { index in
            links.href(.entity(archive.registry.entities[index].slug))
        }
    }

    /// The issue as schema.org structured data (JSON-LD), for search engines: a
    /// `NewsArticle` or `BlogPosting` (`site.yml` `article_type`) with its headline, dates,
    /// authors (else the site's author, else the site as an organisation) and publisher.
    /// Safe inside `<script>`: `<`, `>` and `&` are written as `\u` escapes.
    static func jsonLD(_ issue: Issue, config: SiteConfig, links: Links) -> String {
        let publisher = ScriptSafeJSON.object(["@type": .string("Organization"), "name": .string(config.title)])
        let authors: [ScriptSafeJSON] = !issue.authors.isEmpty
            ? issue.authors.map { .object(["@type": .string("Person"), "name": .string($0)]) }
            : !config.author.isEmpty ? [.object(["@type": .string("Person"), "name": .string(config.author)])] : [publisher]
        var data: [String: ScriptSafeJSON] = [
            "@context": .string("https://schema.org"),
            "@type": .string(config.articleType.rawValue),
            "headline": .string(issue.title),
            "datePublished": .string(issue.date.rfc3339),
            "dateModified": .string(issue.date.rfc3339),
            "author": .array(authors),
            "publisher": publisher,
            "inLanguage": .string(config.language),
        ]
        let url = links.absolute(.issue(issue.slug))
        if !url.isEmpty {
            data["url"] = .string(url)
            data["mainEntityOfPage"] = .string(url)
        }
        if !issue.summary.isEmpty { data["description"] = .string(issue.summary) }
        if let original = issue.sourceURL { data["isBasedOn"] = .string(original) }
        if !issue.tags.isEmpty { data["keywords"] = .array(issue.tags.map { .string($0) }) }
        return ScriptSafeJSON.object(data).text
    }

    /// For each contents entry, the heading it sits under when its own text is not unique
    /// ("Why this matters" under each story), else "". A list of links that all read "Why
    /// this matters" does not say where each goes; the theme adds the context for screen
    /// readers. Entries with no heading above them are told apart by their place ("part 2").
    static func tocContexts(_ headings: [(level: Int, text: String)]) -> [String] {
        var uses: [String: Int] = [:]
        for heading in headings { uses[heading.text.lowercased(), default: 0] += 1 }
        var seen: [String: Int] = [:]
        let contexts = headings.indices.map { index in
            let text = headings[index].text.lowercased()
            seen[text, default: 0] += 1
            guard uses[text, default: 0] > 1 else { return "" }
            let parent = headings[..<index].last { $0.level < headings[index].level }
            return parent.map { "under “\($0.text)”" } ?? "part \(seen[text]!)"
        }
        // Two same-named entries under one parent still need telling apart: number them.
        var contextUses: [String: Int] = [:], contextSeen: [String: Int] = [:]
        for (heading, context) in zip(headings, contexts) where context.hasPrefix("under") {
            contextUses[heading.text.lowercased() + "\u{0}" + context, default: 0] += 1
        }
        return zip(headings, contexts).map { heading, context in
            let key = heading.text.lowercased() + "\u{0}" + context
            guard contextUses[key, default: 0] > 1 else { return context }
            contextSeen[key, default: 0] += 1
            return "\(context), part \(contextSeen[key]!)"
        }
    }
}
