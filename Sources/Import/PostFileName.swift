import Archive

/// The name of a Jekyll post, `YYYY-MM-DD-title.md`, read as Jekyll reads it: months and
/// days may have one digit (`2018-1-5-title.md`), and are written with two in the imported
/// name (`2018-01-05-title.md`), which is also what Broadsheet's slug is made from.
public struct PostFileName: Sendable, Equatable {
    /// The extensions Jekyll renders as Markdown by default (`markdown_ext`).
    public static let markdownExtensions: Set<String> = ["md", "markdown", "mkdown", "mkdn", "mkd", "mdown", "mdwn"]

    /// `2018-01-05`: the date with two-digit month and day.
    public let date: String
    /// The part after the date, without the extension: `title`.
    public let title: String
    /// The extension as the imported file has it: `md`, or `markdown` when the post had
    /// that; the other Markdown extensions become `md`, the only two Broadsheet reads.
    public let fileExtension: String

    /// `2018-01-05-title.md`.
    public var normalized: String { "\(date)-\(title).\(fileExtension)" }

    /// The normalized name without its extension: what `{% post_url %}` names a post by.
    public var stem: String { "\(date)-\(title)" }

    /// Jekyll's default title for a post without one: the title part with each
    /// hyphen-separated word capitalised (`hello-world` → `Hello World`).
    public var defaultTitle: String {
        title.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    /// Reads `name` (a file name, no folders), or says why it is not a post's name.
    public static func parse(_ name: String) -> Result<PostFileName, Unrecognised> {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else {
            return .failure(Unrecognised("no extension: a post is named YYYY-MM-DD-title.md"))
        }
        let ext = name[name.index(after: dot)...].lowercased()
        guard markdownExtensions.contains(ext) else {
            return .failure(Unrecognised("not a Markdown file (.\(ext)): only .md and .markdown posts are imported"))
        }
        guard let parsed = parseStem(String(name[..<dot])) else {
            return .failure(Unrecognised("the name does not start with a date: a post is named YYYY-MM-DD-title.md"))
        }
        guard !parsed.title.isEmpty else {
            return .failure(Unrecognised("no title after the date: a post is named YYYY-MM-DD-title.md"))
        }
        return .success(PostFileName(date: parsed.date, title: parsed.title, fileExtension: ext == "markdown" ? "markdown" : "md"))
    }

    /// `2018-1-5-title` → (`2018-01-05`, `title`), or nil when it does not start with a real
    /// date (four-digit year, one- or two-digit month and day) and a hyphen.
    static func parseStem(_ stem: String) -> (date: String, title: String)? {
        let parts = stem.split(separator: "-", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0].utf8.count == 4, (1...2).contains(parts[1].utf8.count), (1...2).contains(parts[2].utf8.count),
              parts[0...2].allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }) else { return nil }
        let date = "\(parts[0])-\(parts[1].count == 1 ? "0" : "")\(parts[1])-\(parts[2].count == 1 ? "0" : "")\(parts[2])"
        guard IssueDate(parsing: date) != nil else { return nil }
        return (date, String(parts[3]))
    }

    /// Why a file name is not a post's.
    public struct Unrecognised: Error, Sendable, Equatable {
        /// Said after `path: skipped: `.
        public let reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
