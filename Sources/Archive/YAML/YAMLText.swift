import Foundation

/// YAML that Broadsheet writes into files for editors (`broadsheet new`'s front matter, what
/// `broadsheet import` adds): double-quoted scalars and flow lists, which read back as the
/// same text whatever it holds (colons, `#`, quotes, leading dashes).
public enum YAMLText {
    /// `text` as a YAML double-quoted scalar.
    public static func quoted(_ text: String) -> String {
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
    public static func list(_ items: [String]) -> String {
        "[" + items.map(quoted).joined(separator: ", ") + "]"
    }
}
