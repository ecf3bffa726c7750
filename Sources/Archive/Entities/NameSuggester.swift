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
    /// Why it is a candidate.
    public let reason: Reason

    /// The kinds of candidate the suggester finds; the raw value is what `--json` prints.
    public enum Reason: String, Sendable, Equatable, Encodable {
        /// A capitalised multi-word name (`Goldman Sachs`).
        case name
        /// A product or model name with digits (`GB300`, `Qwen3`).
        case product
        /// A stock ticker (`$NVDA`).
        case ticker
    }

    public init(name: String, count: Int, documentCount: Int, example: String, examplePath: String, reason: Reason) {
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
/// One pass over each document's UTF-8 bytes (no regular expressions, no `String` per token)
/// finds three kinds of candidate, counted by exact text:
///
/// - **name** — a run of 2–5 capitalised words on one line with only spaces between them
///   ("Goldman Sachs", "Point72 Asset Management"). Up to two connectors (of, de, van, von,
///   der, la, le, du, and, &) may stand between two capitalised words ("Bank of America",
///   "Port of Narvik"). Any other punctuation ends a run; a possessive ("Goldman Sachs’s",
///   "Aker's", "Sachs’") ends it after its word, stripped. A capitalised word starts with a
///   capital, or is lowercase-initial with a capital inside ("xAI"); a hyphenated word counts
///   only if its last part is not lowercase ("Lip-Bu", "Qwen3-Omni", not "UK-based").
/// - **ticker** — `$` and 1–5 capitals ("$NVDA", also "$BRK.B"), touching no word character on
///   either side. Dollar amounts ("$2.7B", "$14.6 billion") are not tickers.
/// - **product** — a token mixing letters and digits with at least one capital ("GB300",
///   "Qwen3", "H100", "MI300X", "Llama-3", "GPT-4o", "Qwen3-Omni"); a plural `s` after a digit
///   or capital is dropped ("GB200s" → "GB200"). Also a name followed by a version number of
///   1–3 digits with at most two decimals ("Llama 4", "Claude 2.1", "Microsoft 365"). Not
///   products: anything that starts with a number and continues with letters only — amounts
///   and units ("4.8B", "$53B", "10GW", "300MW", "128K"), ordinals ("2nd"), "3D", "5G" — plain
///   numbers ("2025", "27,000"), and reporting periods ("Q1"–"Q4", "H1", "H2", "FY2025",
///   "CY24").
///
/// What is left out:
/// - single capitalised words, unless product or ticker;
/// - a run's leading common words, from a built-in list of about 570 (articles, pronouns,
///   prepositions, sentence starters such as However, Meanwhile, According, This, Why,
///   weekdays, months, number words, honorifics, headline words, "Figure"/"Phase"-type
///   nouns): "Why This Matters", "In June" and "However Nvidia" give nothing, "The Next
///   Platform" gives "Next Platform". A leading "The" is remembered: if "The Next Platform" is
///   registered, the candidate is dropped as known;
/// - a run's trailing demonyms ("Alibaba European consumers"), and runs made only of common
///   words, demonyms, "AI", "US", "UK", "EU" ("European AI");
/// - job titles, generic acronyms and units, which split runs where they stand ("Nvidia CEO
///   Jensen Huang" → "Jensen Huang", "Yahoo President" → nothing, "Nvidia GPUs" → nothing);
/// - runs of more than five capitalised words, and the runs of title-case headings: a line of
///   3–14 words, at least 3 capitalised, no lowercase word but title-case function words, no
///   `,` `(` `;` `@`, and no closing `.` `!` `?` ("The Infrastructure Race"). Their products
///   and tickers still count;
/// - the first word of a run that starts a sentence (or follows a colon), when it is an
///   ordinary word capitalised for its position: titlecase, capitalised mid-sentence less than
///   a quarter as often as it starts such runs, and written in lowercase somewhere (words of
///   five letters or more are tracked) or ending in -ing, -ed or -ly. "Supplying ByteDance" is
///   ByteDance alone, and so nothing; "Meta Platforms" keeps Meta (capitalised mid-sentence);
///   "Jane Street" keeps Jane (never lowercase) even when it always starts sentences;
/// - a run is split at "and"/"&" when the words either side differ and are each capitalised
///   somewhere outside this run ("OpenAI and Microsoft" → two names); "Marks and Spencer" and
///   "Johnson & Johnson" stay whole;
/// - anything equal to a known name, or, for multi-word candidates, containing one as a whole
///   word sequence — as written or lowercased; tickers also without the `$`.
///
/// A candidate's example is the sentence of its first occurrence, or of a later one if that
/// sentence has fewer than 30 bytes besides the name ("Introducing Qwen3!"), trimmed to about
/// 200 characters around the name. Sentences end at newlines, and at `.` `!` `?` `…` (after
/// closing quotes and brackets) followed by whitespace, unless the next word starts in
/// lowercase or the `.` closes an abbreviation ("Dr.", "U.S.", "Inc.", "Jan.") or an initial.
///
/// Words are compared by a 64-bit hash of their lowercased bytes (ASCII, and the Latin-1
/// capitals À–Þ); candidate texts exactly, byte for byte. Ties in the ranking are broken by
/// UTF-8 byte order of the name, which is code point order.
public enum NameSuggester {
    /// `documents`: (path, plain text) of every issue, text without markup; paragraphs separated by newlines.
    /// `known`: every registered name and alias (exact text), plus lowercased forms for case-insensitive aliases — candidates equal to (or, for multi-word names, containing as a whole word sequence) a known name are dropped.
    /// Returns the best `limit` candidates, most frequent first (ties: more documents first, then name).
    public static func suggest(documents: [(path: String, text: String)], known: Set<String>, limit: Int = 50, minimumCount: Int = 2) -> [NameSuggestion] {
        guard limit > 0, !documents.isEmpty else { return [] }
        var tally = Tally()
        for (number, document) in documents.enumerated() {
            withBytes(of: document.text) { text, count in
                precondition(count < Int(Int32.max), "a document of 2 GiB or more")
                var scanner = Scanner(text: text, count: count, document: Int32(number), lowercaseWords: tally.lowercase)
                scanner.scan(into: &tally)
            }
        }
        resolve(&tally)

        // Rank every repeated candidate, then take the best that are not known.
        var ranked = tally.entries.indices.filter { index in
            let entry = tally.entries[index]
            return entry.isAlive && !entry.sentenceInitial && Int(entry.count) >= minimumCount
        }
        tally.keys.withUnsafeBufferPointer { keys in
            ranked.sort { a, b in
                let x = tally.entries[a], y = tally.entries[b]
                if x.count != y.count { return x.count > y.count }
                if x.documentCount != y.documentCount { return x.documentCount > y.documentCount }
                return precedes(UnsafeBufferPointer(rebasing: keys[x.key]), UnsafeBufferPointer(rebasing: keys[y.key]))
            }
        }
        var suggestions: [NameSuggestion] = []
        for index in ranked where suggestions.count < limit {
            let entry = tally.entries[index]
            let name = tally.keys.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[entry.key]), as: UTF8.self) }
            guard !isKnown(name, kind: entry.kind, followsThe: entry.followsThe, in: known) else { continue }
            let document = documents[Int(entry.example.document)]
            suggestions.append(NameSuggestion(name: name, count: Int(entry.count), documentCount: Int(entry.documentCount),
                                              example: example(at: entry.example, in: document.text), examplePath: document.path,
                                              reason: entry.kind.reason))
        }
        return suggestions
    }

    /// Byte order of UTF-8, which is code point order.
    static func precedes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let common = min(a.count, b.count)
        if common > 0 {
            let order = memcmp(a.baseAddress!, b.baseAddress!, common)
            if order != 0 { return order < 0 }
        }
        return a.count < b.count
    }

    /// Calls `body` with the UTF-8 bytes of `text`, copying only if the string is not contiguous.
    static func withBytes<R>(of text: String, _ body: (UnsafePointer<UInt8>, Int) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable({ buffer -> R in
            guard let base = buffer.baseAddress else { return withUnsafePointer(to: UInt8(0)) { body($0, 0) } }
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
    /// sentence-initial entry is folded into the entry of its final text, which is always a
    /// part of its own text, so no text is copied.
    static func resolve(_ tally: inout Tally) {
        let scanned = tally.entries.count
        // How often each word starts a sentence-initial candidate.
        var starts: [UInt64: Int] = [:]
        for index in 0..<scanned where tally.entries[index].sentenceInitial && tally.entries[index].kind != .ticker {
            let entry = tally.entries[index]
            let first = tally.keys.withUnsafeBufferPointer { folded($0, wordRanges(in: entry.key, of: $0)[0]) }
            starts[first, default: 0] += Int(entry.count)
        }
        for index in 0..<scanned where tally.entries[index].sentenceInitial && tally.entries[index].kind != .ticker {
            tally.entries[index].isAlive = false
            let entry = tally.entries[index]
            var words = tally.keys.withUnsafeBufferPointer { wordRanges(in: entry.key, of: $0) }
            let ordinary = tally.keys.withUnsafeBufferPointer { keys in
                isOrdinary(UnsafeBufferPointer(rebasing: keys[words[0]]), starts: starts[folded(keys, words[0])] ?? 0,
                           capitalised: tally.capitalised, lowercase: tally.lowercase)
            }
            if ordinary {
                words.removeFirst()
                tally.keys.withUnsafeBufferPointer { keys in
                    while let first = words.first, isConnector(keys, first) || commonWords.contains(folded(keys, first)) { words.removeFirst() }
                    if entry.kind == .name {
                        while let last = words.last, isConnector(keys, last) || demonyms.contains(folded(keys, last)) { words.removeLast() }
                    }
                }
            }
            guard tally.keys.withUnsafeBufferPointer({ isWellFormed(words, kind: entry.kind, in: $0) }) else { continue }
            tally.merge(index, into: words.first!.lowerBound..<words.last!.upperBound)
        }
        let merged = tally.entries.count
        for index in 0..<merged where tally.entries[index].isAlive && tally.entries[index].kind == .name && !tally.entries[index].sentenceInitial {
            let entry = tally.entries[index]
            let pieces = tally.keys.withUnsafeBufferPointer { keys -> [[Range<Int>]] in
                let words = wordRanges(in: entry.key, of: keys)
                guard words.contains(where: { isAnd(keys, $0) }) else { return [] }
                return splitAtAnd(words, count: Int(entry.count), in: keys, capitalised: tally.capitalised)
            }
            guard pieces.count > 1 else { continue }
            tally.entries[index].isAlive = false
            for piece in pieces where tally.keys.withUnsafeBufferPointer({ isWellFormed(piece, kind: .name, in: $0) }) {
                tally.merge(index, into: piece.first!.lowerBound..<piece.last!.upperBound)
            }
        }
    }

    /// The byte ranges of the space-separated words of `keys[key]`.
    static func wordRanges(in key: Range<Int>, of keys: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start = key.lowerBound
        for position in key where keys[position] == 0x20 {
            words.append(start..<position)
            start = position + 1
        }
        words.append(start..<key.upperBound)
        return words
    }

    static func folded(_ keys: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> UInt64 {
        Hash.folded(keys.baseAddress!, from: word.lowerBound, to: word.upperBound)
    }

    static func isAnd(_ keys: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        (word.count == 1 && keys[word.lowerBound] == 0x26)
            || (word.count == 3 && keys[word.lowerBound] == 0x61 && keys[word.lowerBound + 1] == 0x6E && keys[word.lowerBound + 2] == 0x64)
    }

    /// "&", or a lowercase connector ("of", "and").
    static func isConnector(_ keys: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        guard let first = word.first else { return false }
        return keys[first] == 0x26 || (isLower(keys[first]) && connectors.contains(folded(keys, word)))
    }

    /// A titlecase word capitalised only for its position ("Supplying", "Chipmaker"): the
    /// corpus capitalises it elsewhere (mid-sentence, outside headings) less than a quarter as
    /// often as it starts sentence-initial runs (`starts`), and also writes it in lowercase —
    /// or, never seen in lowercase, it ends in -ing, -ed or -ly ("Introducing Qwen3"). A name
    /// that starts sentences is capitalised mid-sentence too ("Meta Platforms…" / "…said
    /// Meta"), or never written in lowercase ("Jane Street…"). All-caps, camel-case and
    /// digit-bearing words are never ordinary.
    static func isOrdinary(_ word: UnsafeBufferPointer<UInt8>, starts: Int, capitalised: HashMap<Int32>, lowercase: LowercaseWords) -> Bool {
        let text = String(decoding: word, as: UTF8.self)
        let scalars = text.unicodeScalars
        guard let first = scalars.first, first.properties.isUppercase,
              scalars.dropFirst().allSatisfy({ !$0.properties.isUppercase && !("0"..."9").contains($0) }) else { return false }
        let hash = Hash.folded(text)
        let elsewhere = Int(capitalised[hash] ?? 0)
        guard elsewhere * 4 < starts else { return false }
        return (text.utf8.count >= 5 && lowercase.contains(hash)) || (text.count > 4 && (text.hasSuffix("ing") || text.hasSuffix("ed") || text.hasSuffix("ly")))
    }

    /// Names need 2–5 capitalised words, not all common or generic, and no connector at either
    /// end; versioned products a name and a number.
    static func isWellFormed(_ words: [Range<Int>], kind: Kind, in keys: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = words.first, let last = words.last else { return false }
        let specific = words.contains { word in
            let hash = folded(keys, word)
            return !isConnector(keys, word) && !generic.contains(hash) && !commonWords.contains(hash)
        }
        switch kind {
        case .name:
            guard specific, !isConnector(keys, first), !isConnector(keys, last) else { return false }
            let capitals = words.filter { !isConnector(keys, $0) }.count
            return (2...5).contains(capitals)
        case .product:
            return words.count == 1 || (specific && words.count >= 2 && !isConnector(keys, first) && isDigit(keys[last.lowerBound]))
        case .ticker:
            return true
        }
    }

    /// Splits "OpenAI and Microsoft" at each "and"/"&" whose two neighbours are different words
    /// that are each capitalised somewhere outside this run's `count` occurrences; "Marks and
    /// Spencer" and "Johnson & Johnson" stay whole.
    static func splitAtAnd(_ words: [Range<Int>], count: Int, in keys: UnsafeBufferPointer<UInt8>, capitalised: HashMap<Int32>) -> [[Range<Int>]] {
        func outside(_ hash: UInt64) -> Int {
            let inside = words.filter { folded(keys, $0) == hash }.count * count
            return Int(capitalised[hash] ?? 0) - inside
        }
        var pieces: [[Range<Int>]] = []
        var current: [Range<Int>] = []
        for (position, word) in words.enumerated() {
            if isAnd(keys, word), position > 0, position + 1 < words.count {
                let left = folded(keys, words[position - 1]), right = folded(keys, words[position + 1])
                guard left == right || outside(left) < 1 || outside(right) < 1 else {
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

    /// Whether `name` is, or (if it has several words) contains, a known name.
    static func isKnown(_ name: String, kind: Kind, followsThe: Bool, in known: Set<String>) -> Bool {
        func matches(_ text: String) -> Bool { known.contains(text) || known.contains(text.lowercased()) }
        if matches(name) { return true }
        switch kind {
        case .ticker:
            return matches(String(name.dropFirst()))
        case .product where !name.contains(" "):
            return false
        default:
            let words = name.split(separator: " ").map(String.init)
            for start in words.indices {
                for end in start..<words.count where matches(words[start...end].joined(separator: " ")) { return true }
            }
            if followsThe {
                for end in words.indices where matches((["The"] + words[...end]).joined(separator: " ")) { return true }
            }
            return false
        }
    }

    // MARK: Examples

    /// The sentence of an occurrence, trimmed to about 200 characters around the name.
    static func example(at place: Place, in document: String) -> String {
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
