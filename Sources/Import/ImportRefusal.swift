import Archive

/// Why an import wrote nothing: every target that is already there (without `--force`),
/// and every pair of posts that would be one issue. All are found before a file is written.
public struct ImportRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// One line each, `path: message` or `path:line: message`.
    public var problems: [ContentError]

    /// A refusal for `problems`.
    public init(problems: [ContentError]) { self.problems = problems }

    /// The problems, one a line.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
