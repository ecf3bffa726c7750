import Markup

/// Finds an issue's entity mentions, links them per the policy, and sums them up per entity.
enum MentionCollector {
    static func collect(in document: MarkdownDocument, linking: MentionLinking,
                        added: [Int], excluded: Set<Int>) -> [IssueMention] {
        let registry = linking.registry
        guard !registry.entities.isEmpty else { return [] }
        var linkedOnce: Set<Int> = []
        var linkedInSection: Set<[Int]> = []
        let found = document.linkMentions(
            find: { bytes in
                registry.matcher.matches(in: bytes).compactMap { match in
                    excluded.contains(match.key) ? nil : TextMatch(range: match.range, key: match.key)
                }
            },
            link: { key, section in
                switch linking.policy {
                case .none: return nil
                case .all: return EntityLinkPlaceholder.href(key)
                case .first: return linkedOnce.insert(key).inserted ? EntityLinkPlaceholder.href(key) : nil
                case .firstPerSection: return linkedInSection.insert([key, section]).inserted ? EntityLinkPlaceholder.href(key) : nil
                }
            })
        var order: [Int] = []
        var byEntity: [Int: IssueMention] = [:]
        for mention in found {
            if byEntity[mention.key] == nil {
                order.append(mention.key)
                byEntity[mention.key] = IssueMention(entity: mention.key, count: 0, quotes: [])
            }
            byEntity[mention.key]!.count += 1
            if byEntity[mention.key]!.quotes.count < IssueMention.quoteLimit,
               byEntity[mention.key]!.quotes.last?.sentence != mention.sentence {
                byEntity[mention.key]!.quotes.append(IssueMention.Quote(sentence: mention.sentence, highlight: mention.highlight))
            }
        }
        for entity in added where byEntity[entity] == nil && !excluded.contains(entity) {
            order.append(entity)
            byEntity[entity] = IssueMention(entity: entity, count: 0, quotes: [])
        }
        return order.compactMap { byEntity[$0] }
    }
}
