/// A heading of a document, as a table of contents needs it.
public struct Heading: Sendable, Equatable, Hashable {
    /// 1 to 6, as in `<h1>`…`<h6>`.
    public let level: Int
    /// The element id written on the heading, unique within the document, so that
    /// `#id` links from a table of contents (or from elsewhere) stay stable.
    public let id: String
    /// The heading's text without markup.
    public let text: String

    /// Makes a heading record; normally produced by `MarkdownDocument.assignHeadingIDs()`.
    public init(level: Int, id: String, text: String) {
        self.level = level
        self.id = id
        self.text = text
    }
}
