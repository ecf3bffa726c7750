/// How one issue mentions one entity: how often, and in which sentences.
public struct IssueMention: Sendable, Hashable {
    /// A sentence quoting the entity, with the name's place in it.
    public struct Quote: Sendable, Hashable {
        public let sentence: String
        /// UTF-8 byte offsets of the name in `sentence`.
        public let highlight: Range<Int>

        public init(sentence: String, highlight: Range<Int>) {
            self.sentence = sentence
            self.highlight = highlight
        }
    }

    /// Index into `EntityRegistry.entities`.
    public let entity: Int
    /// Mentions in the text; 0 when the entity was only named in front matter (`entities:`).
    public var count: Int
    /// The first few sentences that mention it (at most `IssueMention.quoteLimit`).
    public var quotes: [Quote]

    /// Sentences kept per issue and entity: enough to show context, not the whole issue.
    public static let quoteLimit = 3

    public init(entity: Int, count: Int, quotes: [Quote]) {
        self.entity = entity
        self.count = count
        self.quotes = quotes
    }
}
