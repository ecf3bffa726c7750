import Archive
import Foundation

/// What the import reads from a Jekyll site's `_config.yml`: the permalink template its
/// posts' addresses were made with, and the settings `content/site.yml` can start from.
///
/// Read (and checked) before any post, so a malformed file stops the import with
/// `path:line: message` and nothing written. Without the file, Jekyll's defaults hold.
public struct JekyllConfig: Sendable, Equatable {
    /// The posts' permalink template, a style name already replaced by its template:
    /// `collections.posts.permalink`, else `permalink`, else the `date` style.
    public var permalink: String = JekyllURLStyle.defaultTemplate
    /// `title`, `description`, `url`, `baseurl` and `lang`, when given as text.
    public var title: String?, description: String?, url: String?, baseurl: String?, language: String?
    /// `author` as text, or the `name` of an `author` mapping.
    public var author: String?
    /// Duplicate keys and the like, at their lines of `_config.yml`.
    public var warnings: [ContentWarning] = []
    /// Things the editor should know that are not about a line (an `author` without a name).
    public var notes: [String] = []

    /// Jekyll's defaults, for a site without `_config.yml`.
    public init() {}

    /// Reads `text`, the `_config.yml` shown in messages as `path`.
    public static func parse(_ text: String, path: String) throws(ContentError) -> JekyllConfig {
        let (node, warnings) = try YAMLFile.read(text, path: path, firstLine: 1, limits: .dataFile("_config.yml"))
        var config = JekyllConfig()
        config.warnings = warnings
        guard let node else { return config }
        guard case .mapping = node.content else {
            throw ContentError(path: path, line: node.line, message: "_config.yml must be a mapping of settings to values, as Jekyll reads it")
        }
        func setting(_ key: String, in map: YAMLNode = node) throws(ContentError) -> String? {
            guard let value = map.last(key), value.resolved != .null else { return nil }
            guard let text = value.resolved.scalarText else {
                throw ContentError(path: path, line: map.keyLine(key) ?? value.line, message: "\(key) must be text, as Jekyll reads it")
            }
            return text
        }
        config.title = try setting("title")
        config.description = try setting("description")
        config.url = try setting("url")
        config.baseurl = try setting("baseurl")
        config.language = try setting("lang")
        for key in ["url", "baseurl"] where (key == "url" ? config.url : config.baseurl)?.contains(" ") == true {
            throw ContentError(path: path, line: node.keyLine(key) ?? 1, message: "\(key) has a space, so it cannot make site.yml's base_url")
        }
        if let author = node.last("author"), author.resolved != .null {
            if let name = author.resolved.scalarText {
                config.author = name
            } else if let name = author.last("name")?.resolved.scalarText {
                config.author = name
            } else {
                config.notes.append("\(path):\(node.keyLine("author") ?? author.line): author has no name, so site.yml gets none")
            }
        }
        var permalink = try setting("permalink").map { ($0, node.keyLine("permalink") ?? 1) }
        if let posts = node.last("collections")?.last("posts"), case .mapping = posts.content, let own = try setting("permalink", in: posts) {
            permalink = (own, posts.keyLine("permalink") ?? 1)
        }
        // An empty setting is taken as none (Jekyll would put every post at `/`).
        if let (value, line) = permalink, !value.trimmingCharacters(in: .whitespaces).isEmpty {
            let template = JekyllURLStyle.template(for: value.trimmingCharacters(in: .whitespaces))
            do {
                _ = try JekyllPostURL.probe.expand(template)
            } catch {
                throw ContentError(path: path, line: line, message:
                    "permalink '\(value)' uses \(error.placeholder), which Jekyll does not fill in for a post; fix _config.yml (see jekyllrb.com/docs/permalinks/)")
            }
            config.permalink = template
        }
        return config
    }

    /// Reads `source/_config.yml` (shown as `shown`); nil when the site has none.
    public static func load(source: URL, shown: String) throws(ContentError) -> JekyllConfig? {
        let url = source.appendingPathComponent("_config.yml")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return nil }
        let path = "\(shown)/_config.yml"
        guard !isFolder.boolValue, let data = try? Data(contentsOf: url) else {
            throw ContentError(path: path, message: "cannot be read as a file")
        }
        return try parse(try IssueLoader.decodeUTF8(data, path: path), path: path)
    }
}

extension YAMLNode {
    /// The value of the last `name` key of a mapping: YAML keeps the last of a repeated key.
    fileprivate func last(_ name: String) -> YAMLNode? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs.last { $0.key.string == name }?.value
    }

    /// The line of that key, which messages name (a block value starts on the next).
    fileprivate func keyLine(_ name: String) -> Int? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs.last { $0.key.string == name }?.key.line
    }
}

extension JekyllPostURL {
    /// A post to try a template on: a placeholder it cannot fill in is an unknown one.
    static let probe = JekyllPostURL(date: JekyllPostDate(parsing: "2000-01-01")!, slug: "x", name: "2000-01-01-x", categories: [])
}
