import Markup
import Parallel

/// Proposes names for the entity registry: repeated names in the issues that it lacks.
///
/// It reads the issues' plain text line by line and counts candidates by exact text in a `Dictionary`:
/// names of 2–5 capitalised words ("Bank of America"), products with digits ("GB300", "Llama 4") and
/// tickers ("$NVDA"). Each rule is a named predicate in `NameSuggester+Rules.swift`, over the word
/// lists in `Resources/name-suggester-words.txt`; sentences come from Markup's `Sentence`.
public enum NameSuggester {
    /// The best `limit` candidates seen at least `minimumCount` times, most frequent first
    /// (then in more documents, then by name in code point order).
    ///
    /// `documents` are (path, plain text), paragraphs on their own lines. `known` holds every
    /// registered name and alias, and lowercased forms of case-insensitive ones: a candidate
    /// equal to one, or holding one as whole words, is left out.
    public static func suggest(documents: [(path: String, text: String)], known: Set<String>, limit: Int = 50,
                               minimumCount: Int = 2) -> [NameSuggestion] {
        guard limit > 0, !documents.isEmpty else { return [] }
        // Stretches of documents are read in parallel, then absorbed in document order.
        let size = max(1, documents.count / 16)
        let stretches = stride(from: 0, to: documents.count, by: size).map { $0..<min($0 + size, documents.count) }
        let parts = (try? stretches.concurrentMap { range -> Scan in  // the closure cannot throw
            range.reduce(into: Scan()) { scan, document in scan.read(Array(documents[document].text.utf8), document: document) }
        }) ?? []
        var scan = parts.reduce(into: Scan()) { $0.absorb($1) }
        resolve(&scan)
        let ranked = scan.tallies.filter { !$0.key.sentenceInitial && $0.value.count >= minimumCount }.sorted { a, b in
            let (x, y) = ((a.value.count, a.value.documents.count), (b.value.count, b.value.documents.count))
            return x != y ? x > y : a.key.text.utf8.lexicographicallyPrecedes(b.key.text.utf8)
        }
        return Array(ranked.lazy.filter { !isKnown($0.key, followsThe: $0.value.followsThe, in: known) }.prefix(limit).map { candidate, tally in
            let (document, range) = (tally.example.document, tally.example.start..<tally.example.end)
            return NameSuggestion(name: candidate.text, count: tally.count, documentCount: tally.documents.count,
                                  example: Sentence.around(range, in: Array(documents[document].text.utf8), reach: exampleReach).0,
                                  examplePath: documents[document].path, reason: candidate.kind)
        })
    }

    static let exampleReach = 80  // bytes of an example on each side of the name

    /// A candidate; one that starts a sentence waits for `resolve` to judge its first word.
    struct Candidate: Hashable {
        var text: String, kind: NameSuggestion.Reason, sentenceInitial = false
    }

    /// How often a candidate occurs, where, and the occurrence to quote: the first whose sentence
    /// has 30 bytes besides the name ("Introducing Qwen3!" gives way to a longer one), else the first.
    struct Tally {
        var count = 0, documents: Set<Int> = [], followsThe = false
        /// Ordered so that the better example is the smaller.
        var example = (short: 1, document: 0, start: 0, end: 0)

        mutating func add(at range: Range<Int>, in text: [UInt8], document: Int, followsThe: Bool) {
            if example.short == 1, case let short = Sentence.bounds(around: range, in: text, reach: exampleReach).0.count - range.count < 30,
               count == 0 || !short {
                example = (short ? 1 : 0, document, range.lowerBound, range.upperBound)
            }
            (count, self.followsThe) = (count + 1, self.followsThe || followsThe)
            documents.insert(document)
        }

        mutating func absorb(_ other: Tally) {
            if count == 0 || other.example < example { example = other.example }
            (count, followsThe) = (count + other.count, followsThe || other.followsThe)
            documents.formUnion(other.documents)
        }
    }

    /// Whether `candidate` is or holds a known name as whole words, as written or lowercased (a
    /// ticker also without its `$`, a name also after "The").
    static func isKnown(_ candidate: Candidate, followsThe: Bool, in known: Set<String>) -> Bool {
        let words = candidate.text.split(separator: " ").map(String.init)
        let phrases = candidate.kind == .ticker ? [candidate.text, String(candidate.text.dropFirst())]
            : words.indices.flatMap { start in (start..<words.count).map { words[start...$0].joined(separator: " ") } }
                + (followsThe ? words.indices.map { (["The"] + words[...$0]).joined(separator: " ") } : [])
        return phrases.contains { known.contains($0) || known.contains($0.lowercased()) }
    }
}
