/// Counting words and shortening text, over UTF-8 bytes for speed.
public enum TextStatistics {
    /// Words a reader gets through in a minute; the figure most reading-time
    /// estimates (Medium's among them) use for prose.
    public static let wordsPerMinute = 230

    /// The number of whitespace-separated words in `text`.
    public static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            if isSpace(byte) {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }

    /// Whole minutes to read `words` words, at least 1.
    public static func readingMinutes(words: Int) -> Int {
        max(1, (words + wordsPerMinute / 2) / wordsPerMinute)
    }

    /// `text` cut at a word boundary to at most `limit` bytes, with an ellipsis
    /// when anything was cut, so summaries stay a card's length.
    public static func excerpt(_ text: String, limit: Int) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count > limit else { return text }
        var cut = limit
        while cut > 0, !isSpace(bytes[cut]) { cut -= 1 }
        if cut == 0 { cut = limit }
        while cut > 0, (bytes[cut] & 0xC0) == 0x80 { cut -= 1 } // never split a character
        var end = cut
        while end > 0, isSpace(bytes[end - 1]) || bytes[end - 1] == UInt8(ascii: ",") { end -= 1 }
        return String(decoding: bytes[..<end], as: UTF8.self) + "…"
    }

    /// ASCII whitespace: space, tab, newline, carriage return, form feed.
    public static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }
}
