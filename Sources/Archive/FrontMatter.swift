import Foundation
import Markup

/// The metadata block at the top of an issue file, split from its Markdown body.
///
/// Two forms are accepted: YAML between `---` lines (what Hugo, Zola and Jekyll
/// users write), and Pelican's `Key: value` lines up to the first blank line, so
/// archives that come from Pelican build unchanged.
///
/// Public so that an importer (`Import`) reads another generator's front matter exactly as
/// the build will, with the same YAML limits and the same lines in its messages.
public struct FrontMatter: Sendable {
    /// One front-matter key: its value and the line it is on, for errors.
    public struct Field: Sendable {
        /// The value, resolved as YAML 1.1 reads a plain scalar.
        public var value: MetadataValue
        /// The 1-based line of the file the key is on.
        public var line: Int
    }

    /// Fields by lowercased key.
    public var fields: [String: Field]
    /// The Markdown after the front matter.
    public var body: Substring
    /// The 1-based line of the file on which `body` starts.
    public var bodyLine: Int
    /// Things to tell the editor that do not stop the build (duplicate keys).
    public var warnings: [ContentWarning] = []

    /// Splits and parses `text`, the whole file.
    public init(text: String, path: String) throws(ContentError) {
        var lines = LineScanner(text)
        guard let first = lines.line(at: 0), text.utf8.contains(where: { !TextStatistics.isSpace($0) }) else {
            throw ContentError(path: path, line: 1, message: "empty file: an issue needs front matter with a title and a date")
        }
        if first.trimmedTrailing == "---" {
            try self.init(yamlIn: &lines, path: path)
        } else if PelicanHeader.isHeaderLine(first) {
            self.init(pelicanIn: &lines, path: path)
        } else {
            throw ContentError(path: path, line: 1, message: "missing front matter: start the file with a '---' line, then YAML with a title and a date, then '---'")
        }
    }

    private init(yamlIn lines: inout LineScanner, path: String) throws(ContentError) {
        var index = 1
        var closing: Int?
        while let line = lines.line(at: index) {
            let trimmed = line.trimmedTrailing
            if trimmed == "---" || trimmed == "..." { closing = index; break }
            index += 1
        }
        guard let closing else {
            throw ContentError(path: path, line: 1, message: "unclosed front matter: the '---' on line 1 has no closing '---' line")
        }
        let yaml = lines.text(fromLine: 1, toLine: closing)
        var (node, warnings) = try YAMLFile.read(yaml, path: path, firstLine: 2, limits: .frontMatter)
        var fields: [String: Field] = [:]
        switch node?.content {
        case nil:
            break
        case .mapping(let pairs)?:
            for pair in pairs {
                guard let name = pair.key.string else { continue }
                Self.set(name, Field(value: pair.value.resolved, line: pair.key.line), in: &fields, path: path, warnings: &warnings)
            }
        case .scalar?, .sequence?:
            throw ContentError(path: path, line: node?.line ?? 2,
                               message: "front matter must be a YAML mapping of keys to values")
        }
        self.fields = fields
        self.warnings = warnings
        self.body = lines.rest(afterLine: closing)
        self.bodyLine = closing + 2
    }

    private init(pelicanIn lines: inout LineScanner, path: String) {
        var fields: [String: Field] = [:]
        var warnings: [ContentWarning] = []
        var index = 0
        while let line = lines.line(at: index), !line.trimmedTrailing.isEmpty {
            if let (key, value) = PelicanHeader.split(line) {
                Self.set(key, Field(value: .string(value), line: index + 1), in: &fields, path: path, warnings: &warnings)
            }
            index += 1
        }
        self.fields = fields
        self.warnings = warnings
        self.body = lines.rest(afterLine: index)
        self.bodyLine = index + 2
    }
}

extension FrontMatter {
    /// Keys are read case-insensitively (`Title:` is `title:`), so two spellings of one
    /// key are a duplicate too: warned about, the last one used, as for exact repeats.
    fileprivate static func set(_ name: String, _ field: Field, in fields: inout [String: Field],
                                path: String, warnings: inout [ContentWarning]) {
        let key = name.lowercased()
        if fields[key] != nil {
            warnings.append(ContentWarning(path: path, line: field.line, message: "duplicate key '\(name)'; the last one is used"))
        }
        fields[key] = field
    }
}

/// Pelican's header lines: `Key: value`, keys made of letters, digits, `_` and `-`.
enum PelicanHeader {
    static func isHeaderLine(_ line: Substring) -> Bool { split(line) != nil }

    static func split(_ line: Substring) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon]
        guard let first = key.unicodeScalars.first, first.properties.isAlphabetic,
              key.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" || $0 == "-" })
        else { return nil }
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        return (String(key), value)
    }
}
