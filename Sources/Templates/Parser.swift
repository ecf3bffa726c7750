/// Turns source text into the node tree: lex (which also checks syntax),
/// apply the standalone rules, then build nodes from the annotated tokens.
struct Parser {
    private let src: [UInt8]
    private let path: String
    private var tokens: [Token] = []

    /// Parses `source`; errors name `path`.
    static func parse(_ source: String, path: String) throws(TemplateError) -> (nodes: [Node], references: [Reference], hasDynamicPartials: Bool) {
        var parser = Parser(src: Array(source.utf8), path: path)
        var lexer = Lexer(source: parser.src, path: path)
        try lexer.run()
        parser.tokens = lexer.tokens
        Standalone.apply(to: &parser.tokens, source: parser.src)
        let nodes = parser.build(0..<parser.tokens.count)
        return (nodes, parser.references(), parser.tokens.contains { ($0.tag == .partial || $0.tag == .parent) && $0.path != nil })
    }

    private init(src: [UInt8], path: String) {
        self.src = src
        self.path = path
    }

    /// Every static partial or parent name the template mentions, with where,
    /// so a strict `TemplateSet` can reject unknown ones before rendering.
    private func references() -> [Reference] {
        tokens.compactMap { token in
            guard token.tag == .partial || token.tag == .parent, token.path == nil else { return nil }
            return Reference(name: token.name, position: token.position)
        }
    }

    /// Builds the nodes for `range` of tokens (a whole template or a body).
    private func build(_ range: Range<Int>) -> [Node] {
        var nodes: [Node] = []
        var text: [UInt8] = []
        func flushText() {
            if !text.isEmpty {
                nodes.append(.text(text))
                text = []
            }
        }
        var index = range.lowerBound
        while index < range.upperBound {
            let token = tokens[index]
            guard let tag = token.tag else {
                if !token.removed && token.start < token.end { text += src[token.start..<token.end] }
                index += 1
                continue
            }
            switch tag {
            case .comment, .delimiters, .close:
                index += 1
            case .variable, .unescaped:
                flushText()
                nodes.append(.value(ValueNode(path: token.path!, escaped: tag == .variable, use: use(of: token))))
                index += 1
            case .section, .inverted:
                flushText()
                let body = build((index + 1)..<token.match)
                nodes.append(.section(SectionNode(
                    path: token.path!, body: body, inverted: tag == .inverted,
                    closeStandalone: tokens[token.match].standalone, use: use(of: token))))
                index = token.match + 1
            case .partial, .parent:
                flushText()
                nodes.append(.partial(partialNode(at: index)))
                index = tag == .parent ? token.match + 1 : index + 1
            case .block:
                flushText()
                nodes.append(.block(blockNode(at: index)))
                index = token.match + 1
            }
        }
        flushText()
        return nodes
    }

    private func use(of token: Token) -> NameUse {
        NameUse(name: token.name, templatePath: path, position: token.position)
    }

    private func partialNode(at index: Int) -> PartialNode {
        let token = tokens[index]
        let target: PartialTarget = token.path.map { .dynamic($0) } ?? .named(token.name)
        var overrides: [String: [Node]] = [:]
        var after = LineState.midLine
        if token.tag == .parent {
            overrides = blockOverrides(in: (index + 1)..<token.match)
            after = tokens[token.match].standalone ? .lineStart : .midLine
        } else if token.standalone {
            after = .lineStart
        }
        return PartialNode(
            target: target, tagName: token.name, indent: token.standalone ? indentation(of: token) : nil,
            overrides: overrides, after: after, templatePath: path, position: token.position)
    }

    /// The blocks directly inside a parent tag (anything else there is
    /// ignored, per spec); the first block of a name wins.
    private func blockOverrides(in range: Range<Int>) -> [String: [Node]] {
        var overrides: [String: [Node]] = [:]
        var index = range.lowerBound
        while index < range.upperBound {
            let token = tokens[index]
            if token.tag == .block, overrides[token.name] == nil {
                overrides[token.name] = build((index + 1)..<token.match)
            }
            index = token.tag?.opensSection == true ? token.match + 1 : index + 1
        }
        return overrides
    }

    private func blockNode(at index: Int) -> BlockNode {
        let token = tokens[index]
        let close = tokens[token.match]
        let after: LineState = close.keepsNewline ? .midLine : close.standalone ? .lineStart : .inherit
        return BlockNode(
            name: token.name, body: build((index + 1)..<token.match),
            expansionIndent: token.standalone ? token.expansionIndent : nil, after: after)
    }

    /// The whitespace that preceded a standalone tag.
    private func indentation(of token: Token) -> [UInt8] {
        guard token.indentToken >= 0 else { return [] }
        let text = tokens[token.indentToken]
        return Array(src[text.start..<text.end])
    }
}

/// A static partial or parent name used by a template, and where.
struct Reference: Sendable {
    let name: String
    let position: SourcePosition
}
