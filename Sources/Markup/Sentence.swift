/// The sentence around a span of paragraph text.
enum Sentence {
    /// Longest stretch kept on each side of a mention, in bytes.
    static let reach = 160

    /// The sentence holding `span` in `text`, and the span's place in it.
    static func around(_ span: Range<Int>, in text: [UInt8]) -> (String, Range<Int>) {
        var start = span.lowerBound
        while start > 0 {
            let previous = text[start - 1]
            if isSpace(previous), start >= 2, isTerminal(text[start - 2]) { break }
            if span.lowerBound - start >= reach, isSpace(previous) { break }
            start -= 1
        }
        var end = span.upperBound
        while end < text.count {
            if isTerminal(text[end]), end + 1 == text.count || isSpace(text[end + 1]) { end += 1; break }
            if end - span.upperBound >= reach, isSpace(text[end]) { break }
            end += 1
        }
        while start < span.lowerBound, isSpace(text[start]) { start += 1 }
        while end > span.upperBound, isSpace(text[end - 1]) { end -= 1 }
        var sentence = String(decoding: text[start..<end], as: UTF8.self)
        var prefix = 0
        if start > 0 && !(start >= 2 && isTerminal(text[start - 2])) {
            sentence = "…" + sentence
            prefix = 3
        }
        if end < text.count && !isTerminal(text[end - 1]) { sentence += "…" }
        let highlight = (span.lowerBound - start + prefix)..<(span.upperBound - start + prefix)
        return (sentence, highlight)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { TextStatistics.isSpace(byte) }
    private static func isTerminal(_ byte: UInt8) -> Bool { byte == 0x2E || byte == 0x21 || byte == 0x3F }
}
