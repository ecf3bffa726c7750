/// How values print when interpolated, and how a value names a template for
/// dynamic partials. Kept in one place so both uses agree, as the
/// ~dynamic-names spec requires ("the same value as an Interpolation tag").
extension TemplateValue {
    /// The text `{{x}}` prints, or nil when it prints nothing (`null`, lists,
    /// objects). Strings are returned as is; escaping is the caller's choice.
    var interpolationText: String? {
        switch self {
        case .null, .list, .object: return nil
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return Self.format(number)
        case .string(let text): return text
        }
    }

    /// Doubles print like JSON/JavaScript numbers: whole values without `.0`
    /// (`2.0` -> `2`), others in Swift's shortest round-trip form (`1.21`).
    static func format(_ number: Double) -> String {
        if number.isFinite, number == number.rounded(), abs(number) < 1e15 {
            return String(Int(number))
        }
        return number.description
    }

    /// The template name a dynamic partial `{{>*x}}` includes, or nil when it
    /// includes nothing (missing, `null`, `false`, `""`, lists and objects):
    /// the spec says a failed resolution renders nothing.
    var templateName: String? {
        switch self {
        case .string(let text): return text.isEmpty ? nil : text
        case .int, .double: return interpolationText
        case .null, .bool, .list, .object: return nil
        }
    }
}
