import Markup

extension NameSuggester {
    /// What a token is, by the shape of its letters.
    enum Shape { case capitalised, lowercase, number, ampersand, ticker, other }

    /// A word, number, ticker or spaced "&" of a line; a handle or hashtag (after `@` or `#`)
    /// is `.other`. `isProduct`: letters and digits with a capital, not shaped like an amount or
    /// period. `isPossessive` ("Sachs’s", "Sachs’"): the apostrophe and `s` are not in `range`,
    /// and a run ends here. `cleanGap`: only spaces since the previous token. `startsSentence`:
    /// or the line, or follows a colon.
    struct Token {
        var range: Range<Int>
        var shape: Shape
        var isProduct = false, isPossessive = false, cleanGap = false, startsSentence = false
    }

    /// The tokens of `line`; whether its punctuation (`,` `(` `;` `@`) marks it as prose; and
    /// whether it ends with `.` `!` `?` or `…`. Scalars are decoded only where bytes are not ASCII.
    static func tokens(of line: Range<Int>, in text: [UInt8]) -> (tokens: [Token], prose: Bool, endsWithStop: Bool) {
        var tokens = [Token](), index = line.lowerBound, clean = false, sentenceStart = true, symbol = false, prose = false, stop = false
        tokens.reserveCapacity(line.count / 5)
        func add(_ token: Token, next: Int) {
            var token = token
            (token.cleanGap, token.startsSentence) = (clean && tokens.last?.isPossessive != true, sentenceStart)
            if symbol { (token.shape, token.isProduct) = (.other, false) }
            tokens.append(token)
            (clean, sentenceStart, symbol, stop, index) = (true, false, false, false, next)
        }
        while index < line.upperBound {
            let (scalar, length) = Self.scalar(at: index, in: text)
            if isWord(scalar) {
                let (token, next) = readToken(at: index, in: text, upTo: line.upperBound)
                add(token, next: next)
            } else if scalar == " " || scalar == "\t" || scalar == "\r" || (!scalar.isASCII && scalar.properties.isWhitespace) {
                if stop, Sentence.endsSentence(before: index, in: text) { sentenceStart = true }
                index += length
            } else if scalar == "&", index > line.lowerBound, text[index - 1] == 0x20, index + 1 < line.upperBound, text[index + 1] == 0x20 {
                add(Token(range: index..<index + 1, shape: .ampersand), next: index + 1)
            } else if scalar == "$", let end = tickerEnd(at: index, in: text, upTo: line.upperBound) {
                add(Token(range: index..<end, shape: .ticker), next: end)
            } else {
                (clean, sentenceStart) = (false, sentenceStart || scalar == ":")
                prose = prose || ",(;@".unicodeScalars.contains(scalar)
                stop = stop || ".!?…".unicodeScalars.contains(scalar)
                if scalar == "@" || scalar == "#" { symbol = index + 1 < line.upperBound && isWord(Self.scalar(at: index + 1, in: text).0) }
                index += length
            }
        }
        return (tokens, prose, stop)
    }

