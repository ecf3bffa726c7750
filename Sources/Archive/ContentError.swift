/// A problem with an editor's input, located in a file.
///
/// Every error the build reports reads `path:line: message`, the form compilers use,
/// so editors and their tools can jump straight to the line. A problem that is not on a
/// line of a file (a missing folder, a file as a whole) reads `path: message`.
public struct ContentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file or folder, relative to the build root where possible.
    public let path: String
    /// 1-based line in that file; nil when the problem is not on a line.
    public let line: Int?
    /// What is wrong, and where it helps, how to fix it.
    public let message: String

    /// Makes an error at `path:line`.
    public init(path: String, line: Int, message: String) {
        self.path = path
        self.line = max(1, line)
        self.message = message
    }

    /// Makes an error about `path` as a whole: no line to point at.
    public init(path: String, message: String) {
        self.path = path
        self.line = nil
        self.message = message
    }

    /// `path:line: message`, or `path: message` with no line.
    public var description: String { line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)" }
}
