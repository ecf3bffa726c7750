/// Finds `{{ … }}` and `{% … %}` in a piece of text, line by line, as `LiquidScanner` (which
/// the import uses too) reads a line.
enum TemplateSyntaxScanner {
    /// The longest snippet reported; a tag left open runs to the end of its line.
    static let snippetLimit = 60

    /// Each opening `{{` or `{%` in `text`, with the tag up to its closing `}}` or `%}`
    /// (or the line's end), on its line counted from `firstLine`.
    static func find(in text: String, firstLine: Int) -> [TemplateSyntaxMention] {
        // Most prose holds no tag: say so from the bytes before cutting lines.
        guard mayHoldTag(text) else { return [] }
        var found: [TemplateSyntaxMention] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for case .tag(let tag) in LiquidScanner.pieces(of: line) {
                found.append(TemplateSyntaxMention(snippet: snippet(tag.text), line: firstLine + offset))
            }
        }
        return found
    }

    /// True when `text` has a `{` followed by `{` or `%`.
    private static func mayHoldTag(_ text: String) -> Bool {
        var previousBrace = false
        for byte in text.utf8 {
            if previousBrace, byte == UInt8(ascii: "{") || byte == UInt8(ascii: "%") { return true }
            previousBrace = byte == UInt8(ascii: "{")
        }
        return false
    }

    private static func snippet(_ tag: Substring) -> String {
        tag.count > snippetLimit ? String(tag.prefix(snippetLimit - 1)) + "…" : String(tag)
    }
}
