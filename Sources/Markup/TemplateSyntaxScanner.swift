/// Finds `{{ … }}` and `{% … %}` in a piece of text.
enum TemplateSyntaxScanner {
    /// The longest snippet reported; a tag left open runs to the end of its line.
    static let snippetLimit = 60

    /// Each opening `{{` or `{%` in `text`, with the tag up to its closing `}}` or `%}`
    /// (or the line's end), on its line counted from `firstLine`.
    static func find(in text: String, firstLine: Int) -> [TemplateSyntaxMention] {
        let bytes = Array(text.utf8)
        var found: [TemplateSyntaxMention] = []
        var line = firstLine
        var index = 0
        while index + 1 < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") { line += 1; index += 1; continue }
            guard byte == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") || bytes[index + 1] == UInt8(ascii: "%") else {
                index += 1
                continue
            }
            let closer = bytes[index + 1] == UInt8(ascii: "%") ? UInt8(ascii: "%") : UInt8(ascii: "}")
            var end = index + 2
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") {
                if bytes[end] == closer, end + 1 < bytes.count, bytes[end + 1] == UInt8(ascii: "}") { end += 2; break }
                end += 1
            }
            found.append(TemplateSyntaxMention(snippet: snippet(bytes[index..<end]), line: line))
            index = end
        }
        return found
    }

    private static func snippet(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.count > snippetLimit ? String(text.prefix(snippetLimit - 1)) + "…" : text
    }
}
