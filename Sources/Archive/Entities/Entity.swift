/// A company, person, product, place… that issues mention, with a page of its own.
public struct Entity: Sendable, Hashable {
    /// What kind of thing an entity is; the entity index groups by it.
    public enum Kind: String, Sendable, CaseIterable, Comparable {
        case company, person, product, organization, place, project, other

        /// Plural heading for the entity index ("Companies").
        public var plural: String {
            switch self {
            case .company: return "Companies"
            case .person: return "People"
            case .product: return "Products"
            case .organization: return "Organizations"
            case .place: return "Places"
            case .project: return "Projects"
            case .other: return "Other"
            }
        }

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// Another name the entity goes by in the text.
    public struct Alias: Sendable, Equatable, Hashable {
        public let text: String
        /// Match any ASCII case ("nvidia", "NVIDIA"); names are case-sensitive otherwise,
        /// so the company Meta and the word "meta" differ.
        public let ignoreCase: Bool

        public init(text: String, ignoreCase: Bool = false) {
            self.text = text
            self.ignoreCase = ignoreCase
        }
    }

    public var name: String
    /// The URL name; Site decides where the page goes.
    public var slug: String
    public var kind: Kind
    public var aliases: [Alias]
    public var description: String
    /// The entity's own site, linked from its page.
    public var url: String?

    public init(name: String, slug: String, kind: Kind, aliases: [Alias] = [], description: String = "", url: String? = nil) {
        self.name = name
        self.slug = slug
        self.kind = kind
        self.aliases = aliases
        self.description = description
        self.url = url
    }

    /// The name and every alias, as the matcher looks for them.
    public var names: [Alias] { [Alias(text: name)] + aliases }
}
