import Archive

/// One post, read and converted, ready to be written as an issue.
public struct ImportedPost: Sendable, Equatable {
    /// The post's file, as the source folder was given plus its path (`old/_posts/2018/x.md`).
    public var source: String
    /// Where the issue goes, relative to the root (`content/issues/2018/2018-01-19-x.md`).
    public var target: String
    /// The slug (from the imported file name), so its page is `issues/<slug>/`.
    public var slug: String
    /// The issue file's text.
    public var text: String
    /// What the editor should look at, at lines of `target`.
    public var warnings: [ContentWarning]
}

/// A file under `_posts/` that is not imported, and why: so that nothing is left behind
/// without a word.
public struct SkippedFile: Sendable, Equatable, CustomStringConvertible {
    /// The file, as the source folder was given plus its path.
    public var path: String
    /// Why, and where it helps, what to do to import it.
    public var reason: String

    /// `path: skipped: reason`.
    public var description: String { "\(path): skipped: \(reason)" }
}