    /// Reads a token at a word character (and says where reading goes on): letters and digits, joined
    /// by `-` `.` `'` before a word character, `,` between digits ("27,000"), `&` between capitals ("AT&T").
    static func readToken(at start: Int, in text: [UInt8], upTo limit: Int) -> (Token, Int) {
        var index = start, upper = false, lower = false, digit = false, hyphenated = false, lastSegment = start, apostropheEnd = -1
        reading: while index < limit {
            let byte = text[index]
            if isLower(byte) || isUpper(byte) || isDigit(byte) || byte == 0x5F {
                (upper, lower, digit, index) = (upper || isUpper(byte), lower || isLower(byte), digit || isDigit(byte), index + 1)
                continue
            }
            let (scalar, length) = Self.scalar(at: index, in: text)
            let joins = index + length < limit && isWord(Self.scalar(at: index + length, in: text).0)
            switch scalar {
            case "-", ".", "'", "’", "‘":
                guard joins else { break reading }
                if scalar == "-" { (hyphenated, lastSegment) = (true, index + 1) } else if scalar != "." { apostropheEnd = index + length }
            case ",": guard joins, isDigit(text[index - 1]), isDigit(text[index + 1]) else { break reading }
            case "&": guard joins, isUpper(text[index - 1]), isUpper(text[index + 1]) else { break reading }
            case _ where isWord(scalar): if isUppercase(scalar) { upper = true } else { lower = true }
            default: break reading
            }
            index += length
        }
        var end = index, next = index, possessive = false
        let endsInS = text[end - 1] | 0x20 == UInt8(ascii: "s"), after = next < limit ? scalar(at: next, in: text) : (" ", 0)
        if endsInS, apostropheEnd + 1 == end {
            (end, possessive) = (text[end - 2] == 0x27 ? end - 2 : end - 4, true)
        } else if endsInS, after.0 == "'" || after.0 == "’", next + after.1 >= limit || !isWord(scalar(at: next + after.1, in: text).0) {
            (next, possessive) = (next + after.1, true)
        }
        // Plural products: "GB200s", "H100s", "MI300Xs".
        if digit, upper, !possessive, end - start >= 3, text[end - 1] == UInt8(ascii: "s"), isDigit(text[end - 2]) || isUpper(text[end - 2]) { end -= 1 }
        let first = scalar(at: start, in: text).0
        let firstLower = first.isASCII ? isLower(UInt8(first.value)) : first.properties.isLowercase
        let lastSegmentLower = hyphenated && lastSegment < end && isLower(text[lastSegment])
        let shape: Shape = (isUppercase(first) && !lastSegmentLower) || (firstLower && upper && !digit && !hyphenated) ? .capitalised
            : lower && !upper && !digit ? .lowercase : digit && !upper && !lower ? .number : .other
        return (Token(range: start..<end, shape: shape, isProduct: digit && upper && isProductLike(text[start..<end]), isPossessive: possessive), next)
    }

    /// The end of a ticker at the `$` at `start` ("$NVDA", "$BRK.B"): 1–5 capitals, no word character
    /// touching it; nil for anything else ("$2.7B").
    static func tickerEnd(at start: Int, in text: [UInt8], upTo limit: Int) -> Int? {
        if start > 0, text[start - 1] >= 0x80 || isWord(Unicode.Scalar(text[start - 1])) { return nil }
        var end = start + 1
        while end < limit, end - start <= 6, isUpper(text[end]) { end += 1 }
        guard (2...6).contains(end - start) else { return nil }
        if end + 1 < limit, text[end] == 0x2E, isUpper(text[end + 1]), end + 2 >= limit || !isWord(scalar(at: end + 2, in: text).0) { end += 2 }
        return end < limit && isWord(scalar(at: end, in: text).0) ? nil : end
    }

    /// The scalar at `index` and its length in bytes, decoded by the standard library.
    static func scalar(at index: Int, in text: [UInt8]) -> (Unicode.Scalar, Int) {
        guard text[index] >= 0x80 else { return (Unicode.Scalar(text[index]), 1) }
        let length = text[index] >= 0xF0 ? 4 : text[index] >= 0xE0 ? 3 : 2
        return (String(decoding: text[index..<min(index + length, text.count)], as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}", length)
    }

    /// Letters, digits, marks and `_`, as for entity mentions.
    static func isWord(_ scalar: Unicode.Scalar) -> Bool { AliasMatcherBoundary.isWord(scalar) }
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool { scalar.isASCII ? isUpper(UInt8(scalar.value)) : scalar.properties.isUppercase }
    static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    static func isUpper(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }
    static func isLower(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) }

    /// What words are counted and compared by: a 64-bit FNV-1a hash of the lowercased UTF-8
    /// bytes, so that the scan makes no `String` per word. Among a million distinct words, the
    /// chance that any two collide is about 3 in 10⁸; it would cost one suggestion at worst.
    static func key(_ bytes: some Collection<UInt8>) -> UInt64 {
        if bytes.contains(where: { $0 >= 0x80 }) { return fnv(String(decoding: bytes, as: UTF8.self).lowercased().utf8) }
        return fnv(bytes.lazy.map { isUpper($0) ? $0 | 0x20 : $0 })
    }

    static func fnv(_ bytes: some Sequence<UInt8>) -> UInt64 { bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 } }
}
