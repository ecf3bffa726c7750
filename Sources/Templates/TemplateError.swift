/// An error in a template, located in its source file.
///
/// Every failure of this module (syntax errors at parse time, unknown
/// partials in strict sets, unknown templates at render time) is reported as
/// this one type, so callers can print it as `path:line:column: message`,
/// the form editors and CI logs turn into a clickable location.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The template's file path (e.g. `templates/issue.mustache`), or its name
    /// when no path was given, so the message points at the file to fix.
    public let path: String
    /// The 1-based line of the offending tag.
    public let line: Int
    /// The 1-based column of the start of the offending tag's opening
    /// delimiter, counted in Unicode scalars so a multi-byte character before
    /// the tag still counts as one column.
    public let column: Int
    /// What went wrong, in words meant for a template author.
    public let message: String

    /// Creates an error; public so code that wraps templates (e.g. a site
    /// builder validating its own conventions) can report in the same format.
    public init(path: String, line: Int, column: Int, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// `path:line:column: message`, the conventional compiler-style location.
    public var description: String { "\(path):\(line):\(column): \(message)" }
}

/// A 1-based line and column in a template's source, kept on the nodes that
/// can fail at render time so their errors point at the tag.
struct SourcePosition: Sendable, Equatable {
    let line: Int
    let column: Int
}

extension TemplateError {
    /// Builds an error at a source position, for the parser and renderer.
    init(path: String, at position: SourcePosition, _ message: String) {
        self.init(path: path, line: position.line, column: position.column, message: message)
    }
}
