import Foundation
import Markup

/// Turns the text of one issue file into an `Issue`, or says exactly what is wrong.
///
/// Pure: takes the file's path (for messages and the fallback slug) and text,
/// reads nothing else, so issues can be parsed on any thread.
public enum IssueParser {
    /// Keys the loader interprets; every other key is kept in `Issue.params`.
    static let knownKeys: Set<String> = ["title", "date", "slug", "summary", "tags", "author", "authors",
                                         "number", "draft", "source", "source_url", "entities", "entities_exclude",
                                         "permalink"]

    /// The summary length, in bytes, when it is taken from the first paragraph.
    public static let derivedSummaryLimit = 280

    /// Parses `text`, the contents of the file at `path` (relative to the build root),
    /// finding and linking entity mentions as `linking` says.
    public static func parse(path: String, text: String, linking: MentionLinking = .disabled) throws(ContentError) -> Issue {
        var ignored: [ContentWarning] = []
        return try parse(path: path, text: text, linking: linking, warnings: &ignored)
    }

    /// Parses like `parse(path:text:linking:)`, adding what the editor should be told
    /// but that does not stop the build (a duplicate key) to `warnings`.
    public static func parse(path: String, text: String, linking: MentionLinking = .disabled,
                             warnings: inout [ContentWarning]) throws(ContentError) -> Issue {
        try parse(path: path, text: text, frontMatter: try FrontMatter(text: text, path: path), linking: linking, warnings: &warnings)
    }

    /// Parses like `parse(path:text:linking:warnings:)` with the front matter already split
    /// from `text`, for a reader that needs the split too (`IssueLoader.readEachForCheck`).
    static func parse(path: String, text: String, frontMatter: FrontMatter, linking: MentionLinking,
                      warnings: inout [ContentWarning]) throws(ContentError) -> Issue {
        warnings += frontMatter.warnings
        let fields = FieldReader(fields: frontMatter.fields, path: path)

        let title = try fields.requiredText("title")
        let date = try fields.date("date")
        let slug = try fields.slug(fallbackFileName: path)
        let added = try fields.entities("entities", registry: linking.registry)
        let excluded = Set(try fields.entities("entities_exclude", registry: linking.registry))

        let document = MarkdownDocument(String(frontMatter.body))
        let mentions = MentionCollector.collect(in: document, linking: linking, added: added, excluded: excluded)
        let body = RenderedMarkdown(document: document)
        let summary = try fields.optionalText("summary")
            ?? body.firstParagraph.map { TextStatistics.excerpt($0, limit: derivedSummaryLimit) } ?? ""

        var params: [String: MetadataValue] = [:]
        for (key, field) in frontMatter.fields where !knownKeys.contains(key) {
            params[key] = field.value
        }
        var issue = Issue(
            slug: slug, title: title, date: date, summary: summary,
            tags: try fields.list("tags"),
            authors: try fields.list("author") + fields.list("authors"),
            number: try fields.optionalText("number"),
            draft: try fields.bool("draft"),
            source: try fields.optionalText("source"),
            params: params, path: path, body: body, mentions: mentions)
        issue.sourceURL = try fields.webAddress("source_url")
        issue.permalink = try fields.permalink("permalink")
        var digest = Hasher()
        digest.combine(path)
        digest.combine(text)
        issue.sourceDigest = digest.finalize()
        return issue
    }
}

extension IssueParser {
    /// An issue's date, draft flag and words without markup, read without rendering it.
    public static func plainText(path: String, text: String) throws(ContentError) -> (date: IssueDate, draft: Bool, text: String) {
        let frontMatter = try FrontMatter(text: text, path: path)
        let fields = FieldReader(fields: frontMatter.fields, path: path)
        return (try fields.date("date"), try fields.bool("draft"), MarkdownDocument(String(frontMatter.body)).plainText())
    }
}

/// Reads typed values out of front-matter fields, with errors on their lines.
struct FieldReader {
    let fields: [String: FrontMatter.Field]
    let path: String

