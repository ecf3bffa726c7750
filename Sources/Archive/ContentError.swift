/// A problem with an editor's input, located in a file.
///
/// Every error the build reports reads `path:line: message`, the form compilers use,
/// so editors and their tools can jump straight to the line.
public struct ContentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, relative to the build root where possible.
    public let path: String
    /// 1-based line in that file; 1 when the problem is the file as a whole.
    public let line: Int
    /// What is wrong, and where it helps, how to fix it.
    public let message: String

    /// Makes an error at `path:line`.
    public init(path: String, line: Int, message: String) {
        self.path = path
        self.line = max(1, line)
        self.message = message
    }

    /// `path:line: message`.
    public var description: String { "\(path):\(line): \(message)" }
}
