/// Text made safe for XML: feeds, sitemaps and inline SVG share one escaper.
enum XMLText {
    /// Escapes text for XML content and attribute values, dropping the control
    /// characters XML 1.0 forbids even when escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // XML 1.0 forbids most control characters even when escaped; drop them.
                if character.value < 0x20 && character != "\t" && character != "\n" && character != "\r" { continue }
                out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