    func requiredText(_ key: String) throws(ContentError) -> String {
        guard let field = fields[key] else {
            throw ContentError(path: path, line: 1, message: "missing \(key): every issue needs a '\(key):' in its front matter")
        }
        guard let text = field.value.scalarText?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            throw ContentError(path: path, line: field.line, message: "\(key) must be non-empty text")
        }
        return text
    }

    func optionalText(_ key: String) throws(ContentError) -> String? {
        guard let field = fields[key], field.value != .null else { return nil }
        guard let text = field.value.scalarText else {
            throw ContentError(path: path, line: field.line, message: "\(key) must be text, not a list or mapping")
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// An absolute http(s) address, or nil when the key is absent or empty. Anything else
    /// (a relative path, `javascript:`, a space) is an error rather than a broken link.
    func webAddress(_ key: String) throws(ContentError) -> String? {
        guard let address = try optionalText(key) else { return nil }
        let lowered = address.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"), address.utf8.count > 8,
              !address.utf8.contains(where: { $0 <= 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }) else {
            throw ContentError(path: path, line: fields[key]?.line ?? 1,
                               message: "\(key) must be an http(s) address like https://example.com/issue-12, not '\(address)'")
        }
        return address
    }

    func date(_ key: String) throws(ContentError) -> IssueDate {
        let text = try requiredText(key)
        guard let date = IssueDate(parsing: text) else {
            throw ContentError(path: path, line: fields[key]?.line ?? 1,
                               message: "cannot read date '\(text)': write it as YYYY-MM-DD, optionally with a time (2026-03-09 or 2026-03-09T10:00:00Z)")
        }
        return date
    }

    func bool(_ key: String) throws(ContentError) -> Bool {
        guard let field = fields[key] else { return false }
        switch field.value {
        case .bool(let flag): return flag
        case .null: return false
        case .string(let text) where ["true", "yes"].contains(text.lowercased()): return true
        case .string(let text) where ["false", "no"].contains(text.lowercased()): return false
        default: throw ContentError(path: path, line: field.line, message: "\(key) must be true or false")
        }
    }

    /// A list, or a single string with comma-separated items (Pelican's `Tags: a, b`).
    func list(_ key: String) throws(ContentError) -> [String] {
        guard let field = fields[key] else { return [] }
        let items: [String]
        switch field.value {
        case .null: items = []
        case .list(let values):
            items = try values.map { value throws(ContentError) in
                guard let text = value.scalarText else {
                    throw ContentError(path: path, line: field.line, message: "\(key) must be a list of text items")
                }
                return text
            }
        case .string(let text): items = text.split(separator: ",").map(String.init)
        case let value:
            guard let text = value.scalarText else {
                throw ContentError(path: path, line: field.line, message: "\(key) must be a list or comma-separated text")
            }
            items = [text]
        }
        var seen: Set<String> = []
        return items.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// Entity names listed in front matter, resolved against the registry; an
    /// unknown name is an error on its line with the closest registered name.
    func entities(_ key: String, registry: EntityRegistry) throws(ContentError) -> [Int] {
        guard let line = fields[key]?.line else { return [] }
        return try list(key).map { name throws(ContentError) in
            guard let index = registry.index(named: name) else {
                let hint = registry.closestName(to: name).map { " (did you mean \($0)?)" } ?? ""
                let known = registry.entities.isEmpty ? "; content/entities.yml lists none" : ""
                throw ContentError(path: path, line: line, message: "\(key) names '\(name)', which is not in the entity registry\(hint)\(known)")
            }
            return index
        }
    }

    /// The issue's old address (`permalink:`), checked, or nil when absent or empty.
    func permalink(_ key: String) throws(ContentError) -> Permalink? {
        guard let field = fields[key], let text = try optionalText(key) else { return nil }
        return try Permalink(parsing: text, line: field.line, file: path)
    }

    func slug(fallbackFileName path: String) throws(ContentError) -> String {
        if let field = fields["slug"], let text = try optionalText("slug") {
            guard Slug.isValid(text) else {
                throw ContentError(path: path, line: field.line,
                                   message: "slug '\(text)' can't be a URL segment: use letters, digits, '-', '_' and '.'")
            }
            return text
        }
        return Slug.forFile(path)
    }
}
