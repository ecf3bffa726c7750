import Yams

/// A composed YAML value with the line it starts on: what front matter, `site.yml`
/// and `entities.yml` read from.
///
/// Aliases are already replaced by the nodes they name (bounded by `YAMLLimits`),
/// and a mapping holds each key once, the last value winning.
public struct YAMLNode: Sendable, Equatable {
    /// One key and its value in a mapping, in the order written.
    public struct Pair: Sendable, Equatable {
        public var key: YAMLNode
        public var value: YAMLNode
    }

    /// What the node holds.
    public indirect enum Content: Sendable, Equatable {
        /// Text; `plain` when unquoted and untagged, so it may read as a number, bool or null.
        case scalar(String, plain: Bool)
        case sequence([YAMLNode])
        case mapping([Pair])
    }

    /// What the node holds.
    public var content: Content
    /// The 1-based line of the file the node starts on.
    public var line: Int

    /// The text of a scalar; nil for a list or mapping.
    public var string: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// The value for the scalar key `name`, when this is a mapping that has it.
    public subscript(name: String) -> YAMLNode? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs.first { $0.key.string == name }?.value
    }

    /// The scalar read as YAML 1.1 does (null, bool, int, float), or as text; but
    /// base-60 numbers (`1:30`) stay text.
    ///
    /// Quoted or tagged scalars always stay text, as YAML intends. Most plain scalars
    /// are prose (titles, names), and Yams' resolvers run regular expressions, so only
    /// text that could be a null, bool or number is given to them.
    public var resolved: MetadataValue {
        switch content {
        case .sequence(let items):
            return .list(items.map(\.resolved))
        case .mapping(let pairs):
            var result: [String: MetadataValue] = [:]
            for pair in pairs {
                if let name = pair.key.string { result[name] = pair.value.resolved }
            }
            return .map(result)
        case .scalar(let text, let plain):
            guard plain else { return .string(text) }
            guard let first = text.utf8.first else { return .null }
            let couldBeNumber = (0x30...0x39).contains(first) || first == 0x2D || first == 0x2B || first == 0x2E
            if !couldBeNumber && text.utf8.count > 5 && first != 0x7E { return .string(text) }
            // YAML 1.1 reads `10:30` as a base-60 number (630), which no editor means,
            // and Yams traps on one too large for Int: keep anything with a colon as text.
            if text.utf8.contains(0x3A) { return .string(text) }
            let node = Node.scalar(Node.Scalar(text, Yams.Tag(.implicit), .plain))
            if node.null != nil { return .null }
            if let flag = node.bool { return .bool(flag) }
            if let number = node.int { return .int(number) }
            if let number = node.float, couldBeNumber { return .double(number) }
            return .string(text)
        }
    }

    /// True for a plain scalar that reads as `true`/`yes`/`on` in YAML 1.1.
    public var bool: Bool? {
        if case .bool(let flag) = resolved { return flag }
        return nil
    }
}
