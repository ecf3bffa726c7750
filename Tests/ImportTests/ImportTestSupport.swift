import Foundation

/// The Jekyll fixture and scratch folders for the import tests.
enum ImportTestSupport {
    /// The repository checkout (…/Tests/ImportTests/ImportTestSupport.swift → up three).
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// A Jekyll blog: `_config.yml`, `_posts/` with a subfolder, `_drafts/`, and posts of every kind.
    static let fixture = repository.appendingPathComponent("Tests/ImportTests/Fixtures/jekyll-blog")
    static let theme = repository.appendingPathComponent("templates")

    /// A new empty folder; the caller removes it.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every file under `folder` with its bytes, by relative path.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.resolvingSymlinksInPath().standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(at: folder.resolvingSymlinksInPath(), includingPropertiesForKeys: nil) else { return files }
        for case let url as URL in enumerator {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[String(url.standardizedFileURL.path.dropFirst(base.count))] = try Data(contentsOf: url) }
        }
        return files
    }

    /// A Jekyll site in a scratch folder with these posts (path under `_posts/` → text).
    static func site(_ posts: [String: String]) throws -> URL {
        let root = try scratch().appendingPathComponent("site")
        for (path, text) in posts {
            let url = root.appendingPathComponent("_posts/\(path)")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("_posts"), withIntermediateDirectories: true)
        return root
    }
}
