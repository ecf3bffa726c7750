/// Jekyll's `Utils.slugify`, in the two modes its permalinks use, so that an old address
/// is spelled here as Jekyll spelled it: every run of other characters becomes one `-`, a
/// `-` at either end is dropped, and (unless `cased`) letters are lowercased.
enum JekyllSlug {
    /// Which characters survive besides letters, marks and decimal digits.
    enum Mode: Sendable {
        /// `default`: none (`:slug`, `:name`).
        case plain
        /// `pretty`: also `._~!$&'()+,;=@` (`:title`).
        case pretty
    }

    /// `text` slugified as Jekyll does in `mode`.
    static func make(_ text: String, mode: Mode, cased: Bool) -> String {
        var out = String.UnicodeScalarView()
        var inRun = false
        for scalar in text.unicodeScalars {
            if keeps(scalar, mode) {
                out.append(scalar)
                inRun = false
            } else if !inRun {
                out.append("-")
                inRun = true
            }
        }
        var slug = String(out)
        if slug.hasPrefix("-") { slug.removeFirst() }
        if slug.hasSuffix("-") { slug.removeLast() }
        return cased ? slug : slug.lowercased()
    }

    private static func keeps(_ scalar: Unicode.Scalar, _ mode: Mode) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
            return true
        default:
            return mode == .pretty && "._~!$&'()+,;=@".unicodeScalars.contains(scalar)
        }
    }
}
