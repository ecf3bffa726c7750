/// One thing `broadsheet check` found, at a place in a file.
///
/// Errors are what would break the site or its readers' use of it (a link to nothing, an
/// image with no description); warnings are what is likely a mistake but may be meant
/// (Liquid left in the text). Printed in the build's own forms, `path:line: message` and
/// `path:line: warning: message`, so editors' tools can jump to the line.
public struct CheckFinding: Sendable, Equatable, CustomStringConvertible {
    /// How much a finding matters to the exit status.
    public enum Severity: Sendable, Equatable {
        /// Makes `check` exit with status 1.
        case error
        /// Reported; the status stays 0.
        case warning
    }

    public let severity: Severity
    /// The file, relative to the root where possible.
    public let path: String
    /// 1-based line in that file; nil for a problem with the file as a whole.
    public let line: Int?
    /// 1-based column, for a template's tag; nil elsewhere.
    public let column: Int?
    /// What is wrong and, where it helps, how to mend it.
    public let message: String

    /// Makes a finding.
    public init(_ severity: Severity, path: String, line: Int?, column: Int? = nil, message: String) {
        self.severity = severity
        self.path = path
        self.line = line.map { max(1, $0) }
        self.column = line == nil ? nil : column
        self.message = message
    }

    /// `path:line: message` (`path:line:column:` in a template), or `path:line: warning: message`.
    public var description: String {
        var place = line.map { "\(path):\($0)" } ?? path
        if let column { place += ":\(column)" }
        return severity == .error ? "\(place): \(message)" : "\(place): warning: \(message)"
    }

    /// Orders findings by file, then line, then message, so a report reads top to bottom.
    static func inFileOrder(_ a: CheckFinding, _ b: CheckFinding) -> Bool {
        (a.path, a.line ?? 0, a.column ?? 0, a.message) < (b.path, b.line ?? 0, b.column ?? 0, b.message)
    }
}
