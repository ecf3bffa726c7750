import CCmark
#if canImport(Glibc)
import Glibc
#endif

extension MarkdownDocument {
    /// Finds names in the prose and turns chosen ones into links, in the cmark tree.
    ///
    /// Only text in paragraphs is searched: nothing inside code, raw HTML (including
    /// text between an author's own `<a>…</a>` or `<code>…</code>` tags), existing
    /// links, images or headings. Working on the tree, not the HTML, keeps the
    /// output well formed whatever the matcher does.
    ///
    /// - Parameters:
    ///   - find: the matches in one text node's UTF-8 bytes, non-overlapping, in order.
    ///   - link: for a match (key, section), the href to link it to, or nil to leave
    ///     it as text; called in document order, so "first mention only" is a set.
    /// - Returns: every mention, in document order.
    public func linkMentions(
        find: (UnsafeBufferPointer<UInt8>) -> [TextMatch],
        link: (_ key: Int, _ section: Int) -> String?
    ) -> [TextMention] {
        cmark_consolidate_text_nodes(root)
        var mentions: [TextMention] = []
        var section = 0
        var paragraphs: [(node: OpaquePointer, section: Int)] = []
        guard let iterator = cmark_iter_new(root) else { return [] }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING: section += 1
            case CMARK_NODE_PARAGRAPH: paragraphs.append((node, section))
            default: break
            }
        }
        cmark_iter_free(iterator)
        for (paragraph, section) in paragraphs {
            linkMentions(in: paragraph, section: section, find: find, link: link, into: &mentions)
        }
        return mentions
    }

    private func linkMentions(
        in paragraph: OpaquePointer, section: Int,
        find: (UnsafeBufferPointer<UInt8>) -> [TextMatch],
        link: (Int, Int) -> String?,
        into mentions: inout [TextMention]
    ) {
        // Pass 1: the paragraph's plain text, and each searchable text node's matches at their offsets in it.
        var text: [UInt8] = []
        var pending: [(node: OpaquePointer, matches: [TextMatch], offset: Int)] = []
        var rawTagDepth = 0
        guard let iterator = cmark_iter_new(paragraph) else { return }
        var insideLinkOrImage = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE || type == CMARK_NODE_CUSTOM_INLINE {
                insideLinkOrImage += event == CMARK_EVENT_ENTER ? 1 : -1
                continue
            }
            guard event == CMARK_EVENT_ENTER else { continue }
            switch type {
            case CMARK_NODE_TEXT:
                guard let literal = cmark_node_get_literal(node) else { continue }
                let length = strlen(literal)
                let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: length)
                if insideLinkOrImage == 0 && rawTagDepth == 0 {
                    let found = find(bytes)
                    if !found.isEmpty { pending.append((node, found, text.count)) }
                }
                text.append(contentsOf: bytes)
            case CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(node) {
                    text.append(contentsOf: UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal)))
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text.append(0x20)
            case CMARK_NODE_HTML_INLINE:
                if let literal = cmark_node_get_literal(node) { rawTagDepth = RawHTMLTags.depth(after: String(cString: literal), from: rawTagDepth) }
            default:
                break
            }
        }
        cmark_iter_free(iterator)

        // Pass 2: record mentions (in order) and split text nodes around the linked ones.
        for (node, matches, offset) in pending {
            var links: [(TextMatch, String)] = []
            for match in matches {
                let absolute = (match.range.lowerBound + offset)..<(match.range.upperBound + offset)
                let (sentence, highlight) = Sentence.around(absolute, in: text)
                let href = link(match.key, section)
                if let href { links.append((match, href)) }
                mentions.append(TextMention(key: match.key, sentence: sentence, highlight: highlight,
                                            section: section, linked: href != nil))
            }
            if !links.isEmpty { split(node, links: links) }
        }
    }

    /// Replaces a text node by text, link, text… nodes.
    private func split(_ node: OpaquePointer, links: [(TextMatch, String)]) {
        guard let literal = cmark_node_get_literal(node) else { return }
        let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal)))
        var cursor = 0
        func textNode(_ range: Range<Int>) -> OpaquePointer? {
            guard !range.isEmpty, let text = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
            _ = cmark_node_set_literal(text, String(decoding: bytes[range], as: UTF8.self))
            return text
        }
        for (match, href) in links {
            if let before = textNode(cursor..<match.range.lowerBound) { _ = cmark_node_insert_before(node, before) }
            if let linkNode = cmark_node_new(CMARK_NODE_LINK), let inner = textNode(match.range) {
                _ = cmark_node_set_url(linkNode, href)
                _ = cmark_node_append_child(linkNode, inner)
                _ = cmark_node_insert_before(node, linkNode)
            }
            cursor = match.range.upperBound
        }
        if let after = textNode(cursor..<bytes.count) { _ = cmark_node_insert_before(node, after) }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
}
