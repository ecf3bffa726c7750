/// What a whole `broadsheet check` found.
public struct CheckReport: Sendable {
    /// Errors and warnings, in file and line order.
    public var findings: [CheckFinding]
    /// The links that leave the site, for `--external`: listed, never fetched.
    public var externalLinks: [ExternalLink]
    /// Issue files read.
    public var issuesChecked: Int
    /// Links and images whose targets were looked for within the site.
    public var internalLinksChecked: Int
    /// Pages rendered with the theme (0 when loading failed and the theme could not be tried).
    public var pagesRendered: Int

    public var errorCount: Int { findings.count { $0.severity == .error } }
    public var warningCount: Int { findings.count { $0.severity == .warning } }

    /// `Checked 664 issues, 2,034 pages and 120 internal links: 2 errors, 1 warning.`
    public var summaryLine: String {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        return "Checked \(plural(issuesChecked, "issue")), \(plural(pagesRendered, "page")) and "
            + "\(plural(internalLinksChecked, "internal link")): \(plural(errorCount, "error")), \(plural(warningCount, "warning"))."
    }
}

/// A link from an issue to another site.
public struct ExternalLink: Sendable, Equatable {
    /// The issue file, relative to the root.
    public let path: String
    /// 1-based line in that file.
    public let line: Int
    /// The address as written.
    public let url: String

    /// `path:line: url`.
    public var description: String { "\(path):\(line): \(url)" }
}
