import Foundation

/// One Liquid tag in a text: `{{ page.title }}` (an output) or `{% post_url x %}` (a tag),
/// found on one line. Jekyll runs Liquid over every post before Markdown; Broadsheet does
/// not, so `broadsheet import` turns the few tags it can into plain links and leaves the
/// rest, saying where, and `broadsheet check` warns of any left in an issue's text. Both
/// find them with `LiquidScanner`, so they agree on what a tag is.
public struct LiquidTag: Sendable, Equatable {
    /// `{{ … }}` or `{% … %}`.
    public enum Kind: Sendable, Equatable { case output, tag }

    public var kind: Kind
    /// The tag as written, braces and all.
    public var text: Substring
    /// What is inside, without the braces, whitespace-control dashes (`{%-`, `-%}`) and the
    /// spaces around it: `post_url 2018/2018-01-19-forums`.
    public var inner: Substring
    /// False when the line ends before the closing `}}` or `%}`: a tag across lines,
    /// which is left as it is.
    public var closed: Bool

    /// The tag's name (`post_url`, `highlight`) or, for an output, its whole expression.
    public var name: Substring {
        guard kind == .tag else { return inner }
        return inner.prefix { $0 != " " && $0 != "\t" }
    }

    /// What follows the tag's name: `2018/2018-01-19-forums` for `post_url`.
    public var argument: Substring {
        inner.dropFirst(name.count).trimmingSpaces()
    }

    /// The tag for messages: as written, shortened past 60 characters.
    public var shown: String {
        let flat = text.replacingOccurrences(of: "\r", with: "")
        return flat.count > 60 ? String(flat.prefix(57)) + "…" : flat
    }
}

/// Finds Liquid tags in a line.
public enum LiquidScanner {
    /// One stretch of a line: text, or a tag.
    public enum Piece: Sendable, Equatable {
        case text(Substring)
        case tag(LiquidTag)
    }

    /// `line` cut into text and tags, in order; joined back, the pieces are the line.
    public static func pieces(of line: Substring) -> [Piece] {
        var pieces: [Piece] = []
        var textStart = line.startIndex
        var index = line.startIndex
        while let open = nextOpening(in: line, from: index) {
            let kind: LiquidTag.Kind = line[line.index(after: open)] == "{" ? .output : .tag
            let closing = kind == .output ? "}}" : "%}"
            let afterOpen = line.index(open, offsetBy: 2)
            if open > textStart { pieces.append(.text(line[textStart..<open])) }
            if let close = line[afterOpen...].range(of: closing) {
                let text = line[open..<close.upperBound]
                pieces.append(.tag(LiquidTag(kind: kind, text: text, inner: innerText(line[afterOpen..<close.lowerBound]), closed: true)))
                index = close.upperBound
            } else {
                let text = line[open...]
                pieces.append(.tag(LiquidTag(kind: kind, text: text, inner: innerText(line[afterOpen...]), closed: false)))
                index = line.endIndex
            }
            textStart = index
        }
        if textStart < line.endIndex { pieces.append(.text(line[textStart...])) }
        return pieces
    }

    /// Where the next `{{` or `{%` starts, at or after `from`.
    public static func nextOpening(in line: Substring, from: Substring.Index) -> Substring.Index? {
        var index = from
        while index < line.endIndex {
            let next = line.index(after: index)
            if line[index] == "{", next < line.endIndex, line[next] == "{" || line[next] == "%" { return index }
            index = next
        }
        return nil
    }

    /// The end of the first `{% endraw %}` (any spacing, with or without dashes) in `line`
    /// at or after `from`, and where it starts.
    public static func endRaw(in line: Substring, from: Substring.Index) -> Range<Substring.Index>? {
        var index = from
        while let open = line[index...].range(of: "{%") {
            guard let close = line[open.upperBound...].range(of: "%}") else { return nil }
            if innerText(line[open.upperBound..<close.lowerBound]) == "endraw" { return open.lowerBound..<close.upperBound }
            index = open.upperBound
        }
        return nil
    }

    /// A tag's inside without whitespace-control dashes and surrounding spaces.
    public static func innerText(_ text: Substring) -> Substring {
        var inner = text
        if inner.hasPrefix("-") { inner = inner.dropFirst() }
        if inner.hasSuffix("-") { inner = inner.dropLast() }
        return inner.trimmingSpaces()
    }
}
