import Foundation

/// Ranks documents for a `SearchQuery` over an `InvertedIndex`.
///
/// - Every query word must match (a phrase's words too, in order and adjacent).
///   A word whose stem keeps a final s also matches without it, when the index has
///   that (`gpus` → `gpu`, as the tokenizer indexes `GPUs`).
/// - Ranking is BM25F (k1 1.2, b 0.75) with the field weights of `SearchField`,
///   times a bonus when the words stand close together in the text.
/// - The last word, while typed, also matches longer words it begins (`gpu` →
///   `gpus`); a word of five or more letters that is missing or rare also matches
///   words one edit away with the same first letter, ranked lower.
///
/// The browser engine is a port of this one and must give the same results.
public struct SearchEngine: Sendable {
    public static let k1 = 1.2
    public static let b = 0.75
    /// Score factor for a word matched only as a prefix of a longer one.
    public static let prefixWeight = 0.8
    /// Score factor for a word matched only through a typo.
    public static let typoWeight = 0.5
    /// A word this rare (document frequency at or below) also gets typo matches.
    public static let rareDocumentFrequency = 2
    /// Words shorter than this never get typo matches.
    public static let typoMinimumLength = 5

    public let index: InvertedIndex
    private let averageLengths: [Double]

    /// An engine over `index`.
    public init(index: InvertedIndex) {
        self.index = index
        self.averageLengths = index.averageLengths
    }

    /// The stems a query word stands for, each with its weight.
    func expansions(of term: SearchQuery.Term) -> [(stem: String, weight: Double)] {
        let word = term.text
        let stem = isCJK(word) ? word : EnglishStemmer.stem(word)
        var result: [String: Double] = [:]
        if index.postings[stem] != nil { result[stem] = 1 }
        // "gpus" typed in lowercase: the stemmer keeps its s (as in "this"), but the
        // index holds acronym plurals as their singular, so try that too.
        if stem.hasSuffix("s"), stem.count > 2, index.postings[String(stem.dropLast())] != nil {
            result[String(stem.dropLast())] = 1
        }
        if term.isPrefix {
            for (candidate, forms) in index.surfaceForms where candidate != stem {
                if forms.contains(where: { $0.hasPrefix(word) && $0 != word }) {
                    result[candidate] = max(result[candidate] ?? 0, Self.prefixWeight)
                }
            }
        }
        let frequency = index.postings[stem]?.count ?? 0
        let bytes = Array(word.utf8)
        if bytes.count >= Self.typoMinimumLength, frequency <= Self.rareDocumentFrequency {
            for (candidate, forms) in index.surfaceForms where result[candidate] == nil {
                if forms.contains(where: { form in
                    let other = Array(form.utf8)
                    return other.first == bytes.first && other != bytes && EditDistance.withinOne(bytes, other)
                }) {
                    result[candidate] = Self.typoWeight
                }
            }
        }
        return result.map { ($0.key, $0.value) }.sorted { $0.stem < $1.stem }
    }

    private func isCJK(_ word: String) -> Bool {
        word.unicodeScalars.first.map(TokenScanner.isCJK) ?? false
    }

    /// BM25F weight of one posting for a term of document frequency `frequency`.
    func score(_ posting: InvertedIndex.Posting, documentFrequency frequency: Int) -> Double {
        let count = Double(index.documents.count)
        let idf = log(1 + (count - Double(frequency) + 0.5) / (Double(frequency) + 0.5))
        var weighted = 0.0
        let lengths = index.lengths[posting.document]
        for field in SearchField.allCases where posting.frequencies[field.rawValue] > 0 {
            let normalised = 1 - Self.b + Self.b * Double(lengths[field.rawValue]) / averageLengths[field.rawValue]
            weighted += field.weight * Double(posting.frequencies[field.rawValue]) / normalised
        }
        return idf * weighted * (Self.k1 + 1) / (weighted + Self.k1)
    }
}
