import Foundation

/// Lowercases a non-ASCII letter and strips its diacritics, as UTF-8: `É` → `e`,
/// `ß` → `ss`, `Ø` → `o`.
///
/// Done through Unicode's canonical decomposition (the base letter, then combining
/// marks, which are dropped), plus the few Latin letters that have no decomposition.
enum ScalarFolding {
    /// Letters whose diacritic is part of the letter itself, so decomposition keeps it.
    private static let special: [Unicode.Scalar: String] = [
        "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
        "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ł": "l", "Ł": "l", "ı": "i",
    ]

    static func fold(_ scalar: Unicode.Scalar) -> [UInt8] {
        if let replacement = special[scalar] { return Array(replacement.utf8) }
        let decomposed = String(String.UnicodeScalarView([scalar])).lowercased().decomposedStringWithCanonicalMapping
        var result: [UInt8] = []
        for part in decomposed.unicodeScalars where part.properties.generalCategory != .nonspacingMark {
            result.append(contentsOf: String(part).utf8)
        }
        return result.isEmpty ? Array(String(scalar).utf8) : result
    }
}
