import Archive
import Markup
import Site

/// A post's Markdown with its Liquid made plain where it can be, line by line.
///
/// - `{{ site.baseurl }}` and `{{ site.url }}` (any spacing, one after the other too)
///   become the way up to the site's root from the issue's page (`../../`), and
///   `{{ "/x" | relative_url }}` (or `absolute_url`) the same root with its path: links
///   that work served under any base URL and opened from the disk. A root just before a
///   link that is already relative (a `post_url`) adds nothing.
/// - `{% post_url 2018/2018-01-19-forums %}` and `{% link _posts/….md %}` become the
///   relative link to that post's issue page, `../../issues/<slug>/index.html`. One to a
///   post that is not imported is left as it is, with a warning.
/// - `{% raw %}` and `{% endraw %}` go (a line holding nothing else goes whole), and what
///   they held is kept exactly: Broadsheet runs no Liquid, so it reads as Jekyll showed it.
/// - Every other tag is left as it is, with a warning at its line. In fenced code and
///   code spans nothing is changed, only warned about (Jekyll ran Liquid there too).
struct PostBody: Sendable {
    /// The lines, rewritten; some raw-tag lines fewer than the post had.
    var lines: [String]
    var warnings: [ContentWarning]

    /// Rewrites `lines`, which start on line `firstLine` of `target`, the file being written
    /// for the issue `slug`; `posts` are the posts being imported.
    init(_ source: [Substring], firstLine: Int, target: String, slug: String, posts: PostIndex) {
        var rewriter = LiquidRewriter(target: target, links: Links(page: .issue(slug), config: SiteConfig(title: ""), offline: true), posts: posts)
        var lines: [String] = []
        lines.reserveCapacity(source.count)
        for line in source {
            if let rewritten = rewriter.rewrite(line, at: firstLine + lines.count) { lines.append(rewritten) }
        }
        self.lines = lines
        warnings = rewriter.warnings
    }
}

/// The state of `PostBody` from line to line: inside `{% raw %}`, inside a code fence.
struct LiquidRewriter: Sendable {
    let target: String
    /// Links from the issue's own page, as an offline build makes them (`../../issues/x/index.html`).
    let links: Links
    let posts: PostIndex
    private(set) var warnings: [ContentWarning] = []
    private var inRaw = false
    private var fence: (mark: Character, length: Int)?

    init(target: String, links: Links, posts: PostIndex) {
        self.target = target
        self.links = links
        self.posts = posts
    }

    /// One stretch of a line: `live` text is read for Liquid, the rest (inside raw) is not.
    private struct Stretch {
        var text: Substring
        var live: Bool
    }

    /// The line rewritten, or nil when it held only `{% raw %}`/`{% endraw %}` tags.
    mutating func rewrite(_ line: Substring, at number: Int) -> String? {
        let (stretches, sawRawTag) = splitRaw(line)
        if sawRawTag, stretches.allSatisfy({ $0.text.trimmingSpaces().isEmpty }) { return nil }
        let markdown = stretches.map { String($0.text) }.joined()
        let isCode = advanceFence(Substring(markdown))
        let codeSpans = isCode ? [] : Self.codeSpans(in: Array(markdown.utf8))
        var out = ""
        var offset = 0
        for stretch in stretches {
            defer { offset += stretch.text.utf8.count }
            guard stretch.live else { out += stretch.text; continue }
            let pieces = LiquidScanner.pieces(of: stretch.text)
            var index = 0
            var position = offset
            while index < pieces.count {
                switch pieces[index] {
                case .text(let text):
                    out += text
                    position += text.utf8.count
                    index += 1
                case .tag(let tag):
                    if isCode || codeSpans.contains(where: { $0.contains(position) }) {
                        warn(number, "Liquid \(tag.shown) in code left as it is (Jekyll would have run it)")
                        out += tag.text
                        position += tag.text.utf8.count
                        index += 1
                        continue
                    }
                    let used = replace(pieces, from: index, at: number, into: &out)
                    position += pieces[index..<(index + used)].reduce(0) { total, piece in
                        if case .tag(let tag) = piece { return total + tag.text.utf8.count }
                        return total
                    }
                    index += used
                }
            }
        }
        return out
    }

    /// The tag at `pieces[index]` (with the site-root tags right after it) rewritten onto
    /// `out`; returns how many pieces it used.
    private mutating func replace(_ pieces: [LiquidScanner.Piece], from index: Int, at number: Int, into out: inout String) -> Int {
        guard case .tag(let tag) = pieces[index] else { return 1 }
        guard tag.closed else {
            warn(number, "Liquid \(tag.shown) is not closed on its line; left as it is")
            out += tag.text
            return 1
        }
        if Self.isSiteRoot(tag) {
            var end = index
            while end < pieces.count, case .tag(let next) = pieces[end], Self.isSiteRoot(next) { end += 1 }
            let following: LiquidScanner.Piece? = end < pieces.count ? pieces[end] : nil
            switch following {
            case .tag(let next)? where link(for: next) != nil:
                break // the link after it is relative already
            case .tag(let next)? where Self.linksToPost(next):
                // A link to a post that is not imported: the whole link stays as written.
                for piece in pieces[index..<end] { if case .tag(let root) = piece { out += root.text } }
            case .text(let text)? where text.hasPrefix("/"):
                out += String(links.root.dropLast())
            default:
                out += links.href(.home)
            }
            return end - index
        }
        if let href = link(for: tag) {
            if Self.linksToPost(tag), case .found(let entry) = posts.lookup(String(tag.argument), fromLinkTag: tag.name == "link"), entry.draft {
                warn(number, "\(tag.shown) links a draft (published: false), whose page is built only with --drafts")
            }
            out += href
            return 1
        }
        if Self.linksToPost(tag) {
            warnMissingPost(tag, at: number)
        } else {
            warn(number, "Liquid \(tag.shown) left as it is: Broadsheet does not run Liquid")
        }
        out += tag.text
        return 1
    }

