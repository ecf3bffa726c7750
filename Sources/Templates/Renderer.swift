/// Walks compiled node trees against a context, appending to one byte buffer.
///
/// A renderer lives for a single `TemplateSet.render` call, so all mutable
/// state (output, context stack, block overrides, indentation) is local to
/// that call and threads never share any of it.
///
/// Indentation follows the spec's "prepend the indentation to each line of
/// the partial": `indent` is what the current template's lines get, and
/// `atLineStart` says the next output begins a source line. It is written
/// lazily, just before that line's first output, so lines removed as
/// standalone get none and interpolated newlines never trigger it.
struct Renderer {
    private let templates: [String: Template]
    private let strict: Bool
    private var out: [UInt8] = []
    /// The context stack; the innermost value is last.
    private var stack: [TemplateValue]
    /// Block overrides passed by enclosing parent tags, outermost first (the
    /// outermost definition wins, per ~inheritance "Multi-level inheritance").
    private var frames: [[String: [Node]]] = []
    private var indent: [UInt8] = []
    private var atLineStart = true
    private var depth = 0
    /// Partial/parent nesting limit: deeper is almost surely endless recursion.
    static let maxDepth = 100

    init(templates: [String: Template], strict: Bool, context: TemplateValue) {
        self.templates = templates
        self.strict = strict
        self.stack = [context]
        stack.reserveCapacity(16)
    }

    /// Pre-sizes the output buffer so appends rarely reallocate.
    mutating func reserve(_ capacity: Int) {
        out.reserveCapacity(capacity)
    }

    /// The rendered text.
    func finish() -> String {
        String(decoding: out, as: UTF8.self)
    }

