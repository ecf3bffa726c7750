import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A parsed CommonMark document: a libcmark node tree owned by this object.
///
/// Broadsheet parses each issue once and then reads or rewrites the same tree
/// (heading ids, plain text, and later entity links) before rendering it. The tree
/// is mutable C state, so a document belongs to one task at a time; what crosses
/// threads is the `RenderedMarkdown` value made from it.
public final class MarkdownDocument {
    /// The root `CMARK_NODE_DOCUMENT` node. Freed when the document is released.
    let root: OpaquePointer

    /// The options every parse and render uses: smart punctuation, and raw HTML kept
    /// because an editor's own HTML in an issue is deliberate, not hostile input.
    static let options: Int32 = CMARK_OPT_SMART | CMARK_OPT_UNSAFE

    /// Parses `source` as CommonMark. libcmark accepts any input, so this cannot fail.
    public init(_ source: String) {
        var source = source
        root = source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, MarkdownDocument.options)
            }
        }
    }

    deinit { cmark_node_free(root) }

    /// Renders the tree to HTML as it stands now.
    public func html() -> String {
        guard let cString = cmark_render_html(root, MarkdownDocument.options) else { return "" }
        defer { free(cString) }
        return String(cString: cString)
    }

    /// Calls `body` for every node of `type`, in document order, on entering it.
    ///
    /// The node list is gathered before the first call, so `body` may rewrite or
    /// replace the node it is given without upsetting the walk.
    func forEachNode(ofType type: cmark_node_type, _ body: (OpaquePointer) -> Void) {
        var found: [OpaquePointer] = []
        walk { node, nodeType in if nodeType == type { found.append(node) } }
        found.forEach(body)
    }

    /// Calls `body` with every node and its type on entering it, in document order. The tree
    /// must not change during the walk (`forEachNode` is the one for rewriting).
    func walk(_ body: (OpaquePointer, cmark_node_type) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            body(node, cmark_node_get_type(node))
        }
    }
}