    /// The plain link a tag stands for, when the import can make it.
    private func link(for tag: LiquidTag) -> String? {
        if tag.kind == .output, let path = Self.filteredPath(tag) {
            let trimmed = path.drop { $0 == "/" }
            return trimmed.isEmpty ? links.href(.home) : links.root + trimmed
        }
        guard tag.kind == .tag, Self.linksToPost(tag) else { return nil }
        guard case .found(let entry) = posts.lookup(String(tag.argument), fromLinkTag: tag.name == "link") else { return nil }
        return links.href(.issue(entry.slug))
    }

    private mutating func warnMissingPost(_ tag: LiquidTag, at number: Int) {
        switch posts.lookup(String(tag.argument), fromLinkTag: tag.name == "link") {
        case .ambiguous(let paths):
            warn(number, "\(tag.shown) could be any of \(paths.joined(separator: ", ")): give the folder too; left as it is")
        default:
            warn(number, "\(tag.shown) names no post being imported; left as it is")
        }
    }

    private mutating func warn(_ line: Int, _ message: String) {
        warnings.append(ContentWarning(path: target, line: line, message: message))
    }

    // MARK: Raw and code

    /// The line cut at its raw and endraw tags (which are dropped), and whether it had any.
    private mutating func splitRaw(_ line: Substring) -> ([Stretch], Bool) {
        var stretches: [Stretch] = []
        var position = line.startIndex
        var saw = false
        while position < line.endIndex {
            // Outside raw, look for its opening; inside, for its end. What lies before is live text, or raw.
            let live = !inRaw
            guard let boundary = inRaw ? LiquidScanner.endRaw(in: line, from: position) : Self.rawOpening(in: line, from: position) else {
                stretches.append(Stretch(text: line[position...], live: live))
                break
            }
            stretches.append(Stretch(text: line[position..<boundary.lowerBound], live: live))
            position = boundary.upperBound
            inRaw.toggle()
            saw = true
        }
        return (stretches, saw)
    }

    /// The first `{% raw %}` at or after `from`.
    static func rawOpening(in line: Substring, from: Substring.Index) -> Range<Substring.Index>? {
        var index = from
        while let open = LiquidScanner.nextOpening(in: line, from: index) {
            let inside = line.index(open, offsetBy: 2)
            guard line[line.index(after: open)] == "%", let close = line[inside...].range(of: "%}") else {
                index = line.index(after: open)
                continue
            }
            if LiquidScanner.innerText(line[inside..<close.lowerBound]) == "raw" { return open..<close.upperBound }
            index = close.upperBound
        }
        return nil
    }

    /// Moves past a fence line; true when the line is code (in a fence, or a fence line).
    private mutating func advanceFence(_ line: Substring) -> Bool {
        let indent = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(indent)
        if let open = fence {
            let run = rest.prefix { $0 == open.mark }.count
            if indent < 4, run >= open.length, rest.dropFirst(run).trimmingSpaces().isEmpty { fence = nil }
            return true
        }
        guard indent < 4, let mark = rest.first, mark == "`" || mark == "~" else { return false }
        let run = rest.prefix { $0 == mark }.count
        guard run >= 3, mark == "~" || !rest.dropFirst(run).contains("`") else { return false }
        fence = (mark, run)
        return true
    }

    /// CommonMark code spans in a line (backtick runs closed by a run of the same length),
    /// as byte ranges.
    static func codeSpans(in bytes: [UInt8]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var index = 0
        func run(at start: Int) -> Int {
            var end = start
            while end < bytes.count, bytes[end] == UInt8(ascii: "`") { end += 1 }
            return end - start
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "`") else { index += 1; continue }
            let length = run(at: index)
            var search = index + length
            var closed: Int?
            while search < bytes.count {
                if bytes[search] == UInt8(ascii: "`") {
                    let other = run(at: search)
                    if other == length { closed = search; break }
                    search += other
                } else {
                    search += 1
                }
            }
            if let closed {
                spans.append(index..<(closed + length))
                index = closed + length
            } else {
                index += length
            }
        }
        return spans
    }

    // MARK: Tags

    /// `{{ site.baseurl }}` or `{{ site.url }}`.
    static func isSiteRoot(_ tag: LiquidTag) -> Bool {
        tag.kind == .output && (tag.inner == "site.baseurl" || tag.inner == "site.url")
    }

    /// `{% post_url … %}`, or `{% link _posts/… %}`.
    static func linksToPost(_ tag: LiquidTag) -> Bool {
        tag.kind == .tag && (tag.name == "post_url" || (tag.name == "link" && tag.argument.hasPrefix("_posts/")))
    }

    /// The path of `{{ "/about/" | relative_url }}` (or `absolute_url`): a quoted string and that one filter.
    static func filteredPath(_ tag: LiquidTag) -> Substring? {
        let parts = tag.inner.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
        guard parts.count == 2, parts[1] == "relative_url" || parts[1] == "absolute_url",
              let quote = parts[0].first, quote == "\"" || quote == "'", parts[0].count >= 2, parts[0].last == quote else { return nil }
        let path = parts[0].dropFirst().dropLast()
        return path.contains(quote) ? nil : path
    }
}
