/// The readers of editors' input that are fuzzed, each with a property it must keep.
///
/// "Does not crash" is not enough: each check also asserts something that a wrong
/// reader would break, such as "a failure names a line that is inside the input".
/// The same checks run under libFuzzer (`make fuzz`, the `fuzz-*` executables) and
/// over the saved corpus in `Tests/Fuzz/` as a normal test (`FuzzCorpusTests`).
public enum FuzzTarget: String, CaseIterable, Sendable {
    case frontMatter = "front-matter"
    case pelican
    case dates
    case templates
    case registry
    case jekyll

    /// Checks the property on one input; returns what was wrong, or nil when it held.
    public func check(_ input: [UInt8]) -> String? {
        switch self {
        case .frontMatter: return FrontMatterCheck.yaml(input)
        case .pelican: return FrontMatterCheck.pelican(input)
        case .dates: return DateCheck.check(input)
        case .templates: return TemplateCheck.check(input)
        case .registry: return RegistryCheck.check(input)
        case .jekyll: return JekyllPostCheck.check(input)
        }
    }

    /// Runs `check` and stops the process on a broken property, which is how
    /// libFuzzer learns of a finding and saves the input.
    public func trap(_ input: [UInt8]) {
        if let finding = check(input) {
            fatalError("fuzz-\(rawValue): \(finding)")
        }
    }
}

/// Helpers shared by the checks.
enum FuzzText {
    /// Lines in `text` as an editor's tools count them: a final newline starts one more.
    static func lineCount(_ text: String) -> Int {
        text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// Fails when `line` is outside `1...lineCount(text)`.
    static func lineFinding(_ line: Int?, in text: String, error: CustomStringConvertible) -> String? {
        guard let line else { return "an error about the input's text names no line: \(error)" }
        let lines = lineCount(text)
        return (1...lines).contains(line) ? nil : "error names line \(line) of a \(lines)-line input: \(error)"
    }
}
