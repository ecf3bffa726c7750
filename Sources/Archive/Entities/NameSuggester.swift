import Foundation

/// A name the registry lacks.
public struct NameSuggestion: Sendable, Equatable {
    public let name: String
    /// Occurrences across all documents.
    public let count: Int
    /// Documents it occurs in.
    public let documentCount: Int
    /// One sentence where it occurs (trimmed to at most ~200 characters around the name).
    public let example: String
    /// The document (path) the example comes from.
    public let examplePath: String
    /// Why it is a candidate: "name" (capitalised multi-word name), "ticker" ($NVDA), "product" (GB300, Qwen3).
    public let reason: String

    public init(name: String, count: Int, documentCount: Int, example: String, examplePath: String, reason: String) {
        self.name = name
        self.count = count
        self.documentCount = documentCount
        self.example = example
        self.examplePath = examplePath
        self.reason = reason
    }
}

/// Proposes names for the entity registry: repeated names in the issues that it lacks.
///
/// One pass over each document's UTF-8 bytes (no regular expressions) finds three kinds of
/// candidate, counted by exact text:
///
/// - **name**: a run of 2–5 capitalised words on one line with only spaces between them
///   ("Goldman Sachs", "Point72 Asset Management"), which may hold up to two of the connectors
///   of, de, van, von, der, la, le, du, and, & between two capitalised words ("Bank of
///   America"). Any other punctuation ends a run, and a possessive ("Goldman Sachs’s",
///   "Aker's", "Sachs’") ends it after its word, stripped. A capitalised word is one whose first
///   letter is a capital, or a lowercase-initial word with a capital inside ("xAI", "iPhone");
///   a hyphenated word counts only if its last part is not lowercase ("Lip-Bu", "Qwen3-Omni",
///   but not "UK-based" or "European-headquartered").
/// - **ticker**: `$` and 1–5 capitals ("$NVDA", also "$BRK.B"), not touching a word character
///   on either side; dollar amounts ("$2.7B", "$14.6 billion") are not tickers.
/// - **product**: a token of letters and digits with a capital ("GB300", "Qwen3", "MI300X",
///   "Llama-3", "GPT-4o", "Qwen3-Omni"), a trailing plural `s` dropped ("GB200s" → "GB200");
///   also a capitalised name followed by a version number of 1–3 digits and at most two
///   decimals ("Llama 4", "Claude 2.1", "Microsoft 365"). Not products: numbers, amounts and
///   unit quantities ("2025", "27,000", "$53B", "4.8B", "10GW", "300MW", "128K"), ordinals
///   ("2nd"), anything else that is a number followed only by letters ("3D", "5G"), and
///   reporting periods ("Q3", "H1", "FY2025").
///
/// What is not a candidate:
/// - a single capitalised word, unless it is a product or ticker;
/// - the leading common words of a run: a built-in list of a few hundred (articles,
///   pronouns, prepositions, sentence starters such as However, Meanwhile, According, weekdays,
///   months, number words, honorifics and job titles, headline words), so "Why This Matters",
///   "In June" and "However Nvidia" give nothing, and "The Next Platform" gives "Next Platform"
///   (a leading "The" is kept when the name with it is registered, and then the candidate is
///   dropped as known);
/// - the word that starts a sentence (or follows a colon), when the corpus writes that word in
///   lowercase more often than capitalised mid-sentence: "Supplying ByteDance" is ByteDance
///   alone, while "Meta Platforms" keeps Meta;
/// - job titles, generic acronyms and units split runs ("Nvidia CEO Jensen Huang" → "Jensen
///   Huang", "Nvidia GPUs" → nothing);
/// - a run joined by "and" or "&" is split there when the words on both sides are capitalised
///   elsewhere at least as often as the run occurs ("OpenAI and Microsoft"), and kept otherwise
///   ("Marks and Spencer", "Johnson & Johnson");
/// - runs with more than 5 capitalised words, and the runs of title-case headings (a line of
///   3–14 words, 3 or more capitalised, no other lowercase word than title-case function
///   words, no `,` `(` `;` `@`, not ending in `.` `!` `?`): headings are not prose and would
///   bring their section titles back in every issue;
/// - anything equal to a known name, or (for multi-word names) containing a known name as a
///   whole word sequence, compared as written and lowercased; tickers also without the `$`.
///
/// Sentences end at a newline, and at `.` `!` `?` `…` followed by whitespace unless the next
/// word starts in lowercase or the `.` closes an abbreviation ("Dr.", "U.S.", "Inc.") or an
/// initial. Words are compared by a 64-bit hash of their lowercased bytes (ASCII and Latin-1
/// capitals), candidate texts exactly.
public enum NameSuggester {
    /// `documents`: (path, plain text) of every issue, text without markup; paragraphs separated by newlines.
    /// `known`: every registered name and alias (exact text), plus lowercased forms for case-insensitive aliases — candidates equal to (or, for multi-word names, containing as a whole word sequence) a known name are dropped.
    /// Returns the best `limit` candidates, most frequent first (ties: more documents first, then name).
    public static func suggest(documents: [(path: String, text: String)], known: Set<String>, limit: Int = 50, minimumCount: Int = 2) -> [NameSuggestion] {
        guard limit > 0, !documents.isEmpty else { return [] }
        var tally = Tally()
        for (number, document) in documents.enumerated() {
            withBytes(of: document.text) { text, count in
                var scanner = Scanner(text: text, count: count, document: Int32(number))
                scanner.scan(into: &tally)
            }
        }
        resolve(&tally)

        var best: [Entry] = []
        for entry in tally.entries where entry.isAlive && !entry.sentenceInitial && entry.count >= minimumCount {
            if !isKnown(entry, in: known) { best.append(entry) }
        }
        best.sort { a, b in
            if a.count != b.count { return a.count > b.count }
            if a.documentCount != b.documentCount { return a.documentCount > b.documentCount }
            return a.text < b.text
        }
        return best.prefix(limit).map { entry in
            let document = documents[Int(entry.example.document)]
            return NameSuggestion(name: entry.text, count: entry.count, documentCount: entry.documentCount,
                                  example: example(of: entry, in: document.text), examplePath: document.path,
                                  reason: entry.kind.reason)
        }
    }

