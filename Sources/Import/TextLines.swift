/// Lines of a text split at each `\n` byte, so a `\r\n` file keeps its `\r`s and joins back
/// byte for byte (a Swift `Character` would hold `\r\n` whole).
enum TextLines {
    /// Every line, the last one after the final `\n` included (empty when the text ends with one).
    static func split(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.startIndex
        var index = text.utf8.startIndex
        while index < text.utf8.endIndex {
            if text.utf8[index] == 0x0A {
                lines.append(text[start..<index])
                start = text.utf8.index(after: index)
            }
            index = text.utf8.index(after: index)
        }
        lines.append(text[start...])
        return lines
    }
}
