extension NameSuggester {
    // Word lists, by `key`; Resources/name-suggester-words.txt says what each is for.
    static func words(_ list: String) -> Set<UInt64> { Set(SuggesterWordLists.list(list).map { key($0.utf8) }) }
    static let connectorWords = words("connectors"), breakers = words("breakers"), demonyms = words("demonyms")
    static let generic = demonyms.union(words("generic")), titleFunctionWords = words("title-function-words"), commonWords = words("common-words")

    /// "&", or a lowercase connector ("of", "and", "de").
    static func isConnector(_ word: String) -> Bool { word == "&" || (word.utf8.first.map(isLower) == true && connectorWords.contains(key(word.utf8))) }

    /// Letters and digits with a capital, but not a number followed only by letters (amounts,
    /// units, ordinals: "4.8B", "10GW", "128K", "2nd", "5G"), nor a reporting period: "Q1"–"Q4",
    /// "H1", "H2" (alone or before `-` or `/`), "FY" or "CY" and 2 or 4 digits.
    static func isProductLike(_ token: ArraySlice<UInt8>) -> Bool {
        guard (2...40).contains(token.count), token.contains(where: isUpper), token.contains(where: isDigit) else { return false }
        let afterNumber = token.drop { isDigit($0) || $0 == 0x2E || $0 == 0x2C }
        if afterNumber.count < token.count, afterNumber.allSatisfy({ isUpper($0) || isLower($0) }) { return false }
        let text = String(decoding: token, as: UTF8.self), period = text.prefix { $0 != "-" && $0 != "/" }
        return !["Q1", "Q2", "Q3", "Q4", "H1", "H2"].contains(String(period))
            && !((text.hasPrefix("FY") || text.hasPrefix("CY")) && [4, 6].contains(token.count) && token.dropFirst(2).allSatisfy(isDigit))
    }

    /// A version after a name ("Llama 4", "Claude 2.1"): 1–3 digits, maybe `.` and 1–2 more, no `%`.
    static func isVersion(_ range: Range<Int>, in text: [UInt8]) -> Bool {
        let parts = text[range].split(separator: 0x2E, omittingEmptySubsequences: false)
        return (1...3).contains(parts[0].count) && (parts.count == 1 || (parts.count == 2 && (1...2).contains(parts[1].count)))
            && parts.allSatisfy { $0.allSatisfy(isDigit) } && (range.upperBound >= text.count || text[range.upperBound] != UInt8(ascii: "%"))
    }

    /// A word capitalised only because it starts a sentence ("Supplying ByteDance"): titlecase,
    /// capitalised mid-sentence less than a quarter as often as it starts candidates, and
    /// written in lowercase somewhere, or ending in -ing, -ed or -ly. "Meta Platforms…" keeps
    /// Meta (capitalised mid-sentence); "Jane Street…" keeps Jane (never lowercase).
    static func isOrdinary(_ word: String, starts: Int, in scan: Scan) -> Bool {
        guard word.first?.isUppercase == true, word.dropFirst().lowercased() == word.dropFirst(), !word.contains(where: \.isNumber),
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

    /// Names have 2–5 capitalised words, one neither common nor generic ("European AI" is not a
    /// name), and no connector at either end; a versioned product is such a name and a number,
    /// or one product-like token.
    static func isWellFormed(_ words: [String], kind: NameSuggestion.Reason) -> Bool {
        guard let first = words.first, let last = words.last, kind != .ticker else { return kind == .ticker }
        let capitals = words.filter { !isConnector($0) }
        let specific = capitals.contains { $0.utf8.first.map(isDigit) != true && !generic.contains(key($0.utf8)) && !commonWords.contains(key($0.utf8)) }
        if kind == .product && words.count == 1 { return true }
        return specific && !isConnector(first) && capitals.count <= 5
            && (kind == .name ? !isConnector(last) && capitals.count >= 2 : last.utf8.first.map(isDigit) == true)
    }

    /// Splits "OpenAI and Microsoft" at an "and" or "&" between different words that are each capitalised
    /// outside this candidate's `count` occurrences; "Marks and Spencer", "Johnson & Johnson" stay whole.
    static func splitAtAnd(_ words: [String], count: Int, in scan: Scan) -> [[String]] {
        let keys = words.map { key($0.utf8) }
        func usedElsewhere(_ word: UInt64) -> Bool { scan.capitalised[word, default: 0] - keys.filter { $0 == word }.count * count >= 1 }
        let cuts = words.indices.filter { index in
            (words[index] == "and" || words[index] == "&") && index > 0 && index + 1 < words.count && keys[index - 1] != keys[index + 1]
                && usedElsewhere(keys[index - 1]) && usedElsewhere(keys[index + 1])
        }
        return zip([-1] + cuts, cuts + [words.count]).map { Array(words[($0 + 1)..<$1]) }
    }

    /// Decides what a line could not: whether a sentence-initial first word is ordinary (then it goes,
    /// folding the candidate into that of its remaining text), and whether "A and B" is two names.
    static func resolve(_ scan: inout Scan) {
        func fold(_ tally: Tally, into words: [String], kind: NameSuggestion.Reason) {
            if isWellFormed(words, kind: kind) { scan.tallies[Candidate(text: words.joined(separator: " "), kind: kind), default: Tally()].absorb(tally) }
        }
        let initial = scan.tallies.filter { $0.key.sentenceInitial && $0.key.kind != .ticker }
        var starts: [UInt64: Int] = [:]
        for (candidate, tally) in initial { starts[key(candidate.text.utf8.prefix { $0 != 0x20 }), default: 0] += tally.count }
        for (candidate, tally) in initial {
            scan.tallies[candidate] = nil
            let words = candidate.text.split(separator: " ").map(String.init)
            let ordinary = isOrdinary(words[0], starts: starts[key(words[0].utf8), default: 0], in: scan)
            fold(tally, into: ordinary ? trimmed(words.dropFirst(), keepingEnd: candidate.kind != .name).words : words, kind: candidate.kind)
        }
        for (candidate, tally) in scan.tallies where candidate.kind == .name {
            let pieces = splitAtAnd(candidate.text.split(separator: " ").map(String.init), count: tally.count, in: scan)
            guard pieces.count > 1 else { continue }
            scan.tallies[candidate] = nil
            for piece in pieces { fold(tally, into: piece, kind: .name) }
        }
    }
}
