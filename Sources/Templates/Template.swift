/// A parsed template: parse once, render many times.
///
/// Parsing does all the work that does not depend on data (lexing, syntax
/// checks, the spec's standalone-whitespace rules, block dedenting), so a
/// site build pays it once per template rather than once per page. The result
/// is immutable and `Sendable`: one value can be rendered from many threads.
public struct Template: Sendable {
    /// The name partials and parents use to include this template
    /// (`{{>name}}`, `{{<name}}`), and the name `TemplateSet.render` takes.
    public let name: String
    /// Where the source came from; every `TemplateError` about this template
    /// carries it, so messages point at the file to edit.
    public let path: String
    /// The compiled node tree.
    let nodes: [Node]
    /// Static partial/parent names used, for strict validation.
    let references: [Reference]
    /// Source size in bytes, a hint for sizing the output buffer.
    let sourceSize: Int
    /// Whether a partial or parent is named by a value (`{{>*name}}`), so which templates
    /// this one includes cannot be known before rendering.
    let hasDynamicPartials: Bool

    /// Parses `source`.
    ///
    /// - Parameters:
    ///   - source: The Mustache text.
    ///   - name: The name other templates include it by.
    ///   - path: Where errors say it lives; defaults to `name`.
    /// - Throws: `TemplateError` located at the offending tag for unclosed or
    ///   mismatched sections, unclosed tags, bad set-delimiter tags and empty
    ///   or malformed tag names.
    public init(source: String, name: String, path: String? = nil) throws(TemplateError) {
        let path = path ?? name
        let parsed = try Parser.parse(source, path: path)
        self.name = name
        self.path = path
        self.nodes = parsed.nodes
        self.references = parsed.references
        self.hasDynamicPartials = parsed.hasDynamicPartials
        self.sourceSize = source.utf8.count
    }
}
