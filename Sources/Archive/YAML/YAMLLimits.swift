/// How far a YAML document may expand before reading it stops with an error.
///
/// YAML aliases let a few lines name exponentially many values ("billion laughs":
/// nine anchors, each a list of nine copies of the one before, is 387 million
/// values). Every value an alias stands for is counted as if written out, so the
/// work and memory of everything downstream stay bounded. The limits are far above
/// any real newsletter: front matter has tens of values, an entity registry of ten
/// thousand entities about a hundred thousand.
public struct YAMLLimits: Sendable, Equatable {
    /// Values (scalars, lists, mappings) after aliases are expanded.
    public var values: Int
    /// Lists and mappings inside each other.
    public var depth: Int
    /// Alias uses (`*name`).
    public var aliases: Int
    /// How the document is named in the message: "front matter", "entities.yml".
    public var subject: String

    /// Limits for `subject`.
    public init(values: Int, depth: Int, aliases: Int, subject: String) {
        self.values = values
        self.depth = depth
        self.aliases = aliases
        self.subject = subject
    }

    /// An issue's front matter.
    public static let frontMatter = YAMLLimits(values: 10_000, depth: 64, aliases: 1_000, subject: "front matter")

    /// `site.yml` or `entities.yml`, named `subject`.
    public static func dataFile(_ subject: String) -> YAMLLimits {
        YAMLLimits(values: 5_000_000, depth: 64, aliases: 100_000, subject: subject)
    }
}
