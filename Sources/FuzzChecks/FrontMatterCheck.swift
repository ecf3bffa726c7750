import Archive

/// Front matter, YAML or Pelican: a parse gives an issue with a title and a valid
/// date, or a `ContentError` for this file at a line inside it.
enum FrontMatterCheck {
    static let path = "content/issues/fuzz.md"

    /// The input as the YAML between `---` lines, followed by a body.
    static func yaml(_ input: [UInt8]) -> String? {
        let yaml = String(decoding: input, as: UTF8.self)
        return issue("---\n\(yaml)\n---\nBody text.\n")
    }

    /// The input as a whole file, which is how Pelican headers arrive.
    static func pelican(_ input: [UInt8]) -> String? {
        issue(String(decoding: input, as: UTF8.self))
    }

    private static func issue(_ text: String) -> String? {
        var warnings: [ContentWarning] = []
        do {
            let issue = try IssueParser.parse(path: path, text: text, warnings: &warnings)
            if issue.title.isEmpty { return "parsed an issue with an empty title" }
            if issue.slug.isEmpty || !Slug.isValid(issue.slug) { return "parsed an issue with slug '\(issue.slug)'" }
            if let finding = DateCheck.check(Array(issue.date.rfc3339.utf8)) { return "the issue's date: \(finding)" }
        } catch {
            if error.path != path { return "error names another file: \(error)" }
            if error.message.isEmpty { return "error without a message: \(error)" }
            if let finding = FuzzText.lineFinding(error.line, in: text, error: error) { return finding }
        }
        for warning in warnings {
            if let finding = FuzzText.lineFinding(warning.line, in: text, error: warning) { return finding }
        }
        return nil
    }
}
