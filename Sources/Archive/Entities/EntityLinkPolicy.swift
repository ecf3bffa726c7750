/// Which mentions of an entity become links to its page (`entity_links:` in site.yml).
///
/// Linking every mention clutters prose; the default links each entity once per
/// issue, as Wikipedia's style guide does for articles.
public enum EntityLinkPolicy: String, Sendable, CaseIterable {
    /// The first mention of each entity in each issue.
    case first
    /// The first mention of each entity in each section (between headings).
    case firstPerSection = "first-per-section"
    /// Every mention.
    case all
    /// None: entity pages and backlinks are still made, the prose is left alone.
    case none
}

/// What the issue parser needs to find and link entities.
/// Linked mentions get a placeholder href (`EntityLinkPlaceholder`) that Site resolves.
public struct MentionLinking: Sendable {
    public let registry: EntityRegistry
    public let policy: EntityLinkPolicy

    public init(registry: EntityRegistry, policy: EntityLinkPolicy) {
        self.registry = registry
        self.policy = policy
    }

    /// No registry: nothing is matched.
    public static let disabled = MentionLinking(registry: .empty, policy: .none)
}
