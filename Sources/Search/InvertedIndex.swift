/// Every stemmed term's postings: which documents hold it, how often in each field,
/// and where in the document's token stream, for phrases and proximity.
///
/// Built once in memory from the documents (in parallel is the caller's choice:
/// `add` is cheap per document), then either queried directly or written out.
/// Deterministic: the same documents in the same order give the same index.
public struct InvertedIndex: Sendable {
    /// One document's occurrences of one term.
    public struct Posting: Sendable, Equatable {
        public var document: Int
        /// Occurrences per field, indexed by `SearchField.rawValue`.
        public var frequencies: [UInt16]
        /// Token positions in the document (fields concatenated in `SearchField` order,
        /// with a gap between fields so no phrase spans two).
        public var positions: [Int]
    }

    /// Postings by stemmed term, each list in document order.
    public private(set) var postings: [String: [Posting]] = [:]
    /// Tokens per field of each document, for length normalisation.
    public private(set) var lengths: [[Int]] = []
    /// The documents, in id order.
    public private(set) var documents: [SearchDocument] = []
    /// Unstemmed forms seen for each stem, for prefix and typo matching.
    public private(set) var surfaceForms: [String: Set<String>] = [:]
    /// Each surface form's stem, so a word is stemmed once per index, not per occurrence.
    private var stems: [String: String] = [:]

    /// The gap left between fields' positions.
    static let fieldGap = 1_000

    /// An empty index.
    public init() {}

    /// Indexes `document` as the next id.
    public mutating func add(_ document: SearchDocument) {
        let id = documents.count
        documents.append(document)
        var fieldLengths = Array(repeating: 0, count: SearchField.allCases.count)
        var local: [String: Posting] = [:]
        var offset = 0
        let tokenizer = Tokenizer()
        let empty = Posting(document: id, frequencies: Array(repeating: 0, count: SearchField.allCases.count), positions: [])
        for field in SearchField.allCases {
            guard let text = document.fields[field], !text.isEmpty else { continue }
            let tokens = tokenizer.tokens(text)
            fieldLengths[field.rawValue] = tokens.count
            for token in tokens {
                let term = stem(token)
                // Mutated in place through the subscript, so the arrays are not copied per token.
                local[term, default: empty].frequencies[field.rawValue] &+= 1
                local[term, default: empty].positions.append(offset + token.position)
            }
            offset += tokens.count + Self.fieldGap
        }
        lengths.append(fieldLengths)
        for (term, posting) in local {
            postings[term, default: []].append(posting)
        }
    }

    private mutating func stem(_ token: Token) -> String {
        if let known = stems[token.text] { return known }
        let term = token.isCJK ? token.text : EnglishStemmer.stem(token.text)
        stems[token.text] = term
        surfaceForms[term, default: []].insert(token.text)
        return term
    }

    /// Mean tokens per field over all documents (1 where a field is always empty).
    public var averageLengths: [Double] {
        guard !lengths.isEmpty else { return Array(repeating: 1, count: SearchField.allCases.count) }
        return SearchField.allCases.map { field in
            let total = lengths.reduce(0) { $0 + $1[field.rawValue] }
            return total == 0 ? 1 : Double(total) / Double(lengths.count)
        }
    }
}
