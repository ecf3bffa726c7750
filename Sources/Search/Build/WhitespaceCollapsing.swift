/// Turns every run of whitespace into one space and trims the ends, on UTF-8 bytes:
/// what an excerpt's text needs, for hundreds of thousands of excerpts.
///
/// Whitespace is exactly what `Character.isWhitespace` calls whitespace (the scalars
/// with Unicode's White_Space property), so the result equals
/// `text.split(whereSeparator: \.isWhitespace).joined(separator: " ")`.
enum WhitespaceCollapsing {
    static func collapse(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = 0
        while index < bytes.count {
            let length = whitespaceLength(bytes, at: index)
            if length > 0 {
                pendingSpace = !result.isEmpty
                index += length
                continue
            }
            if pendingSpace {
                result.append(0x20)
                pendingSpace = false
            }
            result.append(bytes[index])
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The length of the whitespace scalar at `index`, or 0 if there is none.
    private static func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : 0 }
        func at(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
        switch byte {
        case 0xC2:  // U+0085 NEL, U+00A0 no-break space
            return at(1) == 0x85 || at(1) == 0xA0 ? 2 : 0
        case 0xE1:  // U+1680 Ogham space mark
            return at(1) == 0x9A && at(2) == 0x80 ? 3 : 0
        case 0xE2:
            let second = at(1), third = at(2)
            if second == 0x80, (0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF { return 3 }
            return second == 0x81 && third == 0x9F ? 3 : 0  // U+205F medium mathematical space
        case 0xE3:  // U+3000 ideographic space
            return at(1) == 0x80 && at(2) == 0x80 ? 3 : 0
        default:
            return 0
        }
    }
}
