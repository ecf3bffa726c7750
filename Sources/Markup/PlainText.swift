import Foundation
import CCmark

extension MarkdownDocument {
    /// The document's words without markup: text, code and image descriptions,
    /// with blocks separated by newlines. Used for reading time, summaries and search.
    ///
    /// Raw HTML is left out: it is markup, and its words are rarely prose.
    public func plainText() -> String {
        var out = ""
        guard let iterator = cmark_iter_new(root) else { return out }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER {
                switch type {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                    if let literal = cmark_node_get_literal(node) { out += String(cString: literal) }
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    out += " "
                default: break
                }
            } else if MarkdownDocument.isBlock(type), !out.isEmpty, out.last != "\n" {
                out += "\n"
            }
        }
        return out
    }

    /// The text of the first paragraph that has any, for an issue with no summary.
    public func firstParagraphText() -> String? {
        var result: String?
        forEachNode(ofType: CMARK_NODE_PARAGRAPH) { node in
            guard result == nil else { return }
            let text = MarkdownDocument.inlineText(of: node).trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { result = text }
        }
        return result
    }

    /// The concatenated text and code literals below `node`, soft breaks as spaces.
    static func inlineText(of node: OpaquePointer) -> String {
        var out = ""
        guard let iterator = cmark_iter_new(node) else { return out }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { out += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                out += " "
            default: break
            }
        }
        return out
    }

    static func isBlock(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_CODE_BLOCK, CMARK_NODE_ITEM,
             CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_THEMATIC_BREAK:
            return true
        default:
            return false
        }
    }
}
