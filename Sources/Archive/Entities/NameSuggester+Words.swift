import Foundation

/// Character classes and the shapes of product-like tokens.
extension NameSuggester {
    /// What an ASCII byte is to the scanner.
    enum ByteClass: UInt8 {
        case other, space, newline, upper, lower, digit, underscore
        case apostrophe, hyphen, period, comma, ampersand, stop, colon, dollar, at, hash, slash

        /// The class of an ASCII byte (< 0x80).
        @inline(__always)
        init(ascii byte: UInt8) {
            self = switch byte {
            case 0x41...0x5A: .upper
            case 0x61...0x7A: .lower
            case 0x20, 0x09, 0x0B, 0x0C: .space
            case 0x30...0x39: .digit
            case 0x0A, 0x0D: .newline
            case 0x5F: .underscore
            case 0x27: .apostrophe
            case 0x2D: .hyphen
            case 0x2E: .period
            case 0x2C: .comma
            case 0x26: .ampersand
            case 0x21, 0x3F: .stop
            case 0x3A: .colon
            case 0x24: .dollar
            case 0x40: .at
            case 0x23: .hash
            case 0x2F: .slash
            default: .other
            }
        }
    }

    /// Decodes the UTF-8 sequence at `index` (whose lead byte is ≥ 0x80): the scalar and its
    /// length, or U+FFFD and 1 for a malformed byte, so that damaged text never stops the scan.
    @inline(__always)
    static func decode(_ text: UnsafePointer<UInt8>, at index: Int, count: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(text[index])
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: (length, value) = (2, lead & 0x1F)
        case 0xE0...0xEF: (length, value) = (3, lead & 0x0F)
        case 0xF0...0xF4: (length, value) = (4, lead & 0x07)
        default: return ("\u{FFFD}", 1)
        }
        guard index + length <= count else { return ("\u{FFFD}", 1) }
        for offset in 1..<length {
            let byte = UInt32(text[index + offset])
            guard byte & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | (byte & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return ("\u{FFFD}", 1) }
        return (scalar, length)
    }

    /// What a non-ASCII scalar is to the scanner.
    enum ScalarClass {
        case upper, letter, space, newline, apostrophe, ellipsis, closingQuote, other
    }

    static func classify(_ scalar: Unicode.Scalar) -> ScalarClass {
        switch scalar.value {
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .space
        case 0x2028, 0x2029, 0x0085: return .newline
        case 0x2019, 0x2018: return .apostrophe
        case 0x2026: return .ellipsis
        case 0x201D, 0x00BB, 0x203A: return .closingQuote
        // Without a property lookup: Latin-1 letters, and the punctuation, currency and symbol
        // blocks that newsletters use most (dashes, quotes, bullets, €, arrows, emoji).
        case 0x00C0...0x00D6, 0x00D8...0x00DE: return .upper
        case 0x00DF...0x00F6, 0x00F8...0x00FF: return .letter
        case 0x0080...0x00BF, 0x00D7, 0x00F7, 0x2000...0x27BF, 0x2900...0x2BFF, 0x1F000...0x1FAFF: return .other
        default: break
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .titlecaseLetter: return .upper
        case .lowercaseLetter, .modifierLetter, .otherLetter, .nonspacingMark, .spacingMark, .decimalNumber:
            return .letter
        default: return .other
        }
    }

