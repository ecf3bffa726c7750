import Archive

/// The posts being imported, by the names `{% post_url %}` and `{% link %}` give them, so a
/// link between posts can become a link between issues.
///
/// Jekyll names a post by its path under `_posts/` without the extension
/// (`2018/2018-01-19-forums`), and, for older sites, by its file name alone when that is
/// unique. Dates are compared written out in full, so `2018-1-19-forums` finds it too.
public struct PostIndex: Sendable {
    /// One post: the issue slug it gets, and whether it is a draft (`published: false`).
    public struct Entry: Sendable, Equatable {
        /// The imported issue's slug, which its link is made from.
        public var slug: String
        /// True for a post with `published: false`, whose page only a `--drafts` build makes.
        public var draft: Bool

        /// The entry of a post whose issue will be `slug`.
        public init(slug: String, draft: Bool) {
            self.slug = slug
            self.draft = draft
        }
    }

    /// What a name finds.
    public enum Lookup: Sendable, Equatable {
        case found(Entry)
        case missing
        /// No folder was given and several folders have a post of that name.
        case ambiguous([String])
    }

    private var byPath: [String: Entry] = [:]
    private var byStem: [String: [String]] = [:]

    /// An empty index.
    public init() {}

    /// Adds the post at `relativePath` (under `_posts/`, normalised name, no extension).
    public mutating func add(_ relativePath: String, _ entry: Entry) {
        byPath[relativePath] = entry
        let stem = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        byStem[stem, default: []].append(relativePath)
    }

    /// The post `name` names: `2018/2018-01-19-forums`, `/2018-1-19-forums`, or
    /// `_posts/2018/2018-01-19-forums.md` (as `{% link %}` writes it, with `fromLinkTag`).
    public func lookup(_ name: String, fromLinkTag: Bool = false) -> Lookup {
        var path = name.trimmingCharacters(in: .whitespaces)
        if let quote = path.first, quote == "\"" || quote == "'", path.count >= 2, path.last == quote {
            path = String(path.dropFirst().dropLast())
        }
        var segments = path.split(separator: "/").map(String.init)
        if fromLinkTag {
            guard segments.first == "_posts" else { return .missing }
            segments.removeFirst()
        }
        guard var last = segments.popLast() else { return .missing }
        if case .success(let parsed) = PostFileName.parse(last) {
            last = parsed.stem
        } else if case .success(let parsed) = PostFileName.parse(last + ".md") {
            last = parsed.stem
        }
        let key = (segments + [last]).joined(separator: "/")
        if let entry = byPath[key] { return .found(entry) }
        guard segments.isEmpty, let paths = byStem[last] else { return .missing }
        return paths.count == 1 ? .found(byPath[paths[0]]!) : .ambiguous(paths.sorted())
    }
}