    mutating func render(_ nodes: [Node]) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .text(let bytes): writeText(bytes)
            case .value(let value): writeValue(try lookup(value.path, value.use), escaped: value.escaped)
            case .section(let section): try renderSection(section)
            case .partial(let partial): try renderPartial(partial)
            case .block(let block): try renderBlock(block)
            }
        }
    }

    // MARK: Context

    /// Where resolving a dotted name ended.
    private enum Resolution {
        case found(TemplateValue)
        /// The first component is on no context of the stack.
        case notOnStack
        /// Component `index` is not in `container`, the value the components before it led to.
        case notIn(TemplateValue, index: Int)
    }

    /// Resolves a dotted name: the first component is searched from the innermost context
    /// outwards; the rest must follow from that value only (spec: "Dotted Names - Context
    /// Precedence").
    private func resolve(_ path: Path) -> Resolution {
        let components = path.components
        guard let first = components.first else { return .found(stack[stack.count - 1]) }
        var index = stack.count - 1
        while index >= 0 {
            if case .object(let fields) = stack[index], var value = fields[first] {
                var next = 1
                while next < components.count {
                    guard case .object(let inner) = value, let found = inner[components[next]] else { return .notIn(value, index: next) }
                    value = found
                    next += 1
                }
                return .found(value)
            }
            index -= 1
        }
        return .notOnStack
    }

    /// A name's value. Lenient (the Mustache rules), a missing name is `.null`. In a strict
    /// set, a name that no context on the stack provides (or a dotted name whose object
    /// lacks the next part) is an error at its tag that suggests the nearest name there is,
    /// since Mustache would otherwise render a misspelled `{{htm}}` as nothing. A name that
    /// is there with no value (null, empty) is fine: the view models give every key, empty
    /// where there is nothing.
    private func lookup(_ path: Path, _ use: NameUse) throws(TemplateError) -> TemplateValue {
        switch resolve(path) {
        case .found(let value):
            return value
        case .notOnStack:
            guard strict else { return .null }
            var names = Set<String>()
            for case .object(let fields) in stack { names.formUnion(fields.keys) }
            throw missing(use, candidates: Array(names), wanted: path.components[0])
        case .notIn(let container, let index):
            let prefix = path.components[..<index].joined(separator: ".")
            switch container {
            case .object(let inner) where strict:
                throw missing(use, candidates: inner.keys.map { "\(prefix).\($0)" }, wanted: path.components[...index].joined(separator: "."))
            case .null, _ where !strict:
                return .null
            default:
                throw TemplateError(path: use.templatePath, at: use.position,
                                    "no value '\(use.name)' here: '\(prefix)' is not an object, so it has no '\(path.components[index])'")
            }
        }
    }

    private func missing(_ use: NameUse, candidates: [String], wanted: String) -> TemplateError {
        let suggestion = NameSuggestion.closest(to: wanted, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
        return TemplateError(path: use.templatePath, at: use.position, "no value '\(use.name)' here\(suggestion)")
    }

    // MARK: Output

    /// Writes the pending indentation if a source line starts here.
    private mutating func startLine() {
        if atLineStart {
            if !indent.isEmpty { out.append(contentsOf: indent) }
            atLineStart = false
        }
    }

    private mutating func writeText(_ bytes: [UInt8]) {
        if indent.isEmpty {
            out.append(contentsOf: bytes)
            return
        }
        var start = 0
        while start < bytes.count {
            startLine()
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            if end < bytes.count {
                end += 1
                atLineStart = true
            }
            out.append(contentsOf: bytes[start..<end])
            start = end
        }
    }

    private mutating func writeValue(_ value: TemplateValue, escaped: Bool) {
        startLine()
        switch value {
        case .string(let text):
            if escaped {
                HTMLEscape.append(escaping: text, to: &out)
            } else {
                HTMLEscape.append(raw: text, to: &out)
            }
        case .int(let number):
            out.append(contentsOf: String(number).utf8)
        default:
            // Numbers, booleans: never contain characters that need escaping.
            if let text = value.interpolationText { HTMLEscape.append(raw: text, to: &out) }
        }
    }

    private mutating func finishLine(_ after: LineState) {
        switch after {
        case .inherit: break
        case .lineStart: atLineStart = true
        case .midLine: atLineStart = false
        }
    }

    // MARK: Constructs

    private mutating func renderSection(_ section: SectionNode) throws(TemplateError) {
        let value = try lookup(section.path, section.use)
        if section.inverted {
            if !value.isTruthy { try render(section.body) }
        } else if case .list(let items) = value {
            for item in items {
                stack.append(item)
                try render(section.body)
                stack.removeLast()
            }
        } else if value.isTruthy {
            stack.append(value)
            try render(section.body)
            stack.removeLast()
        }
        if section.closeStandalone { atLineStart = true }
    }

    /// Partials and parents: the included template sees the same context
    /// stack and the block overrides in force, plus a parent's own.
    private mutating func renderPartial(_ partial: PartialNode) throws(TemplateError) {
        let name: String
        switch partial.target {
        case .named(let fixed):
            name = fixed
        case .dynamic(let path):
            guard case .found(let value) = resolve(path), let resolved = value.templateName else { return skip(partial) }
            name = resolved
        }
        guard let template = templates[name] else {
            if strict {
                let via = partial.tagName == name ? "" : " (from \"\(partial.tagName)\")"
                throw TemplateError(
                    path: partial.templatePath, at: partial.position, "unknown partial \"\(name)\"\(via)")
            }
            return skip(partial)
        }
        guard depth < Self.maxDepth else {
            throw TemplateError(
                path: partial.templatePath, at: partial.position,
                "partials nested too deeply (over \(Self.maxDepth) levels) at \"\(name)\"; does it include itself?")
        }
        let savedIndent = indent
        if let extra = partial.indent {
            if !extra.isEmpty { indent = savedIndent + extra }
            atLineStart = true
        } else {
            // Inline: this line is indented as usual, the partial's lines are not.
            startLine()
            indent = []
        }
        if !partial.overrides.isEmpty { frames.append(partial.overrides) }
        depth += 1
        try render(template.nodes)
        depth -= 1
        if !partial.overrides.isEmpty { frames.removeLast() }
        indent = savedIndent
        finishLine(partial.after)
    }

    /// A partial that renders nothing leaves the line as it was, except that a
    /// standalone one still ended its (removed) line.
    private mutating func skip(_ partial: PartialNode) {
        if partial.after == .lineStart { atLineStart = true }
    }

    /// Blocks render the outermost override of their name, else their default
    /// content, in the current context (spec: "Block scope").
    private mutating func renderBlock(_ block: BlockNode) throws(TemplateError) {
        var body = block.body
        for frame in frames {
            if let override = frame[block.name] {
                body = override
                break
            }
        }
        let savedIndent = indent
        if let extra = block.expansionIndent {
            if !extra.isEmpty { indent = savedIndent + extra }
            atLineStart = true
        }
        try render(body)
        indent = savedIndent
        finishLine(block.after)
    }
}
