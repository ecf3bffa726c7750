import CCmark

extension MarkdownDocument {
    /// Every link and image in the document, in order, with the line each starts on.
    ///
    /// Call before any rewriting (entity links are links too). Raw HTML is read for
    /// `<a href>` and `<img src>` tags; see `RawHTMLReferences`.
    public func references() -> [MarkdownReference] {
        var found: [MarkdownReference] = []
        walk { node, type in
            switch type {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let text = Self.collapsingSpace(MarkdownDocument.inlineText(of: node))
                found.append(MarkdownReference(kind: type == CMARK_NODE_LINK ? .link : .image, destination: destination,
                                               text: text, line: Self.line(of: node), isRawHTML: false))
            case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
                guard let literal = cmark_node_get_literal(node) else { return }
                found += RawHTMLReferences.find(in: String(cString: literal), firstLine: Self.line(of: node))
            default:
                break
            }
        }
        return found
    }

    /// `{{ … }}` and `{% … %}` in the prose and raw HTML (not in code), in order.
    public func templateSyntax() -> [TemplateSyntaxMention] {
        var found: [TemplateSyntaxMention] = []
        walk { node, type in
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
                guard let literal = cmark_node_get_literal(node) else { return }
                found += TemplateSyntaxScanner.find(in: String(cString: literal), firstLine: Self.line(of: node))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                // `[x]({{site.baseurl}}/y)` is a link whose address is a template tag.
                guard let url = cmark_node_get_url(node) else { return }
                found += TemplateSyntaxScanner.find(in: String(cString: url), firstLine: Self.line(of: node))
            default:
                break
            }
        }
        return found
    }

    /// `text` trimmed, with each run of ASCII space, tab or newline made one space.
    static func collapsingSpace(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The node's first line, or its nearest ancestor's where cmark kept none.
    private static func line(of node: OpaquePointer) -> Int {
        var current: OpaquePointer? = node
        while let here = current {
            let line = Int(cmark_node_get_start_line(here))
            if line > 0 { return line }
            current = cmark_node_parent(here)
        }
        return 1
    }
}
