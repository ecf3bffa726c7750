/// One document's terms, as the tokenizer and stemmer found them: the first pass of
/// building an index, run on every core at once (documents are independent).
///
/// Stored flat (one array per property, indexed by the document's local term number)
/// so that ten thousand documents do not make millions of small arrays.
struct DocumentAnalysis: Sendable {
    /// Each distinct stem, in order of first appearance.
    var stems: [String] = []
    /// Occurrences per field: `SearchField.allCases.count` values per stem.
    var frequencies: [UInt16] = []
    /// Where each stem's positions start in `positions`; one extra at the end.
    var positionStarts: [Int32] = [0]
    /// Token positions, stem by stem (fields concatenated, `fieldGap` apart).
    var positions: [Int32] = []
    /// Each stem's excerpt: the words around its first occurrence in the best field.
    var windows: [TextWindow] = []
    /// Tokens per field, for length normalisation.
    var lengths: [Int32] = Array(repeating: 0, count: SearchField.allCases.count)
    /// The excerpt for a stem found only in the title, tags or entity names.
    var fallback = TextWindow.none

    /// Positions of fields are this far apart, so no phrase spans two.
    static let fieldGap: Int32 = 1_000

    func positions(of local: Int) -> ArraySlice<Int32> {
        positions[Int(positionStarts[local])..<Int(positionStarts[local + 1])]
    }

    func frequency(of local: Int, in field: SearchField) -> Int {
        Int(frequencies[local * SearchField.allCases.count + field.rawValue])
    }
}

/// Some words of one field of a document, as UTF-8 byte offsets into that field's text.
struct TextWindow: Sendable, Equatable {
    var field: SearchField?
    var start: Int32
    var end: Int32
    /// Whether text was cut off before and after, for the "…" marks.
    var cutBefore: Bool
    var cutAfter: Bool

    static let none = TextWindow(field: nil, start: 0, end: 0, cutBefore: false, cutAfter: false)

    /// The words `radius` either side of token `index` of `tokens`.
    init(field: SearchField, tokens: [Token], around index: Int, radius: Int) {
        let first = max(0, index - radius)
        let last = min(tokens.count - 1, index + radius)
        self.init(field: field, start: Int32(tokens[first].range.lowerBound), end: Int32(tokens[last].range.upperBound),
                  cutBefore: first > 0, cutAfter: last < tokens.count - 1)
    }

    init(field: SearchField?, start: Int32, end: Int32, cutBefore: Bool, cutAfter: Bool) {
        self.field = field
        self.start = start
        self.end = end
        self.cutBefore = cutBefore
        self.cutAfter = cutAfter
    }

    /// The window's text in `document`, with "…" where it was cut.
    func text(in document: SearchDocument) -> String {
        guard let field, let source = document.fields[field] else { return "" }
        let utf8 = Array(source.utf8)
        guard start >= 0, end <= utf8.count, start <= end else { return "" }
        let words = String(decoding: utf8[Int(start)..<Int(end)], as: UTF8.self)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return (cutBefore ? "…" : "") + words + (cutAfter ? "…" : "")
    }
}

/// Tokenizes and stems documents, remembering each word's stem so it is stemmed
/// once per analyzer rather than once per occurrence.
struct DocumentAnalyzer {
    /// Words either side of a match in an excerpt.
    let radius: Int
    private let tokenizer = Tokenizer()
    /// Surface form → stem, for every form this analyzer has met.
    private(set) var stems: [String: String] = [:]

    init(radius: Int) {
        self.radius = radius
    }

    /// Which field an excerpt is best taken from (lower is better); nil for none.
    private static func excerptRank(_ field: SearchField) -> Int? {
        switch field {
        case .body: return 0
        case .summary: return 1
        case .headings: return 2
        default: return nil
        }
    }

    mutating func analyze(_ document: SearchDocument) -> DocumentAnalysis {
        var analysis = DocumentAnalysis()
        let fieldCount = SearchField.allCases.count
        var local: [String: Int] = [:]
        var positionLists: [[Int32]] = []
        var windowRanks: [Int] = []
        var offset: Int32 = 0
        for field in SearchField.allCases {
            guard let text = document.fields[field], !text.isEmpty else { continue }
            let tokens = tokenizer.tokens(text)
            analysis.lengths[field.rawValue] = Int32(tokens.count)
            let rank = Self.excerptRank(field)
            for (index, token) in tokens.enumerated() {
                let stem = stem(token)
                let id: Int
                if let known = local[stem] {
                    id = known
                } else {
                    id = analysis.stems.count
                    local[stem] = id
                    analysis.stems.append(stem)
                    analysis.frequencies.append(contentsOf: repeatElement(0, count: fieldCount))
                    positionLists.append([])
                    analysis.windows.append(.none)
                    windowRanks.append(Int.max)
                }
                analysis.frequencies[id * fieldCount + field.rawValue] &+= 1
                positionLists[id].append(offset + Int32(token.position))
                if let rank, rank < windowRanks[id] {
                    windowRanks[id] = rank
                    analysis.windows[id] = TextWindow(field: field, tokens: tokens, around: index, radius: radius)
                }
            }
            if !tokens.isEmpty, field == .summary || (field == .body && analysis.fallback.field == nil) {
                analysis.fallback = TextWindow(field: field, tokens: tokens, around: radius, radius: radius)
            }
            offset += Int32(tokens.count) + DocumentAnalysis.fieldGap
        }
        for list in positionLists {
            analysis.positions.append(contentsOf: list)
            analysis.positionStarts.append(Int32(analysis.positions.count))
        }
        for id in analysis.windows.indices where analysis.windows[id].field == nil {
            analysis.windows[id] = analysis.fallback
        }
        return analysis
    }

    private mutating func stem(_ token: Token) -> String {
        if let known = stems[token.text] { return known }
        let stem = token.isCJK ? token.text : EnglishStemmer.stem(token.text)
        stems[token.text] = stem
        return stem
    }
}
