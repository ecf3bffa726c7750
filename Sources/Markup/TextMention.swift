/// A name found in a document's prose, with the sentence it stands in.
///
/// Markup knows nothing of entities: `key` is whatever the caller's matcher
/// returned (Broadsheet uses the entity's index).
public struct TextMention: Sendable, Equatable {
    /// The caller's id for what was matched.
    public let key: Int
    /// The sentence around the mention, as plain text.
    public let sentence: String
    /// Where the matched name sits in `sentence`, in UTF-8 byte offsets, for highlighting.
    public let highlight: Range<Int>
    /// How many headings come before the mention: 0 before the first heading.
    public let section: Int
    /// Whether this mention was turned into a link.
    public let linked: Bool

    public init(key: Int, sentence: String, highlight: Range<Int>, section: Int, linked: Bool) {
        self.key = key
        self.sentence = sentence
        self.highlight = highlight
        self.section = section
        self.linked = linked
    }
}

/// A match reported by the caller's finder: byte offsets into one text node.
public struct TextMatch: Sendable, Equatable {
    public let range: Range<Int>
    public let key: Int

    public init(range: Range<Int>, key: Int) {
        self.range = range
        self.key = key
    }
}
