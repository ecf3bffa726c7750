import Markup
import Yams

/// The metadata block at the top of an issue file, split from its Markdown body.
///
/// Two forms are accepted: YAML between `---` lines (what Hugo, Zola and Jekyll
/// users write), and Pelican's `Key: value` lines up to the first blank line, so
/// archives that come from Pelican build unchanged.
struct FrontMatter {
    /// One front-matter key: its value and the line it is on, for errors.
    struct Field {
        var value: MetadataValue
        var line: Int
    }

    /// Fields by lowercased key.
    var fields: [String: Field]
    /// The Markdown after the front matter.
    var body: Substring
    /// The 1-based line of the file on which `body` starts.
    var bodyLine: Int

    /// Splits and parses `text`, the whole file.
    init(text: String, path: String) throws(ContentError) {
        var lines = LineScanner(text)
        guard let first = lines.line(at: 0), text.utf8.contains(where: { !TextStatistics.isSpace($0) }) else {
            throw ContentError(path: path, line: 1, message: "empty file: an issue needs front matter with a title and a date")
        }
        if first.trimmedTrailing == "---" {
            try self.init(yamlIn: &lines, path: path)
        } else if PelicanHeader.isHeaderLine(first) {
            self.init(pelicanIn: &lines)
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
        let node = try YAMLErrorTranslation.compose(yaml, path: path, firstLine: 2)
        var fields: [String: Field] = [:]
        switch node {
        case nil:
            break
        case .mapping(let mapping)?:
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                fields[name.lowercased()] = Field(value: MetadataValue(value), line: (key.mark?.line ?? 1) + 1)
            }
        case let other?:
            throw ContentError(path: path, line: (other.mark?.line ?? 1) + 1,
                               message: "front matter must be a YAML mapping of keys to values")
        }
        self.fields = fields
        self.body = lines.rest(afterLine: closing)
        self.bodyLine = closing + 2
    }

    private init(pelicanIn lines: inout LineScanner) {
        var fields: [String: Field] = [:]
        var index = 0
        while let line = lines.line(at: index), !line.trimmedTrailing.isEmpty {
            if let (key, value) = PelicanHeader.split(line) {
                fields[key.lowercased()] = Field(value: .string(value), line: index + 1)
            }
            index += 1
        }
        self.fields = fields
        self.body = lines.rest(afterLine: index)
        self.bodyLine = index + 2
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

/// Maps Yams' errors to a `ContentError` on the right line of the issue file.
enum YAMLErrorTranslation {
    /// Composes `yaml` into a node tree, any error reported at its line in `path`;
    /// `firstLine` is the file line that holds the YAML's first line.
    static func compose(_ yaml: String, path: String, firstLine: Int) throws(ContentError) -> Node? {
        do {
            return try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw contentError(error, path: path, firstLine: firstLine)
        } catch {
            throw ContentError(path: path, line: firstLine, message: "invalid YAML: \(error)")
        }
    }

    /// `firstLine` is the file line that holds the YAML's first line.
    static func contentError(_ error: YamlError, path: String, firstLine: Int) -> ContentError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text))" }
            return ContentError(path: path, line: mark.line + firstLine - 1, message: message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ContentError(path: path, line: context.mark.line + firstLine - 1,
                                message: "invalid YAML: duplicate key \(duplicates.joined(separator: ", "))")
        default:
            return ContentError(path: path, line: firstLine, message: "invalid YAML: \(error)")
        }
    }
}

import Foundation
