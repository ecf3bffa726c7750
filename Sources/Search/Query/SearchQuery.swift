/// A reader's query, parsed: what must match, what must not, and the filters.
///
/// The grammar is the one readers know from web search: words (all must match),
/// `"exact phrases"` anywhere, `-word` and `-"phrase"` to exclude, and the filters
/// `tag:`, `entity:`, `year:`, `after:` and `before:`. While the reader types, the
/// last word also matches as a prefix. Parsing never fails: whatever cannot be
/// read as intended is read as plain words, and `notes` says what was ignored.
public struct SearchQuery: Sendable, Equatable {
    /// A word to match, folded as the tokenizer folds it (not yet stemmed).
    public struct Term: Sendable, Equatable {
        public var text: String
        /// The last word of a query still being typed: `gpu` also finds `gpus`.
        public var isPrefix: Bool

        public init(_ text: String, isPrefix: Bool = false) {
            self.text = text
            self.isPrefix = isPrefix
        }
    }

    /// Words that must all match.
    public var terms: [Term] = []
    /// Phrases that must appear word for word, each as its words.
    public var phrases: [[String]] = []
    /// Words no result may contain.
    public var excludedTerms: [String] = []
    /// Phrases no result may contain.
    public var excludedPhrases: [[String]] = []
    /// `tag:` values, as written (matched against tag slugs and names).
    public var tags: [String] = []
    /// `entity:` values, as written (matched against entity slugs, names and aliases).
    public var entities: [String] = []
    /// `year:` values.
    public var years: [Int] = []
    /// `after:` date, `YYYY-MM-DD` (exclusive).
    public var after: String?
    /// `before:` date, `YYYY-MM-DD` (exclusive).
    public var before: String?
    /// What the parser ignored and why, for the reader ("ignored year:abc, not a year").
    public var notes: [String] = []

    /// An empty query.
    public init() {}

    /// True when nothing would select results (a query of only notes or exclusions).
    public var isEmpty: Bool {
        terms.isEmpty && phrases.isEmpty && tags.isEmpty && entities.isEmpty && years.isEmpty && after == nil && before == nil
    }
}
