/// Everything the site needs from one Markdown body, as a plain value.
///
/// Produced in one pass by `RenderedMarkdown.init(markdown:)`, so the C tree never
/// leaves the task that parsed it.
public struct RenderedMarkdown: Sendable, Equatable {
    /// The body as HTML, headings carrying ids.
    public var html: String
    /// The headings in document order, for a table of contents.
    public var headings: [Heading]
    /// The body's text without markup.
    public var plainText: String
    /// The first paragraph's text, if the body has one.
    public var firstParagraph: String?
    /// Words in `plainText`.
    public var wordCount: Int

    /// Makes a value from parts; see `init(markdown:)` for the usual route.
    public init(html: String, headings: [Heading], plainText: String, firstParagraph: String?, wordCount: Int) {
        self.html = html
        self.headings = headings
        self.plainText = plainText
        self.firstParagraph = firstParagraph
        self.wordCount = wordCount
    }

    /// Parses and renders `markdown` with Broadsheet's options.
    public init(markdown: String) {
        self.init(document: MarkdownDocument(markdown))
    }

    /// Reads a parsed document (after any rewriting) and renders it.
    public init(document: MarkdownDocument) {
        let text = document.plainText()
        let first = document.firstParagraphText()
        let headings = document.assignHeadingIDs()
        self.init(html: document.html(), headings: headings, plainText: text,
                  firstParagraph: first, wordCount: TextStatistics.wordCount(text))
    }
}
