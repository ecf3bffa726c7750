import Markup
import Parallel

/// Proposes names for the entity registry: repeated names in the issues that it lacks.
///
/// It reads the issues' plain text line by line and counts three kinds of candidate by exact
/// text in a `Dictionary`:
/// - **name**: 2–5 capitalised words with only spaces between them ("Point72 Asset
///   Management"), and up to two connectors between two of them ("Bank of America",
///   "Procter & Gamble"). A possessive ends a name after its word ("Goldman Sachs’s").
/// - **product**: letters and digits with a capital ("GB300", "Qwen3-Omni", "GB200s" as
///   "GB200"), or a name and a version ("Llama 4", "Claude 2.1"); not amounts, units,
///   ordinals or reporting periods ("$53B", "10GW", "2nd", "Q3", "FY2025").
/// - **ticker**: `$` and 1–5 capitals ("$NVDA"), not a dollar amount.
///
/// Each rule is a named predicate in `NameSuggester+Rules.swift`, over the word lists in
/// `Resources/name-suggester-words.txt`. Sentences come from Markup's `Sentence`, the
/// splitter that entity pages use too.
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
            var scan = Scan()
            for document in range { scan.read(Array(documents[document].text.utf8), document: document) }
            return scan
        }) ?? []
        var scan = Scan()
        for part in parts { scan.absorb(part) }
        resolve(&scan)

        let ranked = scan.tallies.filter { !$0.key.sentenceInitial && $0.value.count >= minimumCount }.sorted { a, b in
            if a.value.count != b.value.count { return a.value.count > b.value.count }
            if a.value.documents.count != b.value.documents.count { return a.value.documents.count > b.value.documents.count }
            return a.key.text.utf8.lexicographicallyPrecedes(b.key.text.utf8)
        }
        return Array(ranked.lazy.filter { !isKnown($0.key, followsThe: $0.value.followsThe, in: known) }.prefix(limit).map { candidate, tally in
            let text = Array(documents[tally.example.document].text.utf8)
            return NameSuggestion(name: candidate.text, count: tally.count, documentCount: tally.documents.count,
                                  example: Sentence.around(tally.example.range, in: text, reach: exampleReach).0,
                                  examplePath: documents[tally.example.document].path, reason: candidate.kind)
        })
    }

    /// How far an example reaches on each side of the name, in bytes.
    static let exampleReach = 80

    /// A candidate's text and kind. One that starts a sentence is kept apart until `resolve`
    /// decides whether its first word belongs to it.
    struct Candidate: Hashable {
        var text: String
        var kind: NameSuggestion.Reason
        var sentenceInitial = false
    }

    /// How often a candidate occurs, where, and the occurrence to quote: the first whose
    /// sentence has 30 bytes or more besides the name ("Introducing Qwen3!" gives way to a
    /// longer one), else the first.
    struct Tally {
        var count = 0
        var documents: Set<Int> = []
        /// Some occurrence followed a "The" that was dropped ("The Next Platform").
        var followsThe = false
        var example = (isShort: true, document: 0, range: 0..<0)

        mutating func add(at range: Range<Int>, in text: [UInt8], document: Int, followsThe: Bool) {
            if example.isShort, case let short = Sentence.bounds(around: range, in: text, reach: exampleReach).0.count - range.count < 30,
               count == 0 || !short {
                example = (short, document, range)
            }
            count += 1
            documents.insert(document)
            self.followsThe = self.followsThe || followsThe
        }

        mutating func absorb(_ other: Tally) {
            if count == 0 || (other.example.isShort ? 1 : 0, other.example.document, other.example.range.lowerBound)
                < (example.isShort ? 1 : 0, example.document, example.range.lowerBound) {
                example = other.example
            }
            count += other.count
            documents.formUnion(other.documents)
            followsThe = followsThe || other.followsThe
        }
    }

    /// Whether `candidate` is a known name or (with several words) holds one as whole words,
    /// as written or lowercased; a ticker also without its `$`, a name also after "The".
    static func isKnown(_ candidate: Candidate, followsThe: Bool, in known: Set<String>) -> Bool {
        func matches(_ words: ArraySlice<String>) -> Bool {
            let text = words.joined(separator: " ")
            return known.contains(text) || known.contains(text.lowercased())
        }
        if candidate.kind == .ticker { return matches([candidate.text]) || matches([String(candidate.text.dropFirst())]) }
        let words = candidate.text.split(separator: " ").map(String.init)
        guard words.count > 1 else { return matches(words[...]) }
        return words.indices.contains { start in (start..<words.count).contains { matches(words[start...$0]) } }
            || (followsThe && words.indices.contains { matches((["The"] + words[...$0])[...]) })
    }
}
