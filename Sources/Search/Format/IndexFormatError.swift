/// A search index file that cannot be read: damaged, truncated, or from another version.
///
/// Both readers (Swift here, JavaScript in the page) refuse such a file with a message
/// rather than guessing, so a broken deploy shows "rebuild the site", not wrong results.
public struct IndexFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, and where in the data.
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { "damaged search index: \(message)" }
}