    /// Calls `body` with the UTF-8 bytes of `text`, copying only if the string is not contiguous.
    static func withBytes<R>(of text: String, _ body: (UnsafePointer<UInt8>, Int) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable({ buffer -> R in
            guard let base = buffer.baseAddress else { return withUnsafePointer(to: 0) { body($0, 0) } }
            return body(base, buffer.count)
        }) {
            return result
        }
        var copy = text
        copy.makeContiguousUTF8()
        return withBytes(of: copy, body)
    }

    // MARK: After the scan

    /// Decides what the scan could not: whether a sentence-initial first word is an ordinary
    /// word (then it is dropped), and whether a run joined by "and"/"&" is two names. Every
    /// sentence-initial entry is folded into the entry of its final text.
    static func resolve(_ tally: inout Tally) {
        let scanned = tally.entries.count
        for index in 0..<scanned where tally.entries[index].sentenceInitial && tally.entries[index].kind != .ticker {
            let entry = tally.entries[index]
            tally.entries[index].isAlive = false
            let firstWord = entry.text.utf8.firstIndex(of: 0x20).map { String(entry.text[..<$0]) } ?? entry.text
            guard isOrdinary(firstWord, words: tally.words) else {
                tally.merge(entry, into: entry.text)
                continue
            }
            var words = entry.text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            do {
                words.removeFirst()
                while let first = words.first, isConnectorWord(first) || commonWords.contains(Hash.folded(first)) { words.removeFirst() }
                if entry.kind == .name {
                    while let last = words.last, isConnectorWord(last) || demonyms.contains(Hash.folded(last)) { words.removeLast() }
                }
            }
            guard isWellFormed(words, kind: entry.kind) else { continue }
            tally.merge(entry, into: words.joined(separator: " "))
        }
        let merged = tally.entries.count
        for index in 0..<merged where tally.entries[index].isAlive && tally.entries[index].kind == .name && !tally.entries[index].sentenceInitial {
            let entry = tally.entries[index]
            guard hasAnd(entry.text) else { continue }
            let words = entry.text.split(separator: " ").map(String.init)
            let pieces = splitAtAnd(words, count: entry.count, uses: tally.words)
            guard pieces.count > 1 else { continue }
            tally.entries[index].isAlive = false
            for piece in pieces where isWellFormed(piece, kind: .name) {
                tally.merge(entry, into: piece.joined(separator: " "))
            }
        }
    }

    /// Whether `text` has the word "and" or "&" (not at its start).
    static func hasAnd(_ text: String) -> Bool {
        var previous: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        for byte in text.utf8 {
            // " & " or " and " ends here when the last bytes are "␠&␠" or "␠and␠".
            if byte == 0x20 {
                if previous.2 == 0x20 && previous.3 == 0x26 { return true }
                if previous.0 == 0x20 && previous.1 == 0x61 && previous.2 == 0x6E && previous.3 == 0x64 { return true }
            }
            previous = (previous.1, previous.2, previous.3, byte)
        }
        return false
    }

    /// A titlecase word ("Supplying", "Shares") that the corpus writes in lowercase more often
    /// than capitalised mid-sentence; or, for a word seen nowhere else, one ending in -ing, -ed
    /// or -ly ("Introducing Qwen3"). All-caps, camel-case and digit-bearing words never are.
    static func isOrdinary(_ word: String, words: HashMap<WordUse>) -> Bool {
        let scalars = word.unicodeScalars
        guard let first = scalars.first, first.properties.isUppercase,
              scalars.dropFirst().allSatisfy({ !$0.properties.isUppercase && !("0"..."9").contains($0) }) else { return false }
        let use = words[Hash.folded(word)] ?? WordUse()
        if use.lowercase == 0 && use.capitalised == 0 {
            return word.count > 4 && (word.hasSuffix("ing") || word.hasSuffix("ed") || word.hasSuffix("ly"))
        }
        return use.lowercase > use.capitalised
    }

