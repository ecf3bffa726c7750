import Foundation
import Templates
import Archive

/// A theme folder: Mustache templates, parsed once per build, and assets to copy.
///
/// Templates are `NAME.mustache` files, named by their path without the
/// extension (`partials/card`). Files under `assets/` are copied to the site as
/// they are. Rendering is strict: a partial that names no template is an error,
/// not silently empty text as the Mustache spec allows.
public struct Theme: Sendable {
    /// The theme folder.
    public let directory: URL
    /// Every template, parsed.
    public let templates: TemplateSet
    /// Asset files, relative to `assets/`.
    public let assetFiles: [String]
    /// Per page template (`Page.requiredTemplates`): a digest of its source and of every
    /// template it includes, so a preview knows which pages a template edit touches.
    /// Digests hold within one process only (`Hasher` is seeded per process).
    let templateDigests: [String: Int]

    /// Loads and parses every template in `directory`; `displayPrefix` is how the
    /// folder is named in error messages (`templates`).
    public init(directory: URL, displayPrefix: String) throws {
        self.directory = directory.standardizedFileURL
        let files = Theme.files(under: self.directory)
        var parsed: [Template] = []
        var sourceDigests: [String: Int] = [:]
        for file in files where file.hasSuffix(".mustache") && !file.hasPrefix("assets/") {
            let url = self.directory.appendingPathComponent(file)
            let displayPath = "\(displayPrefix)/\(file)"
            let data = try Data(contentsOf: url)
            let source = try IssueLoader.decodeUTF8(data, path: displayPath)
            let name = String(file.dropLast(".mustache".count))
            parsed.append(try Template(source: source, name: name, path: displayPath))
            sourceDigests[name] = source.hashValue
        }
        let templates = try TemplateSet(templates: parsed, strict: true)
        for name in Page.requiredTemplates where !templates.contains(name) {
            throw TemplateError(path: "\(displayPrefix)/\(name).mustache", line: 1, column: 1,
                                message: "unknown template \"\(name)\": the theme has no \(name).mustache, which every theme needs")
        }
        self.templates = templates
        self.templateDigests = Dictionary(uniqueKeysWithValues: Page.requiredTemplates.map { name in
            var hasher = Hasher()
            // A template naming partials by value may include any of them.
            for used in templates.templatesUsed(by: name) ?? sourceDigests.keys.sorted() {
                hasher.combine(used)
                hasher.combine(sourceDigests[used])
            }
            return (name, hasher.finalize())
        })
        self.assetFiles = files.filter { $0.hasPrefix("assets/") }.map { String($0.dropFirst("assets/".count)) }
    }

    /// Every regular file below `directory`, as sorted relative paths.
    static func files(under directory: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil,
                                                               options: [.skipsHiddenFiles]) else { return [] }
        let prefix = directory.path.hasSuffix("/") ? directory.path : directory.path + "/"
        var result: [String] = []
        for case let url as URL in enumerator {
            var isDirectory: ObjCBool = false
            let path = url.standardizedFileURL.path
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  path.hasPrefix(prefix) else { continue }
            result.append(String(path.dropFirst(prefix.count)))
        }
        return result.sorted()
    }

    /// The theme folder for an archive: `ROOT/templates` if it exists, else the
    /// default theme that ships beside the `broadsheet` program (found by walking
    /// up from the executable to the checkout's `templates/`).
    public static func locate(root: URL, executable: URL? = Bundle.main.executableURL) -> URL? {
        let local = root.appendingPathComponent("templates")
        if isTheme(local) { return local }
        var folder = executable?.resolvingSymlinksInPath().deletingLastPathComponent()
        while let current = folder, current.path != "/" {
            let candidate = current.appendingPathComponent("templates")
            if isTheme(candidate) { return candidate }
            folder = current.deletingLastPathComponent()
        }
        return nil
    }

    private static func isTheme(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent("issue.mustache").path)
    }
}
