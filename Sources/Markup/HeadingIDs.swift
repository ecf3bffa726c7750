import CCmark

extension MarkdownDocument {
    /// Gives every heading a stable, unique `id` attribute and returns the headings.
    ///
    /// libcmark's HTML renderer writes bare `<hN>` tags, so each heading node is
    /// replaced by a custom block whose enter/exit literals carry the id; the
    /// heading's inline children move into it unchanged. Ids come from the heading
    /// text (`Why this matters` → `why-this-matters`), with `-2`, `-3`… for repeats,
    /// so they only change when the text does.
    ///
    /// Call this once, after any other rewriting and before `html()`.
    @discardableResult
    public func assignHeadingIDs() -> [Heading] {
        var headings: [Heading] = []
        var used: [String: Int] = [:]
        forEachNode(ofType: CMARK_NODE_HEADING) { node in
            let level = Int(cmark_node_get_heading_level(node))
            let text = MarkdownDocument.inlineText(of: node)
            let id = HeadingSlug.unique(HeadingSlug.make(text), used: &used)
            headings.append(Heading(level: level, id: id, text: text))
            replaceHeading(node, level: level, id: id)
        }
        return headings
    }

    /// Swaps a heading node for a custom block holding a custom inline whose
    /// literals are the opening and closing tags. The inline, not the block, carries
    /// the tags because cmark puts line breaks around a custom block's literals.
    private func replaceHeading(_ node: OpaquePointer, level: Int, id: String) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK),
              let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        _ = cmark_node_set_on_enter(inline, "<h\(level) id=\"\(id)\">")
        _ = cmark_node_set_on_exit(inline, "</h\(level)>")
        while let child = cmark_node_first_child(node) {
            cmark_node_unlink(child)
            _ = cmark_node_append_child(inline, child)
        }
        _ = cmark_node_append_child(block, inline)
        _ = cmark_node_insert_before(node, block)
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
}

/// Turns heading text into an HTML id.
enum HeadingSlug {
    /// Lowercases letters and digits, joins runs of anything else with single
    /// hyphens. Non-ASCII letters are kept (ids may be any Unicode), so headings
    /// in other languages still get readable ids. Empty results become `section`.
    static func make(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            let isWordCharacter = scalar.isASCII
                ? (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar))
                : scalar.properties.isAlphabetic
            if isWordCharacter {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                if scalar.isASCII {
                    out.unicodeScalars.append(("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar)
                } else {
                    out.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                }
            } else if scalar != "'" && scalar != "’" {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? "section" : out
    }

    /// Appends `-2`, `-3`… to an id already handed out in this document.
    static func unique(_ base: String, used: inout [String: Int]) -> String {
        guard let count = used[base] else {
            used[base] = 1
            return base
        }
        var next = count + 1
        var candidate = "\(base)-\(next)"
        while used[candidate] != nil {
            next += 1
            candidate = "\(base)-\(next)"
        }
        used[base] = next
        used[candidate] = 1
        return candidate
    }
}
