import Archive
import Foundation

/// The `content/site.yml` an import starts an archive with, made from `_config.yml`:
/// `title`, `description`, `author` and `lang` as they are, and `base_url` from `url` plus
/// `baseurl` (with a trailing slash), so the new site is where the old one was and the
/// redirect pages at the old addresses (which are relative to `baseurl`) are too.
///
/// Written only where no `site.yml` is yet: an editor's own settings are never replaced.
public struct SiteFile: Sendable, Equatable {
    /// The file's text: a comment saying where it came from, then one `key: "value"` a line.
    public var text: String

    /// The file for `config`, read from `shown` (for the comment).
    public init(config: JekyllConfig, shown: String) {
        // A comment ends at a line break, so none may come from the path.
        let source = String(String.UnicodeScalarView(shown.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" ? "?" : $0 }))
        var lines = ["# Made by broadsheet import jekyll from \(source); edit it freely (see the README on site.yml)."]
        func add(_ key: String, _ value: String?) {
            guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return }
            lines.append("\(key): \(YAMLText.quoted(value))")
        }
        add("title", config.title)
        add("description", config.description)
        add("base_url", Self.baseURL(url: config.url, baseurl: config.baseurl))
        add("author", config.author)
        add("language", config.language)
        text = lines.joined(separator: "\n") + "\n"
    }

    /// `url` + `baseurl` ending in one `/`, or nil without `url` (a path alone says nothing
    /// of where the site is, and Broadsheet's default `/` serves any host).
    static func baseURL(url: String?, baseurl: String?) -> String? {
        guard var url = url?.trimmingCharacters(in: .whitespaces), !url.isEmpty else { return nil }
        while url.hasSuffix("/") { url.removeLast() }
        var path = baseurl?.trimmingCharacters(in: .whitespaces) ?? ""
        while path.hasPrefix("/") { path.removeFirst() }
        while path.hasSuffix("/") { path.removeLast() }
        return url + "/" + (path.isEmpty ? "" : path + "/")
    }
}
