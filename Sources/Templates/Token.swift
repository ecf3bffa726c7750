/// One lexical unit: a run of text (never spanning a newline; a newline ends
/// its token) or a tag. The standalone pass then annotates tokens in place.
struct Token {
    /// nil for text.
    var tag: TagKind?
    /// Byte range in the source (for text this may shrink during dedent).
    var start: Int
    var end: Int
    /// The tag's trimmed content; `*path` for dynamic names.
    var name = ""
    /// Parsed name for interpolation, sections and dynamic partials.
    var path: Path?
    var position = SourcePosition(line: 0, column: 0)
    /// Index of the matching close (for openers) or opener (for closes).
    var match = -1
    // Set by the standalone pass:
    var standalone = false
    /// A block close that shares a standalone line with its opener
    /// (`{{$b}}{{/b}}`): its line's newline is kept.
    var keepsNewline = false
    /// Index of the removed whitespace text that indented a standalone tag.
    var indentToken = -1
    /// Text removed because it belongs to a standalone line.
    var removed = false
    /// For standalone blocks: indentation to render their content with.
    var expansionIndent: [UInt8]?
}
