import CYaml

/// Builds a `YAMLNode` tree from libyaml's events, within `YAMLLimits`.
///
/// Yams' own composer, which this replaces for reading, expands aliases without
/// bound (an alias bomb hangs the build) and throws on the first duplicate key,
/// where Jekyll, PyYAML and Ruby's Psych take the last value. Here the parser is
/// still libyaml (the copy Yams bundles, as `CYaml`); only the composing is ours.
struct YAMLComposer {
    /// A problem at a line of the YAML text (1-based).
    struct Problem: Error, Equatable {
        var line: Int
        var message: String
    }

    /// A key given twice in one mapping; the later one is kept.
    struct DuplicateKey: Equatable {
        var key: String
        /// The line of the repeated (kept) key.
        var line: Int
    }

    /// The document, or nil for an empty one, and any duplicate keys found.
    struct Result {
        var root: YAMLNode?
        var duplicates: [DuplicateKey]
    }

    /// Composes `yaml`, which must hold at most one document; `firstLine` is the
    /// line of the file on which the YAML starts, so every line reported is the file's.
    static func compose(_ yaml: String, limits: YAMLLimits, firstLine: Int = 1) throws(Problem) -> Result {
        var composer = YAMLComposer(limits: limits, lines: YAMLLineIndex(yaml), lineOffset: firstLine - 1)
        var bytes = Array(yaml.utf8)
        if bytes.isEmpty { return Result(root: nil, duplicates: []) }
        let outcome: Swift.Result<YAMLNode?, Problem> = bytes.withUnsafeMutableBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return .failure(Problem(line: 1, message: "out of memory reading YAML"))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            return Swift.Result { () throws(Problem) in try composer.document(&parser) }
        }
        return Result(root: try outcome.get(), duplicates: composer.duplicates)
    }

    private let limits: YAMLLimits
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var expanded = 0
    private var aliasCount = 0
    private var duplicates: [DuplicateKey] = []

    private let lines: YAMLLineIndex
    private let lineOffset: Int

    private init(limits: YAMLLimits, lines: YAMLLineIndex, lineOffset: Int) {
        self.limits = limits
        self.lines = lines
        self.lineOffset = lineOffset
    }

    /// The file line of a libyaml position.
    private func fileLine(_ mark: yaml_mark_t) -> Int {
        lines.line(atScalar: Int(mark.index)) + lineOffset
    }

    // MARK: Events

    /// One libyaml event, freed when it goes out of scope.
    private final class Event {
        var raw = yaml_event_t()
        /// The file line the event starts on.
        var line = 1
        deinit { yaml_event_delete(&raw) }
        var type: yaml_event_type_t { raw.type }
    }

    private func next(_ parser: inout yaml_parser_t) throws(Problem) -> Event {
        let event = Event()
        guard yaml_parser_parse(&parser, &event.raw) == 1 else { throw problem(parser) }
        event.line = fileLine(event.raw.start_mark)
        return event
    }

    private func problem(_ parser: yaml_parser_t) -> Problem {
        guard parser.error != YAML_MEMORY_ERROR else { return Problem(line: 1, message: "out of memory reading YAML") }
        var message = "invalid YAML: " + (parser.problem.map { String(cString: $0) } ?? "unreadable")
        if let context = parser.context { message += " (\(String(cString: context)))" }
        let line = parser.error == YAML_READER_ERROR ? 1 + lineOffset : fileLine(parser.problem_mark)
        return Problem(line: line, message: message)
    }

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int? = nil) -> String? {
        guard let pointer else { return nil }
        let count = length ?? strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    // MARK: Composing

    private mutating func document(_ parser: inout yaml_parser_t) throws(Problem) -> YAMLNode? {
        _ = try next(&parser)  // stream start
        let start = try next(&parser)
        guard start.type == YAML_DOCUMENT_START_EVENT else { return nil }  // empty stream
        let root = try node(from: try next(&parser), &parser, depth: 0).node
        _ = try next(&parser)  // document end
        let after = try next(&parser)
        if after.type != YAML_STREAM_END_EVENT {
            throw Problem(line: after.line, message: "invalid YAML: a second document starts here; \(limits.subject) holds one")
        }
        return root
    }

    /// The node that `event` starts, and how many values it stands for.
    private mutating func node(from event: Event, _ parser: inout yaml_parser_t, depth: Int) throws(Problem) -> (node: YAMLNode, size: Int) {
        switch event.type {
        case YAML_ALIAS_EVENT:
            return try alias(event)
        case YAML_SCALAR_EVENT:
            try count(1, at: event.line)
            let scalar = event.raw.data.scalar
            let value = Self.text(scalar.value, length: scalar.length) ?? ""
            let plain = scalar.style == YAML_PLAIN_SCALAR_STYLE && scalar.tag == nil
            let node = YAMLNode(content: .scalar(value, plain: plain), line: event.line)
            register(Self.text(scalar.anchor), node, size: 1)
            return (node, 1)
        case YAML_SEQUENCE_START_EVENT:
            try enter(depth + 1, at: event.line)
            try count(1, at: event.line)
            var items: [YAMLNode] = []
            var size = 1
            while true {
                let item = try next(&parser)
                if item.type == YAML_SEQUENCE_END_EVENT { break }
                let child = try node(from: item, &parser, depth: depth + 1)
                items.append(child.node)
                size += child.size
            }
            let node = YAMLNode(content: .sequence(items), line: event.line)
            register(Self.text(event.raw.data.sequence_start.anchor), node, size: size)
            return (node, size)
        case YAML_MAPPING_START_EVENT:
            try enter(depth + 1, at: event.line)
            try count(1, at: event.line)
            var pairs: [YAMLNode.Pair] = []
            var position: [String: Int] = [:]
            var size = 1
            while true {
                let keyEvent = try next(&parser)
                if keyEvent.type == YAML_MAPPING_END_EVENT { break }
                let key = try node(from: keyEvent, &parser, depth: depth + 1)
                let value = try node(from: try next(&parser), &parser, depth: depth + 1)
                size += key.size + value.size
                let pair = YAMLNode.Pair(key: key.node, value: value.node)
                if let name = key.node.string, let earlier = position[name] {
                    duplicates.append(DuplicateKey(key: name, line: key.node.line))
                    pairs.remove(at: earlier)
                    for (other, index) in position where index > earlier { position[other] = index - 1 }
                }
                if let name = key.node.string { position[name] = pairs.count }
                pairs.append(pair)
            }
            let node = YAMLNode(content: .mapping(pairs), line: event.line)
            register(Self.text(event.raw.data.mapping_start.anchor), node, size: size)
            return (node, size)
        default:
            throw Problem(line: event.line, message: "invalid YAML: unexpected event")
        }
    }

    private mutating func alias(_ event: Event) throws(Problem) -> (node: YAMLNode, size: Int) {
        aliasCount += 1
        if aliasCount > limits.aliases {
            throw Problem(line: event.line, message: "\(limits.subject) uses more than \(limits.aliases) aliases")
        }
        let name = Self.text(event.raw.data.alias.anchor) ?? ""
        guard let target = anchors[name] else {
            throw Problem(line: event.line, message: "invalid YAML: found undefined alias '*\(name)'")
        }
        try count(target.size, at: event.line)
        return target
    }

    private mutating func count(_ values: Int, at line: Int) throws(Problem) {
        expanded += values
        if expanded > limits.values {
            throw Problem(line: line, message: "\(limits.subject) expands to more than \(limits.values) values (YAML aliases?)")
        }
    }

    private func enter(_ depth: Int, at line: Int) throws(Problem) {
        if depth > limits.depth {
            throw Problem(line: line, message: "\(limits.subject) nests lists and mappings more than \(limits.depth) deep")
        }
    }

    private mutating func register(_ anchor: String?, _ node: YAMLNode, size: Int) {
        if let anchor { anchors[anchor] = (node, size) }
    }
}
