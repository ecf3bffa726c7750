/// One word of indexed or queried text, as the tokenizer found it.
public struct Token: Sendable, Equatable {
    /// The word lowercased, diacritics folded (`café` → `cafe`), not stemmed.
    public var text: String
    /// Its place among the text's tokens, 0-based, for phrases and proximity.
    public var position: Int
    /// Where it is in the source, as UTF-8 byte offsets, for highlighting.
    public var range: Range<Int>
    /// True for a CJK character bigram (or a lone CJK character), which is never stemmed.
    public var isCJK: Bool

    /// A token.
    public init(text: String, position: Int, range: Range<Int>, isCJK: Bool = false) {
        self.text = text
        self.position = position
        self.range = range
        self.isCJK = isCJK
    }
}
