/// A value a template can read.
///
/// Templates never see Swift model types directly: the site builder converts
/// what it knows about an issue or page into this small, JSON-like tree. Keeping
/// the data closed over a handful of cases makes lookups cheap, makes every
/// context `Sendable` (so pages can render on several threads at once), and
/// pins down exactly how each kind of value prints and how truthy it is.
public enum TemplateValue: Sendable, Equatable {
    /// No value. Prints as nothing and is falsey, like a missing key.
    case null
    /// A flag. Prints as `true`/`false`; sections render only when `true`.
    case bool(Bool)
    /// A whole number. Prints in decimal; `0` is falsey.
    case int(Int)
    /// A number with a fraction. Prints in its shortest round-trip form (a
    /// whole value such as `2.0` prints as `2`); `0` and NaN are falsey.
    case double(Double)
    /// Text. Prints HTML-escaped with `{{x}}`, raw with `{{{x}}}`; `""` is falsey.
    case string(String)
    /// A sequence. A section over a list renders once per item; an empty list
    /// is falsey. Interpolating a list prints nothing.
    case list([TemplateValue])
    /// Named fields. A section over an object pushes it on the context stack,
    /// which is how `{{#issue}}{{title}}{{/issue}}` reaches `issue.title`.
    /// Always truthy (even when empty); interpolating it prints nothing.
    case object([String: TemplateValue])
}

extension TemplateValue {
    /// Whether a section `{{#x}}` renders (and `{{^x}}` does not).
    ///
    /// The spec defines truthiness as JavaScript's `!!value`; this follows it:
    /// `null`, `false`, `0`, `0.0`, NaN, `""` and `[]` are falsey, everything
    /// else (including an empty object) is truthy. Treating `""` as falsey is
    /// what lets `{{#subtitle}}<h2>{{subtitle}}</h2>{{/subtitle}}` skip blanks.
    var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let flag): return flag
        case .int(let number): return number != 0
        case .double(let number): return number != 0 && !number.isNaN
        case .string(let text): return !text.isEmpty
        case .list(let items): return !items.isEmpty
        case .object: return true
        }
    }
}

/// Lets templates' test and builder code write `"text"` for `.string("text")`.
extension TemplateValue: ExpressibleByStringLiteral {
    /// Creates `.string(value)`, so string literals can stand for template text.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

/// Lets `true`/`false` stand for `.bool`, keeping hand-built contexts short.
extension TemplateValue: ExpressibleByBooleanLiteral {
    /// Creates `.bool(value)`, so Boolean literals can stand for flags.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

/// Lets integer literals stand for `.int`, keeping hand-built contexts short.
extension TemplateValue: ExpressibleByIntegerLiteral {
    /// Creates `.int(value)`, so integer literals can stand for numbers.
    public init(integerLiteral value: Int) {
        self = .int(value)
    }
}

/// Lets floating-point literals stand for `.double` (an addition to the
/// agreed API: without it `1.5` in a context literal would not compile).
extension TemplateValue: ExpressibleByFloatLiteral {
    /// Creates `.double(value)`, so float literals can stand for fractions.
    public init(floatLiteral value: Double) {
        self = .double(value)
    }
}

/// Lets `[a, b]` stand for `.list`, so lists of items read naturally.
extension TemplateValue: ExpressibleByArrayLiteral {
    /// Creates `.list(elements)`, so array literals can stand for lists.
    public init(arrayLiteral elements: TemplateValue...) {
        self = .list(elements)
    }
}

/// Lets `["k": v]` stand for `.object`, so contexts read like the JSON they model.
extension TemplateValue: ExpressibleByDictionaryLiteral {
    /// Creates `.object` from key/value pairs; a repeated key keeps its last
    /// value, as JSON parsers do, instead of trapping like `Dictionary` would.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

/// Lets `nil` stand for `.null`, so optional data can be written as is.
extension TemplateValue: ExpressibleByNilLiteral {
    /// Creates `.null`, so a `nil` literal stands for a missing value.
    public init(nilLiteral: ()) {
        self = .null
    }
}
