import Archive
import Search

/// What the site hands the search index: each issue as plain text by field.
///
/// Search knows nothing of newsletters, so this is where an issue becomes a
/// `SearchDocument`: title, summary, headings and body text, tag names, and the
/// names of the entities it mentions (so `entity:` and a query by name both work),
/// with the page it links to.
enum SearchDocuments {
    /// Each issue's document, newest first; `known` gives the document an issue with that
    /// source digest had in the last build, if it is still right (see `BuildMemory`).
    static func make(_ archive: NewsletterArchive, known: (Int) -> SearchDocument? = { _ in nil }) -> [SearchDocument] {
        let entities = archive.registry.entities
        return archive.issues.map { issue in
            if let digest = issue.sourceDigest, let document = known(digest) { return document }
            let mentioned = issue.mentions.map { entities[$0.entity] }
            return SearchDocument(
                fields: [
                    .title: issue.title,
                    .summary: issue.summary,
                    .headings: issue.body.headings.map(\.text).joined(separator: "\n"),
                    .body: issue.body.plainText,
                    .tags: issue.tags.joined(separator: "\n"),
                    .entities: mentioned.map(\.name).joined(separator: "\n"),
                ],
                date: issue.date.isoDate,
                url: SitePath.issue(issue.slug).value,
                tags: zip(issue.tagSlugs, issue.tags).map { SearchLabel(slug: $0, name: $1) },
                entities: mentioned.map(\.slug))
        }
    }

    /// The entities a query may name, most mentioned first, for the entity card.
    static func namedThings(_ archive: NewsletterArchive) -> [NamedThing] {
        archive.registry.entities.indices
            .sorted { archive.entityMentionCounts[$0] != archive.entityMentionCounts[$1]
                ? archive.entityMentionCounts[$0] > archive.entityMentionCounts[$1] : $0 < $1 }
            .map { index in
                let entity = archive.registry.entities[index]
                return NamedThing(names: entity.names.map(\.text), key: entity.slug, kind: entity.kind.rawValue,
                                  mentions: archive.entityMentionCounts[index], url: SitePath.entity(entity.slug).value)
            }
    }
}
