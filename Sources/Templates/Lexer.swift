import Foundation

/// Splits template source into tokens, honouring set-delimiter tags, and
/// checks that sections nest. All syntax errors are thrown from here, in
/// source order, with the position of the offending tag.
struct Lexer {
    private let src: [UInt8]
    private let path: String
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    private(set) var tokens: [Token] = []
    private var openSections: [Int] = []
    // Incremental line tracking (positions are requested in source order).
    private var line = 1
    private var lineStart = 0
    private var scanned = 0

    init(source: [UInt8], path: String) {
        self.src = source
        self.path = path
    }

    /// Tokenizes the whole source.
    mutating func run() throws(TemplateError) {
        var pos = 0
        while pos < src.count {
            guard let tagStart = find(open, from: pos) else {
                emitText(pos, src.count)
                break
            }
            emitText(pos, tagStart)
            pos = try lexTag(at: tagStart)
        }
        if let innermost = openSections.last {
            let token = tokens[innermost]
            throw TemplateError(path: path, at: token.position, "unclosed section \"\(token.name)\"")
        }
    }

    /// Lexes the tag starting at `tagStart`; returns the offset after it.
    private mutating func lexTag(at tagStart: Int) throws(TemplateError) -> Int {
        let position = position(at: tagStart)
        let afterOpen = tagStart + open.count
        let path = self.path
        let fail = { (message: String) in TemplateError(path: path, at: position, message) }
        func unclosed(_ missing: [UInt8]) -> TemplateError {
            fail("unclosed tag: missing \"\(String(decoding: missing, as: UTF8.self))\"")
        }
        guard afterOpen < src.count else { throw unclosed(close) }
        let kind: TagKind
        var contentStart = afterOpen + 1
        var terminator = close
        switch src[afterOpen] {
        case UInt8(ascii: "{"): kind = .unescaped; terminator = [UInt8(ascii: "}")] + close
        case UInt8(ascii: "&"): kind = .unescaped
        case UInt8(ascii: "!"): kind = .comment
        case UInt8(ascii: "="): kind = .delimiters; terminator = [UInt8(ascii: "=")] + close
        case UInt8(ascii: "#"): kind = .section
        case UInt8(ascii: "^"): kind = .inverted
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "<"): kind = .parent
        case UInt8(ascii: "$"): kind = .block
        default: kind = .variable; contentStart = afterOpen
        }
        guard let contentEnd = find(terminator, from: contentStart) else {
            switch kind {
            case .delimiters where find(close, from: contentStart) != nil: throw fail(Lexer.badDelimiters)
            case .delimiters: throw unclosed(close)
            default: throw unclosed(terminator)  // `}}` or, for `{{{`, `}}}`
            }
        }
        let tagEnd = contentEnd + terminator.count
        var token = Token(tag: kind, start: tagStart, end: tagEnd)
        token.position = position
        let content = String(decoding: src[contentStart..<contentEnd], as: UTF8.self)
        switch kind {
        case .comment:
            break
        case .delimiters:
            let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" })
            guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                throw fail(Lexer.badDelimiters)
            }
            open = Array(parts[0].utf8)
            close = Array(parts[1].utf8)
        default:
            try fillName(of: &token, content, fail)
        }
        tokens.append(token)
        if kind.opensSection {
            openSections.append(tokens.count - 1)
        } else if kind == .close {
            try closeSection(fail)
        }
        return tagEnd
    }

    static let badDelimiters =
        "invalid set-delimiter tag: expected two delimiters separated by whitespace, as in {{=<% %>=}}"

    /// Validates and stores a tag's name (and parsed path where relevant).
    private func fillName(
        of token: inout Token, _ content: String, _ fail: (String) -> TemplateError
    ) throws(TemplateError) {
        var name = content.trimmingCharacters(in: .whitespacesAndNewlines)
        var dynamic = false
        if token.tag == .partial || token.tag == .parent || token.tag == .close, name.hasPrefix("*") {
            dynamic = true
            name = String(name.dropFirst()).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard !name.isEmpty else { throw fail("empty tag name") }
        guard !name.contains(where: \.isWhitespace) else {
            throw fail("invalid tag name \"\(name)\": names cannot contain whitespace")
        }
        switch token.tag {
        case .variable, .unescaped, .section, .inverted:
            guard let path = Path.parse(name) else { throw fail("invalid tag name \"\(name)\"") }
            token.path = path
        case .partial, .parent:
            if dynamic {
                guard let path = Path.parse(name), !path.components.isEmpty else {
                    throw fail("invalid dynamic name \"*\(name)\"")
                }
                token.path = path
            }
        default:
            break
        }
        token.name = dynamic ? "*" + name : name
    }

    /// Pairs the close tag just appended with the innermost open section.
    private mutating func closeSection(_ fail: (String) -> TemplateError) throws(TemplateError) {
        let closeIndex = tokens.count - 1
        let name = tokens[closeIndex].name
        guard let openIndex = openSections.popLast() else {
            throw fail("closing tag \"\(name)\" has no matching opening tag")
        }
        let expected = tokens[openIndex].name
        guard expected == name else {
            throw fail("mismatched closing tag: expected \"\(expected)\", found \"\(name)\"")
        }
        tokens[openIndex].match = closeIndex
        tokens[closeIndex].match = openIndex
    }

    /// Emits text in `a..<b` as tokens that each end at (and include) a newline.
    private mutating func emitText(_ a: Int, _ b: Int) {
        var start = a
        var index = a
        while index < b {
            if src[index] == 0x0A {
                tokens.append(Token(tag: nil, start: start, end: index + 1))
                start = index + 1
            }
            index += 1
        }
        if start < b { tokens.append(Token(tag: nil, start: start, end: b)) }
    }

    /// The line and column of `offset`; offsets must not decrease between calls.
    private mutating func position(at offset: Int) -> SourcePosition {
        while scanned < offset {
            if src[scanned] == 0x0A {
                line += 1
                lineStart = scanned + 1
            }
            scanned += 1
        }
        var column = 1
        for index in lineStart..<offset where src[index] & 0xC0 != 0x80 {
            column += 1
        }
        return SourcePosition(line: line, column: column)
    }

    /// The first offset at or after `from` where `needle` occurs.
    private func find(_ needle: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, src.count >= needle.count else { return nil }
        let last = src.count - needle.count
        var index = from
        while index <= last {
            if src[index] == first {
                var matched = 1
                while matched < needle.count && src[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return index }
            }
            index += 1
        }
        return nil
    }
}
