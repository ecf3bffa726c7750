/// Something odd in an editor's input that the build can go on past.
///
/// Printed as `path:line: warning: message` on stderr; the exit status stays 0
/// unless `--strict` makes warnings errors (for CI).
public struct ContentWarning: Sendable, Equatable, CustomStringConvertible {
    /// The file, relative to the build root where possible.
    public let path: String
    /// 1-based line in that file.
    public let line: Int
    /// What is odd and what the build did about it.
    public let message: String

    /// Makes a warning at `path:line`.
    public init(path: String, line: Int, message: String) {
        self.path = path
        self.line = max(1, line)
        self.message = message
    }

    /// `path:line: warning: message`.
    public var description: String { "\(path):\(line): warning: \(message)" }

    /// The same finding as an error, for `--strict`.
    public var asError: ContentError {
        ContentError(path: path, line: line, message: "\(message) (an error with --strict)")
    }
}
