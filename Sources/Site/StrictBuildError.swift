import Archive

/// A build stopped by `--strict` because loading found warnings.
///
/// Each warning is printed as an error on its own `path:line: message` line, so a
/// CI job fails on the very input an editor would only have been warned about.
public struct StrictBuildError: Error, Sendable, CustomStringConvertible {
    /// The warnings, in file order.
    public let warnings: [ContentWarning]

    /// One `path:line: message (an error with --strict)` line per warning.
    public var description: String {
        warnings.map(\.asError.description).joined(separator: "\n")
    }
}
