/// The kinds of tag, one per sigil after the opening delimiter.
enum TagKind: Sendable, Equatable {
    case variable    // {{name}}
    case unescaped   // {{{name}}} or {{&name}}
    case comment     // {{! text }}
    case delimiters  // {{=<% %>=}}
    case section     // {{#name}}
    case inverted    // {{^name}}
    case close       // {{/name}}
    case partial     // {{>name}}
    case parent      // {{<name}}
    case block       // {{$name}}

    /// Tags that need a matching `{{/name}}`.
    var opensSection: Bool {
        switch self {
        case .section, .inverted, .parent, .block: return true
        default: return false
        }
    }

    /// Tags that may be standalone (everything but interpolation).
    var canStandalone: Bool { self != .variable && self != .unescaped }
}
