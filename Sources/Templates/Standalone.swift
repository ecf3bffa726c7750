/// The spec's whitespace rules, applied to the token stream before the tree
/// is built, so the renderer never has to think about them.
///
/// A line is *standalone* when, apart from spaces and tabs, it holds only one
/// non-interpolation tag; the whole line (indentation and line break) is then
/// dropped, and for partials and parents the indentation is kept to prefix
/// every included line. The ~inheritance spec adds pairs of adjacent tags that
/// are standalone together: `{{<p}}{{/p}}`, `{{<p}}{{$b}}`, `{{/b}}{{/p}}`
/// and `{{$b}}{{/b}}` (this last one keeps its line break).
///
/// Standalone blocks are then dedented: the indentation common to the lines of
/// their content is removed where they are defined and re-added where they
/// expand (`Token.expansionIndent`).
enum Standalone {
    static func apply(to tokens: inout [Token], source src: [UInt8]) {
        var lineStart = 0
        while lineStart < tokens.count {
            var next = lineStart
            while next < tokens.count {
                let token = tokens[next]
                next += 1
                if token.tag == nil && src[token.end - 1] == 0x0A { break }
            }
            markLine(lineStart..<next, in: &tokens, src)
            lineStart = next
        }
        for index in tokens.indices where tokens[index].tag == .block && tokens[index].standalone {
            dedentBlock(at: index, in: &tokens, src)
        }
    }

    /// Decides whether the line made of `line` tokens is standalone, and marks it.
    private static func markLine(_ line: Range<Int>, in tokens: inout [Token], _ src: [UInt8]) {
        var tags: [Int] = []
        for index in line {
            let token = tokens[index]
            if token.tag != nil {
                tags.append(index)
                if tags.count > 2 { return }
            } else if index == line.upperBound - 1 {
                guard isLineEnd(token, src) else { return }
            } else if index == line.lowerBound {
                guard blankPrefix(token, src) == token.end - token.start else { return }
            } else {
                return
            }
        }
        if tags.count == 1 {
            guard tokens[tags[0]].tag!.canStandalone else { return }
            tokens[tags[0]].standalone = true
            strip(line, indentOwner: tags[0], keepNewline: false, &tokens, src)
            return
        }
        guard tags.count == 2, tags[1] == tags[0] + 1 else { return }
        let (first, second) = (tags[0], tags[1])
        let a = tokens[first].tag!, b = tokens[second].tag!
        let closesFirst = b == .close && tokens[second].match == first
        if a == .parent && (closesFirst || b == .block) {
            // `{{<p}}{{/p}}` or `{{<p}}{{$b}}`
            tokens[first].standalone = true
            tokens[second].standalone = true
            strip(line, indentOwner: first, keepNewline: false, &tokens, src)
        } else if a == .close, b == .close, tokens[tokens[first].match].tag == .block,
                  tokens[tokens[second].match].tag == .parent {
            // `{{/b}}{{/p}}`
            tokens[first].standalone = true
            tokens[second].standalone = true
            strip(line, indentOwner: first, keepNewline: false, &tokens, src)
        } else if a == .block && closesFirst {
            // `{{$b}}{{/b}}`: standalone, but the line break stays (spec PR #131).
            tokens[first].standalone = true
            tokens[second].keepsNewline = true
            strip(line, indentOwner: first, keepNewline: true, &tokens, src)
        }
    }

    /// Removes a standalone line's indentation and line ending.
    private static func strip(
        _ line: Range<Int>, indentOwner: Int, keepNewline: Bool, _ tokens: inout [Token], _ src: [UInt8]
    ) {
        if tokens[line.lowerBound].tag == nil {
            tokens[line.lowerBound].removed = true
            tokens[indentOwner].indentToken = line.lowerBound
        }
        let last = line.upperBound - 1
        guard tokens[last].tag == nil else { return }
        let token = tokens[last]
        if keepNewline && src[token.end - 1] == 0x0A {
            let crlf = token.end - 2 >= token.start && src[token.end - 2] == 0x0D
            tokens[last].start = token.end - (crlf ? 2 : 1)
        } else {
            tokens[last].removed = true
        }
    }

    /// Dedents a standalone block's content and records its expansion indent.
    private static func dedentBlock(at open: Int, in tokens: inout [Token], _ src: [UInt8]) {
        let close = tokens[open].match
        var lineStarts: [Int] = []
        var atLineStart = true
        var first = open + 1
        if first < close && tokens[first].tag == nil && tokens[first].removed {
            first += 1  // the removed end of the opening tag's own line
        }
        for index in first..<close {
            if atLineStart { lineStarts.append(index) }
            let token = tokens[index]
            atLineStart = token.tag == nil && src[token.end - 1] == 0x0A
        }
        var common: [UInt8]?
        for index in lineStarts {
            guard let candidate = indentation(ofLineAt: index, close: close, tokens, src) else { continue }
            guard let sofar = common else {
                common = candidate
                continue
            }
            var length = 0
            while length < sofar.count && length < candidate.count && sofar[length] == candidate[length] {
                length += 1
            }
            common = Array(sofar[0..<length])
        }
        guard let prefix = common else {
            // No content lines: the block takes the indentation of its tag.
            let owner = tokens[open].indentToken
            tokens[open].expansionIndent = owner < 0 ? [] : Array(src[tokens[owner].start..<tokens[owner].end])
            return
        }
        tokens[open].expansionIndent = prefix
        guard !prefix.isEmpty else { return }
        for index in lineStarts where tokens[index].tag == nil {
            var token = tokens[index]
            var matched = 0
            while matched < prefix.count && token.start < token.end && src[token.start] == prefix[matched] {
                token.start += 1
                matched += 1
            }
            tokens[index] = token
        }
    }

    /// The leading whitespace of the line starting at `index`, or nil for a
    /// blank line (which, as in `textwrap.dedent`, does not constrain dedent).
    private static func indentation(
        ofLineAt index: Int, close: Int, _ tokens: [Token], _ src: [UInt8]
    ) -> [UInt8]? {
        let token = tokens[index]
        guard token.tag == nil else { return [] }
        if token.removed {
            // Indentation of a standalone tag; the block's own close doesn't count.
            return index + 1 == close ? nil : Array(src[token.start..<token.end])
        }
        let blank = blankPrefix(token, src)
        let endsLine = src[token.end - 1] == 0x0A
        if endsLine ? isLineEnd(token, src) : (blank == token.end - token.start && index + 1 == close) {
            return nil
        }
        return Array(src[token.start..<(token.start + blank)])
    }

    /// Number of leading spaces and tabs in a text token.
    private static func blankPrefix(_ token: Token, _ src: [UInt8]) -> Int {
        var index = token.start
        while index < token.end && (src[index] == 0x20 || src[index] == 0x09) { index += 1 }
        return index - token.start
    }

    /// True for text that is only spaces/tabs up to `\n`, `\r\n` or the end.
    private static func isLineEnd(_ token: Token, _ src: [UInt8]) -> Bool {
        var end = token.end
        if end > token.start && src[end - 1] == 0x0A {
            end -= 1
            if end > token.start && src[end - 1] == 0x0D { end -= 1 }
        }
        return blankPrefix(token, src) == end - token.start
    }
}
