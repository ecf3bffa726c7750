/// The compiled form of a template: a tree of nodes built once by the parser
/// and walked by the renderer for every page. Everything here is immutable
/// and `Sendable`, so one compiled template serves any number of threads.
///
/// Large payloads live in final classes so a `Node` stays one word plus a tag
/// and iterating a node array only retains a pointer.
enum Node: Sendable {
    /// Literal template text, already stripped of standalone-line whitespace.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (raw).
    case value(ValueNode)
    /// `{{#name}}` or `{{^name}}`.
    case section(SectionNode)
    /// `{{>name}}`, `{{>*name}}`, or a parent `{{<name}}…{{/name}}`.
    case partial(PartialNode)
    /// `{{$name}}default{{/name}}`: a slot a child template may override.
    case block(BlockNode)
}

/// A dotted name such as `issue.title`, split once at parse time so lookups
/// never re-split strings. No components means the implicit iterator `.`.
struct Path: Sendable, Equatable {
    let components: [String]

    /// Parses `.` or `a.b.c`; nil for malformed names such as `a..b`.
    static func parse(_ name: String) -> Path? {
        if name == "." { return Path(components: []) }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.contains(where: \.isEmpty) else { return nil }
        return Path(components: parts.map(String.init))
    }
}

/// How the renderer should treat the line after a construct ends, so that
/// indentation of standalone partials and blocks lands on the right lines.
enum LineState: Sendable {
    /// Keep whatever state the construct's content left.
    case inherit
    /// The construct's closing tag was standalone: the next token starts a line.
    case lineStart
    /// The construct's closing tag shares its line with what follows.
    case midLine
}

/// Where a name is used, so that a strict set's "no value here" error points at the tag.
struct NameUse: Sendable {
    /// The name as written (`issue.title`).
    let name: String
    let templatePath: String
    let position: SourcePosition
}

/// A variable tag.
final class ValueNode: Sendable {
    let path: Path
    let escaped: Bool
    let use: NameUse

    init(path: Path, escaped: Bool, use: NameUse) {
        self.path = path
        self.escaped = escaped
        self.use = use
    }
}

/// A section or inverted section.
final class SectionNode: Sendable {
    let path: Path
    let body: [Node]
    let inverted: Bool
    /// True when the closing tag was standalone (the next token starts a line).
    let closeStandalone: Bool
    let use: NameUse

    init(path: Path, body: [Node], inverted: Bool, closeStandalone: Bool, use: NameUse) {
        self.path = path
        self.body = body
        self.inverted = inverted
        self.closeStandalone = closeStandalone
        self.use = use
    }
}

/// Where a partial or parent tag finds the template it includes.
enum PartialTarget: Sendable {
    /// `{{>name}}`: a fixed template name, checked up front by strict sets.
    case named(String)
    /// `{{>*path}}`: the name is the value at `path` in the context.
    case dynamic(Path)
}

/// A partial (`{{>x}}`) or parent (`{{<x}}…{{/x}}`) inclusion.
final class PartialNode: Sendable {
    let target: PartialTarget
    /// The tag's content as written (`x` or `*x`), for error messages.
    let tagName: String
    /// The whitespace before a standalone tag, added to each included line;
    /// nil when the tag was inline (its content is not re-indented).
    let indent: [UInt8]?
    /// Block overrides a parent passes down (empty for a plain partial).
    let overrides: [String: [Node]]
    /// What the line after the construct looks like.
    let after: LineState
    /// Where the tag is, so render-time failures point at it.
    let templatePath: String
    let position: SourcePosition

    init(
        target: PartialTarget, tagName: String, indent: [UInt8]?, overrides: [String: [Node]],
        after: LineState, templatePath: String, position: SourcePosition
    ) {
        self.target = target
        self.tagName = tagName
        self.indent = indent
        self.overrides = overrides
        self.after = after
        self.templatePath = templatePath
        self.position = position
    }
}

/// A block: `{{$name}}default{{/name}}`.
final class BlockNode: Sendable {
    let name: String
    /// The default content, dedented by `expansionIndent` when that is set.
    let body: [Node]
    /// For a standalone block, the indentation its content is rendered with
    /// (spec: removed where a block is defined, re-added where it expands).
    let expansionIndent: [UInt8]?
    /// What the line after the block looks like.
    let after: LineState

    init(name: String, body: [Node], expansionIndent: [UInt8]?, after: LineState) {
        self.name = name
        self.body = body
        self.expansionIndent = expansionIndent
        self.after = after
    }
}
