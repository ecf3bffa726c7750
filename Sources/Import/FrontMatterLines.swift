import Markup

/// A post's front matter as lines of text, with the place of each top-level key, so that
/// the import can rename, replace or remove a key and leave every other line (comments,
/// quoting, order, line endings) exactly as the editor wrote it.
///
/// Only block mappings are understood: a top-level key is a line that starts in the first
/// column with neither a space, a `#` nor a `-`. The importer checks these against the keys
/// the YAML parser found, and turns away front matter it cannot so edit.
struct FrontMatterLines: Sendable {
    /// One top-level key and its lines.
    struct Key: Sendable, Equatable {
        /// The key, lowercased, as `FrontMatter.fields` has it.
        var name: String
        /// Index into `lines` of the key's own line.
        var first: Int
        /// One past its value's last line (trailing blank and comment lines left out).
        var end: Int
    }

    /// The lines between the `---` lines, each without its `\n` (a `\r` stays on it).
    var lines: [Substring]
    /// The top-level keys in the order written.
    var keys: [Key]

    /// Reads the key lines of `lines`.
    init(_ lines: [Substring]) {
        self.lines = lines
        var starts: [(name: String, index: Int)] = []
        for (index, line) in lines.enumerated() {
            if let name = Self.keyName(line) { starts.append((name, index)) }
        }
        keys = starts.indices.map { position in
            let first = starts[position].index
            var end = position + 1 < starts.count ? starts[position + 1].index : lines.count
            while end > first + 1, Self.isBlankOrComment(lines[end - 1]) { end -= 1 }
            return Key(name: starts[position].name, first: first, end: end)
        }
    }

    /// The last key named `name` (the one YAML keeps when a key is repeated).
    func key(_ name: String) -> Key? { keys.last { $0.name == name } }

    /// Every key named `name`, repeats included.
    func all(_ name: String) -> [Key] { keys.filter { $0.name == name } }

    /// The key of a top-level key line, lowercased, or nil for any other line.
    static func keyName(_ line: Substring) -> String? {
        guard let first = line.utf8.first, first != 0x20, first != 0x09, first != UInt8(ascii: "#"), first != UInt8(ascii: "-"),
              first != 0x0D else { return nil }
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            let quote = Character(UnicodeScalar(first))
            let rest = line.dropFirst()
            guard let close = rest.firstIndex(of: quote), rest[rest.index(after: close)...].hasPrefix(":") else { return nil }
            return rest[..<close].lowercased()
        }
        var index = line.startIndex
        while index < line.endIndex {
            if line[index] == ":" {
                let next = line.index(after: index)
                if next == line.endIndex || line[next] == " " || line[next] == "\t" || line[next] == "\r" {
                    return line[..<index].trimmingSpaces().lowercased()
                }
            }
            index = line.index(after: index)
        }
        return nil
    }

    static func isBlankOrComment(_ line: Substring) -> Bool {
        let trimmed = line.trimmingSpaces()
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }

    /// `line` with the key at its start replaced by `name`: `slug: x` → `jekyll_slug: x`.
    static func renamingKey(_ line: Substring, to name: String) -> String {
        guard let colon = keyColon(line) else { return String(line) }
        return name + line[colon...]
    }

    /// Where the colon after a key line's key is.
    static func keyColon(_ line: Substring) -> Substring.Index? {
        guard let first = line.first else { return nil }
        if first == "\"" || first == "'" {
            let rest = line.dropFirst()
            guard let close = rest.firstIndex(of: first) else { return nil }
            let after = rest.index(after: close)
            return after < line.endIndex && line[after] == ":" ? after : nil
        }
        var index = line.startIndex
        while index < line.endIndex {
            if line[index] == ":" {
                let next = line.index(after: index)
                if next == line.endIndex || line[next] == " " || line[next] == "\t" || line[next] == "\r" { return index }
            }
            index = line.index(after: index)
        }
        return nil
    }
}
