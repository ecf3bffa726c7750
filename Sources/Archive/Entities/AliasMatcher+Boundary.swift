/// Word-boundary tests on raw UTF-8, used only where a candidate match begins or ends, so that
/// "Nvidia" is found in "Nvidia’s" and "(Nvidia)" but not inside "Nvidias" or "éNvidia".
///
/// A word character is an ASCII letter, digit or `_`, or a non-ASCII scalar that is a letter
/// (any `L*` category), a combining mark (`Mn`, `Mc`: "e" + U+0301 is still one letter) or a
/// decimal digit (`Nd`). Punctuation such as ’ (U+2019), — and NBSP is not. Bytes that are not
/// valid UTF-8 count as non-word, so a damaged byte never hides a real match.
enum AliasMatcherBoundary {
    /// ASCII word characters, by byte.
    private static let asciiWord: [Bool] = (0..<128).map { byte in
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == 95
    }

    /// Whether `scalar` is a word character (see the type's documentation).
    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return asciiWord[Int(scalar.value)] }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .decimalNumber:
            return true
        default:
            return false
        }
    }

    /// Whether the character whose encoding starts at byte `index` (< `count`) is a word character.
    static func isWordCharacter(startingAt index: Int, in text: UnsafePointer<UInt8>, count: Int) -> Bool {
        let lead = text[index]
        if lead < 0x80 { return asciiWord[Int(lead)] }
        guard let (scalar, _) = decode(at: index, in: text, count: count) else { return false }
        return isWord(scalar)
    }

    /// Whether the character whose encoding ends just before byte `index` (> 0) is a word character.
    static func isWordCharacter(endingAt index: Int, in text: UnsafePointer<UInt8>, count: Int) -> Bool {
        let last = text[index - 1]
        if last < 0x80 { return asciiWord[Int(last)] }
        // Step back over at most three continuation bytes to the sequence's lead byte.
        var lead = index - 1
        while lead > 0, index - lead < 4, text[lead] & 0xC0 == 0x80 { lead -= 1 }
        guard let (scalar, length) = decode(at: lead, in: text, count: count), lead + length == index else { return false }
        return isWord(scalar)
    }

    /// Decodes one well-formed UTF-8 sequence at `index`, or nil if the bytes there are malformed.
    static func decode(at index: Int, in text: UnsafePointer<UInt8>, count: Int) -> (Unicode.Scalar, Int)? {
        let lead = UInt32(text[index])
        let length: Int
        let minimum: UInt32
        var value: UInt32
        switch lead {
        case 0..<0x80: return Unicode.Scalar(lead).map { ($0, 1) }
        case 0xC2...0xDF: (length, minimum, value) = (2, 0x80, lead & 0x1F)
        case 0xE0...0xEF: (length, minimum, value) = (3, 0x800, lead & 0x0F)
        case 0xF0...0xF4: (length, minimum, value) = (4, 0x10000, lead & 0x07)
        default: return nil
        }
        guard index + length <= count else { return nil }
        for offset in 1..<length {
            let byte = UInt32(text[index + offset])
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | (byte & 0x3F)
        }
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}
