/// Broadsheet's one sentence splitter: the sentence around a span of text, as UTF-8 bytes.
///
/// Entity pages quote each mention in its sentence, and `entities suggest` quotes each
/// candidate in one; both go through here, so both agree on where a sentence ends.
/// A sentence ends at a newline, and at whitespace after `.`, `!`, `?` or `…` (and any
/// closing quotes or brackets), unless the next word starts in lowercase or the `.` closes
/// an abbreviation ("Dr.", "U.S.", "Inc.", "Jan.") or an initial ("John F. Kennedy").
public enum Sentence {
    /// Longest stretch kept on each side of a mention, in bytes, unless a caller says otherwise.
    public static let reach = 160

    /// Words that a `.` follows without ending the sentence, lowercased, without the final `.`.
    static let abbreviations: Set<String> = Set("""
        mr mrs ms dr prof st jr sr inc ltd corp co plc llc vs e.g i.e u.s u.k u.n e.u no nos approx est fig vol
        gen gov sen rep lt col capt mt ft jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// The sentence holding `span` in `text`, cut to at most about `reach` bytes on each side
    /// at a space, with "…" where it was cut; and the span's place in the returned string.
    public static func around(_ span: Range<Int>, in text: [UInt8], reach: Int = reach) -> (String, Range<Int>) {
        let (bounds, cutBefore, cutAfter) = self.bounds(around: span, in: text, reach: reach)
        let prefix = cutBefore ? "…" : ""
        let sentence = prefix + String(decoding: text[bounds], as: UTF8.self) + (cutAfter ? "…" : "")
        let offset = prefix.utf8.count - bounds.lowerBound
        return (sentence, (span.lowerBound + offset)..<(span.upperBound + offset))
    }

    /// The byte range of the sentence holding `span`, without surrounding whitespace, and
    /// whether it was cut short before or after the span because it reached further than `reach`.
    public static func bounds(around span: Range<Int>, in text: [UInt8], reach: Int = reach) -> (Range<Int>, Bool, Bool) {
        var start = span.lowerBound, cutBefore = false
        while start > 0, text[start - 1] != 0x0A, !(isSpace(text[start - 1]) && endsSentence(before: start - 1, in: text)) {
            if span.lowerBound - start >= reach, isSpace(text[start - 1]) { cutBefore = true; break }
            start -= 1
        }
        var end = span.upperBound, cutAfter = false
        while end < text.count, text[end] != 0x0A, !(isSpace(text[end]) && endsSentence(before: end, in: text)) {
            if end - span.upperBound >= reach, isSpace(text[end]) { cutAfter = true; break }
            end += 1
        }
        while start < span.lowerBound, isSpace(text[start]) { start += 1 }
        while end > span.upperBound, isSpace(text[end - 1]) { end -= 1 }
        return (start..<end, cutBefore, cutAfter)
    }

    /// Whether a sentence ends just before the whitespace at `index`: a terminal, then any
    /// closing quotes or brackets, comes before it; the next word does not start in
    /// lowercase; and a `.` does not close an abbreviation or an initial.
    public static func endsSentence(before index: Int, in text: [UInt8]) -> Bool {
        var last = index - 1
        while last >= 0, isCloser(text, last) { last -= closerLength(text, last) }
        guard last >= 0 else { return false }
        let isEllipsis = last >= 2 && text[last - 2] == 0xE2 && text[last - 1] == 0x80 && text[last] == 0xA6
        guard isEllipsis || text[last] == 0x21 || text[last] == 0x3F || text[last] == 0x2E else { return false }
        var next = index
        while next < text.count, text[next] == 0x20 || text[next] == 0x09 { next += 1 }
        if next < text.count, (0x61...0x7A).contains(text[next]) { return false }
        guard text[last] == 0x2E else { return true }
        var word = last
        while word > 0, isWordByte(text[word - 1]) || text[word - 1] == 0x2E { word -= 1 }
        let before = String(decoding: text[word..<last], as: UTF8.self)
        if before.utf8.count == 1, (0x41...0x5A).contains(text[word]) { return false }
        return !abbreviations.contains(before.lowercased())
    }

    /// `"` `'` `)` `]` `*` and the closing curly quotes and guillemet end at `index`.
    private static func isCloser(_ text: [UInt8], _ index: Int) -> Bool { closerLength(text, index) > 0 }

    private static func closerLength(_ text: [UInt8], _ index: Int) -> Int {
        switch text[index] {
        case 0x22, 0x27, 0x29, 0x5D, 0x2A: return 1
        case 0x99, 0x9D: return index >= 2 && text[index - 2] == 0xE2 && text[index - 1] == 0x80 ? 3 : 0
        case 0xBB: return index >= 1 && text[index - 1] == 0xC2 ? 2 : 0
        default: return 0
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { TextStatistics.isSpace(byte) }
}
