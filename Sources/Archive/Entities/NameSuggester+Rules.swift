extension NameSuggester {
    // MARK: Word lists (Resources/name-suggester-words.txt), by `key`

    static func words(_ list: String) -> Set<UInt64> { Set(SuggesterWordLists.list(list).map { key($0.utf8) }) }
    /// Lowercase words allowed between two capitalised ones ("Bank of America").
    static let connectorWords = words("connectors")
    /// Job titles, generic acronyms and units: they split a run ("Nvidia CEO Jensen Huang").
    static let breakers = words("breakers")
    /// A name never ends with one ("Alibaba European consumers" gives "Alibaba").
    static let demonyms = words("demonyms")
    /// Not a name alone, though part of one ("European AI" no, "Scale AI" yes).
    static let generic = demonyms.union(words("generic"))
    /// Small words that title-case headings leave lowercase ("What This Means for Developers").
    static let titleFunctionWords = words("title-function-words")
    /// Words a run loses from its start ("However Nvidia", "In June", "Why This Matters").
    static let commonWords = words("common-words")

    // MARK: Predicates

    /// "&", or a lowercase connector ("of", "and", "de").
    static func isConnector(_ word: String) -> Bool {
        word == "&" || (word.utf8.first.map(isLower) == true && connectorWords.contains(key(word.utf8)))
    }

    /// Some word is neither a connector, nor common, nor generic.
    static func isSpecific(_ words: [String]) -> Bool {
        words.contains { !isConnector($0) && !generic.contains(key($0.utf8)) && !commonWords.contains(key($0.utf8)) }
    }

    /// Letters and digits with a capital, but not a number followed only by letters (amounts,
    /// units, ordinals: "4.8B", "10GW", "128K", "2nd", "5G"), nor a reporting period: "Q1"–"Q4",
    /// "H1", "H2" (alone or before `-` or `/`), "FY" or "CY" and 2 or 4 digits.
    static func isProductLike(_ token: ArraySlice<UInt8>) -> Bool {
        guard (2...40).contains(token.count), token.contains(where: isUpper), token.contains(where: isDigit) else { return false }
        let afterNumber = token.drop { isDigit($0) || $0 == 0x2E || $0 == 0x2C }
        if afterNumber.count < token.count, afterNumber.allSatisfy({ isUpper($0) || isLower($0) }) { return false }
        let text = String(decoding: token, as: UTF8.self)
        let period = text.split(whereSeparator: { $0 == "-" || $0 == "/" }).first.map(String.init) ?? ""
        if ["Q1", "Q2", "Q3", "Q4", "H1", "H2"].contains(period) { return false }
        return !((text.hasPrefix("FY") || text.hasPrefix("CY")) && [4, 6].contains(token.count) && token.dropFirst(2).allSatisfy(isDigit))
    }

    /// A version after a name ("Llama 4", "Claude 2.1", "Microsoft 365"): 1–3 digits, maybe a
    /// `.` and 1–2 more, and no `%` after it.
    static func isVersion(_ range: Range<Int>, in text: [UInt8]) -> Bool {
        let parts = text[range].split(separator: 0x2E, omittingEmptySubsequences: false)
        guard (1...3).contains(parts[0].count), parts.count == 1 || (parts.count == 2 && (1...2).contains(parts[1].count)),
              parts.allSatisfy({ $0.allSatisfy(isDigit) }) else { return false }
        return range.upperBound >= text.count || text[range.upperBound] != UInt8(ascii: "%")
    }

    /// A word capitalised only because it starts a sentence ("Supplying ByteDance"): titlecase,
    /// capitalised mid-sentence less than a quarter as often as it starts candidates, and
    /// written in lowercase somewhere, or ending in -ing, -ed or -ly. "Meta Platforms…" keeps
    /// Meta (capitalised mid-sentence); "Jane Street…" keeps Jane (never lowercase).
    static func isOrdinary(_ word: String, starts: Int, in scan: Scan) -> Bool {
        let scalars = word.unicodeScalars
        guard let first = scalars.first, first.properties.isUppercase,
              !scalars.dropFirst().contains(where: { $0.properties.isUppercase || ("0"..."9").contains($0) }),
              scan.capitalised[key(word.utf8), default: 0] * 4 < starts else { return false }
        return (word.utf8.count >= 5 && scan.lowercase.contains(key(word.utf8)))
            || (word.count > 4 && (word.hasSuffix("ing") || word.hasSuffix("ed") || word.hasSuffix("ly")))
    }

    /// `words` without leading common words and connectors (remembering a dropped "The"), and
    /// unless `keepingEnd` without trailing demonyms and connectors; and how many it dropped first.
    static func trimmed(_ words: ArraySlice<String>, keepingEnd: Bool) -> (words: [String], dropped: Int, followsThe: Bool) {
        var kept = words, followsThe = false
        while let word = kept.first, isConnector(word) || commonWords.contains(key(word.utf8)) { followsThe = kept.removeFirst() == "The" }
        while !keepingEnd, let word = kept.last, isConnector(word) || demonyms.contains(key(word.utf8)) { kept.removeLast() }
        return (Array(kept), kept.startIndex - words.startIndex, followsThe)
    }

    /// Names have 2–5 capitalised words, some specific, and no connector at either end;
    /// versioned products are such a name, with 1–4 capitalised words, and a number.
    static func isWellFormed(_ words: [String], kind: NameSuggestion.Reason) -> Bool {
        guard let first = words.first, let last = words.last else { return false }
        let capitals = words.filter { !isConnector($0) }.count
        switch kind {
        case .name: return isSpecific(words) && !isConnector(first) && !isConnector(last) && (2...5).contains(capitals)
        case .product: return words.count == 1 || (isSpecific(words) && !isConnector(first) && last.utf8.first.map(isDigit) == true && capitals <= 5)
        case .ticker: return true
        }
    }

    /// Splits "OpenAI and Microsoft" at each "and" or "&" whose neighbours are different words
    /// that are each capitalised somewhere outside this candidate's `count` occurrences;
    /// "Marks and Spencer" and "Johnson & Johnson" stay whole.
    static func splitAtAnd(_ words: [String], count: Int, in scan: Scan) -> [[String]] {
        let keys = words.map { key($0.utf8) }
        func usedElsewhere(_ word: UInt64) -> Bool { scan.capitalised[word, default: 0] - keys.filter { $0 == word }.count * count >= 1 }
        var pieces: [[String]] = [[]]
        for (index, word) in words.enumerated() {
            if word == "and" || word == "&", index > 0, index + 1 < words.count, keys[index - 1] != keys[index + 1],
               usedElsewhere(keys[index - 1]), usedElsewhere(keys[index + 1]) {
                pieces.append([])
            } else {
                pieces[pieces.count - 1].append(word)
            }
        }
        return pieces
    }

    /// Decides what reading a line could not: whether a sentence-initial first word is ordinary
    /// (then it goes, with the common words after it), and whether a name joined by "and" is
    /// two names. Each sentence-initial candidate is folded into that of its remaining text.
    static func resolve(_ scan: inout Scan) {
        let initial = scan.tallies.filter { $0.key.sentenceInitial && $0.key.kind != .ticker }
        var starts: [UInt64: Int] = [:]
        for (candidate, tally) in initial { starts[key(candidate.text.utf8.prefix { $0 != 0x20 }), default: 0] += tally.count }
        for (candidate, tally) in initial {
            scan.tallies[candidate] = nil
            var words = candidate.text.split(separator: " ").map(String.init)
            if isOrdinary(words[0], starts: starts[key(words[0].utf8), default: 0], in: scan) {
                words = trimmed(words.dropFirst(), keepingEnd: candidate.kind != .name).words
            }
            guard isWellFormed(words, kind: candidate.kind) else { continue }
            scan.tallies[Candidate(text: words.joined(separator: " "), kind: candidate.kind), default: Tally()].absorb(tally)
        }
        for (candidate, tally) in scan.tallies where candidate.kind == .name {
            let pieces = splitAtAnd(candidate.text.split(separator: " ").map(String.init), count: tally.count, in: scan)
            guard pieces.count > 1 else { continue }
            scan.tallies[candidate] = nil
            for piece in pieces where isWellFormed(piece, kind: .name) {
                scan.tallies[Candidate(text: piece.joined(separator: " "), kind: .name), default: Tally()].absorb(tally)
            }
        }
    }
}
