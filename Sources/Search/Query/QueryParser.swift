import Foundation

/// Reads the query language of `SearchQuery` from what a reader typed.
///
/// Works on the query's Unicode scalars (queries are short), and hands every word
/// to the same `Tokenizer` the index uses, so `GB200-based` in a query and in an
/// issue split alike.
public struct QueryParser: Sendable {
    /// The filters the grammar knows; any other `name:value` is plain text.
    public static let filterNames: Set<String> = ["tag", "entity", "year", "after", "before"]

    private let tokenizer = Tokenizer()

    /// A parser.
    public init() {}

    /// Parses `text`. Never fails; see `SearchQuery.notes`.
    public func parse(_ text: String) -> SearchQuery {
        var query = SearchQuery()
        var lexer = QueryLexer(text)
        var pieces = lexer.pieces()
        if let last = pieces.last, case .word(let word, negated: false) = last.kind, !last.endsWithSpace,
           !word.contains(":") {
            pieces[pieces.count - 1].prefixCandidate = true
        }
        for piece in pieces {
            switch piece.kind {
            case .unclosedQuote(let rest):
                query.notes.append("ignored an unclosed quote; read \"\(rest)\" as words")
                addWords(rest, to: &query, negated: false, prefixLast: false)
            case .phrase(let phrase, let negated):
                let words = tokenizer.words(phrase)
                if words.isEmpty { continue }
                if negated {
                    query.excludedPhrases.append(words)
                } else if words.count == 1 {
                    query.terms.append(SearchQuery.Term(words[0]))
                } else {
                    query.phrases.append(words)
                }
            case .word(let word, let negated):
                if !negated, let colon = word.firstIndex(of: ":"),
                   Self.filterNames.contains(String(word[..<colon]).lowercased()) {
                    addFilter(name: String(word[..<colon]).lowercased(), value: String(word[word.index(after: colon)...]),
                              quoted: piece.quotedValue, to: &query)
                } else {
                    addWords(piece.quotedValue ?? word, to: &query, negated: negated, prefixLast: piece.prefixCandidate)
                }
            }
        }
        return query
    }

    private func addWords(_ text: String, to query: inout SearchQuery, negated: Bool, prefixLast: Bool) {
        let words = tokenizer.words(text)
        for (index, word) in words.enumerated() {
            if negated {
                query.excludedTerms.append(word)
            } else {
                query.terms.append(SearchQuery.Term(word, isPrefix: prefixLast && index == words.count - 1))
            }
        }
    }

    private func addFilter(name: String, value raw: String, quoted: String?, to query: inout SearchQuery) {
        // Foundation's whitespace and newlines: Unicode White_Space and U+200B, the set
        // query.js trims with, so the engines agree.
        let value = (quoted ?? raw).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else {
            query.notes.append("ignored \(name): with no value")
            return
        }
        switch name {
        case "tag": query.tags.append(value)
        case "entity": query.entities.append(value)
        case "year":
            if let year = Int(value), (1...9999).contains(year), value.allSatisfy(\.isASCII) {
                query.years.append(year)
            } else {
                query.notes.append("ignored year:\(value), not a year")
            }
        default:  // after, before
            if let date = Self.isoDate(value) {
                if name == "after" { query.after = date } else { query.before = date }
            } else {
                query.notes.append("ignored \(name):\(value), not a date (write YYYY-MM-DD)")
            }
        }
    }

    /// `2025`, `2025-03` or `2025-03-09`, as a full `YYYY-MM-DD`; nil otherwise.
    static func isoDate(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
              let year = Int(parts[0]), year > 0 else { return nil }
        let month = parts.count > 1 ? Int(parts[1]) : 1
        let day = parts.count > 2 ? Int(parts[2]) : 1
        guard let month, let day, (1...12).contains(month), (1...31).contains(day),
              parts.dropFirst().allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCII) }) else { return nil }
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts[0])-\(pad(month))-\(pad(day))"
    }
}