    static func isConnectorWord(_ word: String) -> Bool {
        word == "&" || (word.first.map { !$0.isUppercase } ?? false) && connectors.contains(Hash.folded(word))
    }

    /// Names need 2–5 capitalised words, not all common or generic, and no connector at either
    /// end; versioned products a name and a number.
    static func isWellFormed(_ words: [String], kind: Kind) -> Bool {
        guard let first = words.first, let last = words.last else { return false }
        let specific = words.contains { word in
            let folded = Hash.folded(word)
            return !isConnectorWord(word) && !generic.contains(folded) && !commonWords.contains(folded)
        }
        switch kind {
        case .name:
            guard specific, !isConnectorWord(first), !isConnectorWord(last) else { return false }
            let capitals = words.filter { !isConnectorWord($0) }.count
            return (2...5).contains(capitals)
        case .product:
            return words.count == 1 || (specific && words.count >= 2 && !isConnectorWord(first) && last.first?.isNumber == true)
        case .ticker:
            return true
        }
    }

    /// Splits "OpenAI and Microsoft" at each "and"/"&" whose neighbours are capitalised elsewhere
    /// (outside this run's `count` occurrences) at least `count` times each.
    static func splitAtAnd(_ words: [String], count: Int, uses: HashMap<WordUse>) -> [[String]] {
        var pieces: [[String]] = []
        var current: [String] = []
        for (position, word) in words.enumerated() {
            let isAnd = (word == "and" || word == "&") && position > 0 && position + 1 < words.count
            if isAnd {
                let left = words[position - 1], right = words[position + 1]
                func outside(_ name: String) -> Int {
                    let inside = words.filter { $0 == name }.count * count
                    return Int(uses[Hash.folded(name)]?.capitalised ?? 0) - inside
                }
                if outside(left) >= count && outside(right) >= count {
                    pieces.append(current)
                    current = []
                    continue
                }
            }
            current.append(word)
        }
        pieces.append(current)
        return pieces
    }

    /// Whether the entry is, or (if it has several words) contains, a known name.
    static func isKnown(_ entry: Entry, in known: Set<String>) -> Bool {
        func matches(_ text: String) -> Bool { known.contains(text) || known.contains(text.lowercased()) }
        if matches(entry.text) { return true }
        switch entry.kind {
        case .ticker:
            return matches(String(entry.text.dropFirst()))
        case .product where !entry.text.contains(" "):
            return false
        default:
            let words = entry.text.split(separator: " ").map(String.init)
            for start in words.indices {
                for end in start..<words.count where matches(words[start...end].joined(separator: " ")) { return true }
            }
            if entry.followsThe {
                for end in words.indices where matches((["The"] + words[...end]).joined(separator: " ")) { return true }
            }
            return false
        }
    }

    // MARK: Examples

    /// The sentence of the entry's first occurrence, trimmed to about 200 characters around the name.
    static func example(of entry: Entry, in document: String) -> String {
        let place = entry.example
        let (sentence, nameOffset, nameLength) = withBytes(of: document) { text, count -> (String, Int, Int) in
            var start = Int(place.sentenceStart)
            let end = sentenceEnd(text, count: count, from: Int(place.end))
            while start < Int(place.start), text[start] == 0x20 || text[start] == 0x09 { start += 1 }
            let sentence = String(decoding: UnsafeBufferPointer(start: text + start, count: end - start), as: UTF8.self)
            let before = String(decoding: UnsafeBufferPointer(start: text + start, count: Int(place.start) - start), as: UTF8.self)
            let name = String(decoding: UnsafeBufferPointer(start: text + Int(place.start), count: Int(place.end - place.start)), as: UTF8.self)
            return (sentence, before.count, name.count)
        }
        return trim(sentence.trimmingCharacters(in: .whitespaces), around: nameOffset, length: nameLength)
    }

    /// At most about `limit` characters of `sentence` around the name at character `offset`,
    /// cut at spaces, with "…" where text was left out.
    static func trim(_ sentence: String, around offset: Int, length: Int, limit: Int = 200) -> String {
        let characters = Array(sentence)
        guard characters.count > limit else { return sentence }
        let context = max(0, (limit - length) / 2)
        var start = max(0, offset - context)
        var end = min(characters.count, start + max(limit, length))
        start = max(0, min(start, end - limit))
        if start > 0 {
            var cut = start
            while cut < offset, characters[cut - 1] != " " { cut += 1 }
            start = cut
        }
        if end < characters.count {
            var cut = end
            while cut > offset + length, characters[cut] != " " { cut -= 1 }
            end = cut
        }
        var text = String(characters[start..<end]).trimmingCharacters(in: .whitespaces)
        if start > 0 { text = "…" + text }
        if end < characters.count { text += "…" }
        return text
    }
}
