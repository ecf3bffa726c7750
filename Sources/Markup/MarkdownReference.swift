/// A link or an image in a Markdown body, as the editor wrote it, with its line.
///
/// `broadsheet check` reads these to find internal links that lead nowhere, images a
/// screen reader cannot describe, and one address linked under different words. They
/// come from the parsed tree (and from raw `<a>` and `<img>` tags in the editor's HTML),
/// before entity mentions are linked, so only the editor's own links are seen.
public struct MarkdownReference: Sendable, Equatable {
    /// What the reference is.
    public enum Kind: Sendable, Equatable {
        /// `[text](destination)`, or a raw `<a href>`.
        case link
        /// `![alt](source)`, or a raw `<img src>`.
        case image
    }

    public let kind: Kind
    /// The address as written: `https://…`, `/issues/x/`, `../y/#part`, `#here`.
    public let destination: String
    /// A link's words or an image's alt text, trimmed and with runs of space made one;
    /// nil where the source has none to give: a raw `<a>` (its words are not parsed) or a
    /// raw `<img>` with no `alt` attribute at all.
    public let text: String?
    /// 1-based line within the Markdown that was parsed.
    public let line: Int
    /// True when it came from the editor's raw HTML rather than Markdown syntax.
    public let isRawHTML: Bool

    /// Makes a reference; `MarkdownDocument.references()` is the usual source.
    public init(kind: Kind, destination: String, text: String?, line: Int, isRawHTML: Bool) {
        self.kind = kind
        self.destination = destination
        self.text = text
        self.line = line
        self.isRawHTML = isRawHTML
    }
}

/// Template syntax (`{{ … }}` or `{% … %}`) found in a body's prose or raw HTML, where it
/// will be printed as it stands: usually a Liquid tag left over from Jekyll or a Hugo
/// shortcode. Code spans and code blocks are not searched, since there it is meant.
public struct TemplateSyntaxMention: Sendable, Equatable {
    /// The tag as written, shortened to 60 characters.
    public let snippet: String
    /// 1-based line within the Markdown that was parsed.
    public let line: Int

    /// Makes a mention; `MarkdownDocument.templateSyntax()` is the usual source.
    public init(snippet: String, line: Int) {
        self.snippet = snippet
        self.line = line
    }
}
