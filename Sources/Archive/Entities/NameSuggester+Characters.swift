import Foundation

extension NameSuggester {
    // MARK: Characters and sentences

    /// Where the run of ASCII letters and digits starting at `start` ends, and which kinds it
    /// has (bit 1 capitals, 2 lowercase, 4 digits). Eight bytes at a time: per byte, the high
    /// bit of each range test is computed in parallel (bytes ≥ 0x80 are in no range).
    @inline(__always)
    static func asciiAlphanumerics(_ text: UnsafePointer<UInt8>, from start: Int, count: Int) -> (end: Int, flags: UInt8) {
        let high: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func spread(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }
        /// High bit of each byte set where `low <= byte <= highest` (byte < 0x80).
        @inline(__always) func within(_ x: UInt64, _ low: UInt8, _ highest: UInt8) -> UInt64 {
            let lifted = x | high
            return (lifted &- spread(low)) & ~(lifted &- spread(highest &+ 1)) & ~x & high
        }
        var position = start
        var flags: UInt8 = 0
        let raw = UnsafeRawPointer(text)
        while position + 8 <= count {
            let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))
            let upper = within(x, 0x41, 0x5A), lower = within(x, 0x61, 0x7A), digit = within(x, 0x30, 0x39)
            let stop = ~(upper | lower | digit) & high
            if stop == 0 {
                flags |= (upper != 0 ? 1 : 0) | (lower != 0 ? 2 : 0) | (digit != 0 ? 4 : 0)
                position += 8
                continue
            }
            let bytes = stop.trailingZeroBitCount / 8
            let before: UInt64 = bytes == 0 ? 0 : (1 << UInt64(bytes * 8)) &- 1
            flags |= (upper & before != 0 ? 1 : 0) | (lower & before != 0 ? 2 : 0) | (digit & before != 0 ? 4 : 0)
            return (position + bytes, flags)
        }
        while position < count {
            let byte = text[position]
            if isUpper(byte) { flags |= 1 } else if isLower(byte) { flags |= 2 } else if isDigit(byte) { flags |= 4 } else { break }
            position += 1
        }
        return (position, flags)
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    @inline(__always) static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    @inline(__always) static func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }

    /// Whether a word character (letter, digit, `_`) starts at `position`; false at the end.
    static func isWordStart(_ text: UnsafePointer<UInt8>, count: Int, at position: Int) -> Bool {
        guard position < count else { return false }
        let byte = text[position]
        if byte < 0x80 {
            switch ByteClass(ascii: byte) {
            case .upper, .lower, .digit, .underscore: return true
            default: return false
            }
        }
        switch classify(decode(text, at: position, count: count).0) {
        case .upper, .letter: return true
        default: return false
        }
    }

    /// Whether the byte before `position` ends an ASCII word or a non-ASCII character (taken,
    /// conservatively, for a letter: "€$5" is no ticker).
    static func isWordEnd(_ text: UnsafePointer<UInt8>, at position: Int) -> Bool {
        let byte = text[position - 1]
        if byte >= 0x80 { return true }
        switch ByteClass(ascii: byte) {
        case .upper, .lower, .digit, .underscore: return true
        default: return false
        }
    }

    /// Whether the `.`, `!`, `?` or `…` at `position` (`length` bytes) ends a sentence: it is
    /// followed, after any closing quotes and brackets, by whitespace or the end; the next
    /// word does not start in lowercase; and a `.` does not close an abbreviation ("Dr.",
    /// "U.S.") or an initial ("John F. Kennedy").
    static func endsSentence(_ text: UnsafePointer<UInt8>, count: Int, at position: Int, length: Int) -> Bool {
        var after = position + length
        while after < count {
            let byte = text[after]
            if byte == 0x2E || byte == 0x21 || byte == 0x3F || byte == 0x22 || byte == 0x27 || byte == 0x29 || byte == 0x5D || byte == 0x2A {
                after += 1
            } else if byte == 0xE2, after + 2 < count, text[after + 1] == 0x80, (0x98...0x9D).contains(text[after + 2]) || text[after + 2] == 0xA6 {
                after += 3
            } else {
                break
            }
        }
        guard after < count else { return true }
        let next = text[after]
        guard next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == 0xC2 else { return false }
        var word = after
        while word < count, text[word] == 0x20 || text[word] == 0x09 { word += 1 }
        if word < count, isLower(text[word]) { return false }
        if text[position] == 0x2E {
            var wordStart = position
            while wordStart > 0, isUpper(text[wordStart - 1]) || isLower(text[wordStart - 1]) || isDigit(text[wordStart - 1]) || text[wordStart - 1] == 0x2E {
                wordStart -= 1
            }
            if wordStart > 0 && text[wordStart - 1] >= 0x80 { return true }
            if position - wordStart == 1 && isUpper(text[wordStart]) { return false }
            if position > wordStart && abbreviations.contains(Hash.foldedASCII(text, from: wordStart, to: position, count: count)) { return false }
        }
        return true
    }

    /// The end of the sentence that contains `position`: after its closing punctuation, or at
    /// the end of the line.
    static func sentenceEnd(_ text: UnsafePointer<UInt8>, count: Int, from position: Int) -> Int {
        var index = position
        while index < count {
            let byte = text[index]
            if byte == 0x0A || byte == 0x0D { return index }
            if byte == 0x2E || byte == 0x21 || byte == 0x3F {
                if endsSentence(text, count: count, at: index, length: 1) { return closingEnd(text, count: count, after: index + 1) }
                index += 1
            } else if byte == 0xE2, index + 2 < count, text[index + 1] == 0x80, text[index + 2] == 0xA6 {
                if endsSentence(text, count: count, at: index, length: 3) { return closingEnd(text, count: count, after: index + 3) }
                index += 3
            } else if byte == 0xE2, index + 2 < count, text[index + 1] == 0x80, text[index + 2] == 0xA8 || text[index + 2] == 0xA9 {
                return index
            } else {
                index += 1
            }
        }
        return count
    }

    /// Past any closing quotes and brackets after a sentence's last mark.
    private static func closingEnd(_ text: UnsafePointer<UInt8>, count: Int, after position: Int) -> Int {
        var index = position
        while index < count {
            let byte = text[index]
            if byte == 0x22 || byte == 0x27 || byte == 0x29 || byte == 0x5D || byte == 0x2E || byte == 0x21 || byte == 0x3F {
                index += 1
            } else if byte == 0xE2, index + 2 < count, text[index + 1] == 0x80, (0x98...0x9D).contains(text[index + 2]) {
                index += 3
            } else {
                break
            }
        }
        return index
    }
}
