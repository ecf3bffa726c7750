/// A refusal or failure about the output folder itself, not about a line of input.
///
/// Printed as `path: message`, with no line number, because the problem is the
/// folder as a whole.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder (or file) concerned, as the user named it.
    public let path: String
    /// What is wrong and how to go on.
    public let message: String

    /// Makes an error about `path`.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}
