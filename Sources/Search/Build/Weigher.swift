import Foundation

/// BM25F, over the fields of one posting: each field's frequency weighed and
/// normalised by that field's length, then saturated once (k1, b from `IndexOptions`).
///
/// The archive-wide numbers it uses, each field's average length and (in
/// `IndexBuilder`) the highest weight that sets the impact scale, are rounded to a
/// sixteenth of an octave (`Weigher.rounded`). Without the rounding, editing one word of
/// one issue would move every average a little, and so every impact of every issue
/// could change; with it, an edit changes only the impacts of the words the edited
/// issue has, which is what lets `serve` rebuild only those terms (`IndexMemory`).
struct Weigher: Sendable {
    let documentCount: Int
    /// Each field's average length, rounded (`rounded`).
    let averages: [Double]
    /// Per document and field (`SearchField.allCases.count` values a document), the
    /// field's weight over its length normalisation: what one occurrence there is worth
    /// before saturation. Worked out once here rather than for each of millions of postings.
    let fieldScales: [Double]

    /// A weigher for documents whose field lengths are `lengths`
    /// (`SearchField.allCases.count` values a document).
    init(lengths: [Int32], documentCount: Int) {
        self.documentCount = documentCount
        let weights = SearchField.allCases.map(\.weight)
        let fieldCount = weights.count
        let averages = (0..<fieldCount).map { field in
            var total = 0
            for document in 0..<documentCount { total += Int(lengths[document * fieldCount + field]) }
            return total == 0 || documentCount == 0 ? 1 : Self.rounded(Double(total) / Double(documentCount))
        }
        var scales = [Double](repeating: 0, count: documentCount * fieldCount)
        for document in 0..<documentCount {
            for field in 0..<fieldCount {
                let length = Double(lengths[document * fieldCount + field])
                scales[document * fieldCount + field] = weights[field] / (1 - IndexOptions.b + IndexOptions.b * length / averages[field])
            }
        }
        self.averages = averages
        fieldScales = scales
    }

    /// The inverse document frequency of a stem that `frequency` documents hold, BM25's
    /// (never negative).
    func idf(frequency: Int) -> Double {
        let frequency = Double(frequency)
        return log(1 + (Double(documentCount) - frequency + 0.5) / (frequency + 0.5))
    }

    /// The weight of `posting`, whose stem has inverse document frequency `idf`: the idf
    /// times the posting's saturated frequency, so that a stem's highest weight is its idf
    /// times its highest saturation, exactly (rounding is monotonic).
    func weight(_ posting: CollectedPostings.Posting, idf: Double) -> Double {
        idf * saturation(posting)
    }

    /// `posting`'s fields' frequencies, weighed, normalised and saturated: its weight over
    /// its stem's idf.
    func saturation(_ posting: CollectedPostings.Posting) -> Double {
        let fieldCount = posting.frequencies.count
        let base = posting.document * fieldCount
        var weighted = 0.0
        for field in 0..<fieldCount {
            let occurrences = posting.frequencies[field]
            guard occurrences > 0 else { continue }
            weighted += Double(occurrences) * fieldScales[base + field]
        }
        return weighted * (IndexOptions.k1 + 1) / (weighted + IndexOptions.k1)
    }

    /// Steps per octave of the rounding.
    static let stepsPerOctave = 16.0

    /// `value` (positive) rounded to the nearest sixteenth of an octave: within 2.2% of
    /// it, and the same for every value near it.
    static func rounded(_ value: Double) -> Double {
        exp2((log2(value) * stepsPerOctave).rounded() / stepsPerOctave)
    }

    /// `value` (positive) rounded up to a sixteenth of an octave: at least `value`, so
    /// that a scale made from it keeps every impact within a byte.
    static func roundedUp(_ value: Double) -> Double {
        let up = exp2((log2(value) * stepsPerOctave).rounded(.up) / stepsPerOctave)
        return up >= value ? up : exp2(((log2(value) * stepsPerOctave).rounded(.up) + 1) / stepsPerOctave)
    }
}
