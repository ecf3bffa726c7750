import Yams

/// A front-matter or `site.yml` value, kept as a plain tree.
///
/// Keys Broadsheet does not know are kept in this form so that templates can read
/// them (`{{issue.params.sponsor}}`) without the loader knowing what they mean.
public enum MetadataValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([MetadataValue])
    case map([String: MetadataValue])

    /// The value as text if it is a scalar, for fields that accept `1` as well as `"1"`.
    public var scalarText: String? {
        switch self {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .null, .list, .map: return nil
        }
    }

    /// Converts a composed YAML node, resolving scalars by their YAML 1.1 tags.
    init(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            self = MetadataValue.resolve(scalar)
        case .sequence(let sequence):
            self = .list(sequence.map(MetadataValue.init))
        case .mapping(let mapping):
            var result: [String: MetadataValue] = [:]
            for (key, value) in mapping {
                if let name = key.string { result[name] = MetadataValue(value) }
            }
            self = .map(result)
        case .alias:
            self = .null
        }
    }

    /// Plain (unquoted) scalars become null, booleans or numbers where they read as
    /// such; quoted scalars always stay text, as YAML intends.
    private static func resolve(_ scalar: Node.Scalar) -> MetadataValue {
        guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string) }
        // Most plain scalars are prose (titles, names); Yams' resolvers run regular
        // expressions, so only ask them about text that could be a null, bool or number.
        guard let first = scalar.string.utf8.first else { return .null }
        let couldBeNumber = (0x30...0x39).contains(first) || first == 0x2D || first == 0x2B || first == 0x2E
        if !couldBeNumber && scalar.string.utf8.count > 5 && first != 0x7E { return .string(scalar.string) }
        let node = Node.scalar(scalar)
        if scalar.string.isEmpty || node.null != nil { return .null }
        if let flag = node.bool { return .bool(flag) }
        if let number = node.int { return .int(number) }
        if let number = node.float, scalar.string.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true {
            return .double(number)
        }
        return .string(scalar.string)
    }
}

import Foundation
