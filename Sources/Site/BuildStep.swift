/// The named steps of a build, in order. One name each, for the progress line on a
/// terminal and for `build --timings`.
public enum BuildStep: String, CaseIterable, Sendable {
    case loadTheme = "load theme"
    case loadIssues = "load issues, link mentions"
    case crossReference = "cross-reference"
    case renderPages = "render and write pages"
    case writeFeeds = "write feeds and assets"
    case buildSearchIndex = "build search index"
    case swap = "swap into place"

    /// What the progress line and `--timings` call it.
    public var name: String { rawValue }
}
