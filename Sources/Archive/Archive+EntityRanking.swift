/// The orders and sets the `entities` commands show, kept here so tests can reach them.
extension NewsletterArchive {
    /// Entity indices, most mentioned first; then in more issues; then by name.
    public var entitiesByMentions: [Int] {
        registry.entities.indices.sorted { a, b in
            if entityMentionCounts[a] != entityMentionCounts[b] { return entityMentionCounts[a] > entityMentionCounts[b] }
            if entityIssues[a].count != entityIssues[b].count { return entityIssues[a].count > entityIssues[b].count }
            return registry.entities[a].name < registry.entities[b].name
        }
    }
}

extension EntityRegistry {
    /// Every name and alias as written, and in lowercase for an alias that ignores case:
    /// what the name suggester must not propose again.
    public var knownNames: Set<String> {
        var known: Set<String> = []
        for entity in entities {
            for alias in entity.names {
                known.insert(alias.text)
                if alias.ignoreCase { known.insert(alias.text.lowercased()) }
            }
        }
        return known
    }
}