    /// Whether a token is product-like: letters and digits mixed, at least one capital, and
    /// not an amount, a unit quantity, an ordinal or a reporting period.
    ///
    /// `token` is the token's text after possessive and plural stripping. Excluded:
    /// - tokens that start with a number whose remainder is letters only: amounts and units
    ///   (`4.8B`, `53B`, `10GW`, `300MW`, `1Gbps`, `128K`), ordinals (`2nd`), `3D`, `5G`, `4K`;
    /// - reporting periods: quarters and halves (`Q3`, `H1`, `Q4-2025`), fiscal and calendar
    ///   years (`FY2025`, `FY25`, `CY24`).
    static func isProductLike(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        guard token.count >= 2, token.count <= 40 else { return false }
        var hasUpper = false, hasDigit = false, hasLetter = false
        for byte in token {
            if byte >= 0x41 && byte <= 0x5A { hasUpper = true; hasLetter = true }
            else if byte >= 0x61 && byte <= 0x7A { hasLetter = true }
            else if byte >= 0x30 && byte <= 0x39 { hasDigit = true }
            else if byte >= 0x80 { hasLetter = true }
        }
        guard hasUpper, hasDigit, hasLetter else { return false }
        if token[0] >= 0x30 && token[0] <= 0x39 {
            // Skip the number (digits with `.` and `,`), then see whether only letters follow.
            var index = 0
            while index < token.count, let byte = Optional(token[index]),
                  (byte >= 0x30 && byte <= 0x39) || byte == 0x2E || byte == 0x2C {
                index += 1
            }
            var lettersOnly = true
            while index < token.count {
                let byte = token[index]
                if !((byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)) { lettersOnly = false; break }
                index += 1
            }
            if lettersOnly { return false }
        }
        return !isReportingPeriod(token)
    }

    /// `Q1`–`Q4`, `H1`, `H2` (optionally followed by `-…` or `/…`), and `FY`/`CY` + 2 or 4 digits.
    static func isReportingPeriod(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = token[0]
        if token.count >= 2, first == UInt8(ascii: "Q") || first == UInt8(ascii: "H") {
            let digit = token[1]
            let inRange = first == UInt8(ascii: "Q") ? (0x31...0x34).contains(digit) : (0x31...0x32).contains(digit)
            if inRange && (token.count == 2 || token[2] == UInt8(ascii: "-") || token[2] == UInt8(ascii: "/")) { return true }
        }
        if token.count == 4 || token.count == 6, (first == UInt8(ascii: "F") || first == UInt8(ascii: "C")), token[1] == UInt8(ascii: "Y") {
            return token[2...].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
        return false
    }

    /// Lowercase words allowed inside a name between two capitalised words ("Bank of America").
    static let connectors: WordSet = Hash.foldedSet(SuggesterWordLists.list("connectors"))

    /// The connector "and" (and "&"): a run joined by it is split when both sides are names in their own right.
    static let andHash = Hash.folded("and")
    static let theHash = Hash.folded("the")

    /// Capitalised words that never belong to a name and split a run where they stand: job
    /// titles ("Nvidia CEO Jensen Huang" → "Jensen Huang", "Yahoo President" → "Yahoo"), generic
    /// technology acronyms ("Nvidia GPUs") and units ("6 GW AMD").
    static let breakers: WordSet = Hash.foldedSet(SuggesterWordLists.list("breakers"))

    /// Demonyms: a run never ends with one ("Would Alibaba European consumers…" → "Alibaba").
    static let demonyms: WordSet = Hash.foldedSet(demonymList)

    static let demonymList = SuggesterWordLists.list("demonyms")

    /// Words that are not a name on their own: a run made only of these and common words is
    /// no candidate ("European AI", "US AI", "Chinese"), though one may be part of a name
    /// ("Scale AI", "European Commission").
    static let generic: WordSet = demonyms.union(Hash.foldedSet(SuggesterWordLists.list("generic")))

    /// Small words that title-case headings leave lowercase ("What This Means for Developers");
    /// a line whose other words are all capitalised is a heading.
    static let titleFunctionWords: WordSet = Hash.foldedSet(SuggesterWordLists.list("title-function-words"))

    /// Words before a `.` that does not end a sentence ("Dr. Feifei Li", "U.S. export controls").
    static let abbreviations: WordSet = Hash.foldedSet(SuggesterWordLists.list("abbreviations"))

    /// Common English words (about 570): a run of capitalised words loses these from its start,
    /// so a run made only of them ("Why This Matters", "In June") or of one name after them
    /// ("However Nvidia", "The Register") is no candidate. Articles, pronouns, prepositions,
    /// sentence starters and adverbs, the commonest verbs, headline words, weekdays, months,
    /// number words, honorifics, the nouns of numbered things ("Figure 3", "Phase 2") and a few
    /// generic business words ("Rival AMD"). "US" is left out ("US Steel"; the pronoun rarely
    /// leads a run).
    static let commonWords: WordSet = Hash.foldedSet(commonWordList)

    static let commonWordList: [String] = SuggesterWordLists.list("common-words")
}
