/// Splits a query into its pieces: words (maybe `-`negated, maybe `name:value`),
/// `"phrases"`, and an unclosed quote's rest. Straight and curly quotes both count.
struct QueryLexer {
    struct Piece {
        enum Kind {
            case word(String, negated: Bool)
            case phrase(String, negated: Bool)
            case unclosedQuote(String)
        }
        var kind: Kind
        /// For `tag:"data centres"`: the quoted value.
        var quotedValue: String?
        /// Whether whitespace follows the piece (a word still being typed has none).
        var endsWithSpace: Bool
        var prefixCandidate = false
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    private static func isQuote(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\"" || scalar == "\u{201C}" || scalar == "\u{201D}" || scalar == "\u{201E}"
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace }

    mutating func pieces() -> [Piece] {
        var result: [Piece] = []
        while true {
            while index < scalars.count, Self.isSpace(scalars[index]) { index += 1 }
            guard index < scalars.count else { break }
            var negated = false
            if scalars[index] == "-", index + 1 < scalars.count, !Self.isSpace(scalars[index + 1]) {
                negated = true
                index += 1
            }
            if Self.isQuote(scalars[index]) {
                index += 1
                guard let text = readUntilQuote() else {
                    result.append(Piece(kind: .unclosedQuote(String(String.UnicodeScalarView(scalars[index...]))), endsWithSpace: false))
                    index = scalars.count
                    break
                }
                result.append(Piece(kind: .phrase(text, negated: negated), endsWithSpace: index < scalars.count))
                continue
            }
            var word = String.UnicodeScalarView()
            var quotedValue: String?
            while index < scalars.count, !Self.isSpace(scalars[index]) {
                if Self.isQuote(scalars[index]), word.last == ":" {
                    index += 1
                    if let text = readUntilQuote() {
                        quotedValue = text
                        continue
                    }
                    // tag:"unclosed: the rest is the value, and a note would be noise.
                    quotedValue = String(String.UnicodeScalarView(scalars[index...]))
                    index = scalars.count
                    break
                }
                word.append(scalars[index])
                index += 1
            }
            result.append(Piece(kind: .word(String(word), negated: negated), quotedValue: quotedValue,
                                endsWithSpace: index < scalars.count))
        }
        return result
    }


    /// The text up to the next quote (consumed), or nil if none closes it.
    private mutating func readUntilQuote() -> String? {
        guard let end = scalars[index...].firstIndex(where: Self.isQuote) else { return nil }
        let text = String(String.UnicodeScalarView(scalars[index..<end]))
        index = end + 1
        return text
    }
}
