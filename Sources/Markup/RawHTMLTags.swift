/// Tracks whether prose sits inside an author's raw `<a>`, `<code>`, `<kbd>`,
/// `<pre>`, `<script>` or `<style>` element, where no name may be linked.
enum RawHTMLTags {
    static let protected: Set<String> = ["a", "code", "kbd", "pre", "script", "style", "samp"]

    static func depth(after tag: String, from depth: Int) -> Int {
        var name = tag.dropFirst() // "<"
        let closing = name.hasPrefix("/")
        if closing { name = name.dropFirst() }
        let tagName = name.prefix { $0.isLetter }.lowercased()
        guard protected.contains(tagName), !tag.hasSuffix("/>") else { return depth }
        return closing ? max(0, depth - 1) : depth + 1
    }
}
