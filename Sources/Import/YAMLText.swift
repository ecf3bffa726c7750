import Foundation

/// YAML the import writes into front matter: double-quoted scalars and flow lists, which
/// read back as the same text whatever it holds (colons, `#`, quotes, leading dashes).
enum YAMLText {
    /// `text` as a YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\x%02X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// `["a", "b"]`.
    static func list(_ items: [String]) -> String {
        "[" + items.map(quoted).joined(separator: ", ") + "]"
    }
}

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
