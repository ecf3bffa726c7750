import Archive
import Foundation

/// What an import will write, found before anything is: the converted posts, the files
/// skipped, and (`problems`) whatever stops it.
public struct ImportPlan: Sendable {
    /// The posts converted, in path order (a folder's subfolders first).
    public var posts: [ImportedPost]
    /// What is not imported and why, sorted by path, so nothing goes missing unsaid.
    public var skipped: [SkippedFile]
    /// The issues folder the posts go to.
    public let issuesDirectory: URL
    /// It, as messages show it (`content/issues`).
    public let issuesShown: String
    let root: URL
    /// The source's `_posts` as messages show it.
    let postsShown: String
    /// `content/site.yml` made from `_config.yml`, when the archive has none yet.
    public var siteFile: SiteFile?
    /// Where it goes, relative to the root.
    public var siteTarget: String?
    /// Warnings about `_config.yml` (a repeated key).
    public var configWarnings: [ContentWarning] = []
    /// What the editor should know about the import as a whole, one line each: that
    /// `site.yml` was kept, or that there is no `_config.yml`.
    public var notes: [String] = []

    /// `_config.yml`'s warnings, then every post's, in path order.
    public var warnings: [ContentWarning] { configWarnings + posts.flatMap(\.warnings) }

    /// What stops the import, each naming its file and how to go on: an issue already at
    /// a target (unless `force`), a folder there (even with `force`), two posts that would
    /// be one file or share a slug, a post whose slug an issue already in the folder has.
    public func problems(force: Bool) -> [ContentError] {
        var problems: [ContentError] = []
        var byTarget: [String: ImportedPost] = [:]
        var bySlug: [String: ImportedPost] = [:]
        for post in posts {
            if let other = byTarget[post.target] {
                problems.append(ContentError(path: post.source, message: "would be imported to \(post.target), as \(other.source) is; rename one of them"))
            } else if let other = bySlug[post.slug] {
                problems.append(ContentError(path: post.source, message: "its issue would have the slug '\(post.slug)', as \(other.source)'s would; rename one of them"))
            }
            byTarget[post.target] = byTarget[post.target] ?? post
            bySlug[post.slug] = bySlug[post.slug] ?? post
        }
        let existing = (try? IssueLoader.issueFiles(in: issuesDirectory)) ?? []
        for file in existing {
            let shown = display(file)
            if let post = bySlug[Slug.forFile(file)], post.target != shown {
                problems.append(ContentError(path: shown, message: "has the slug '\(post.slug)' that \(post.source) would get; rename one of them (nothing was imported)"))
            }
        }
        for post in posts {
            let url = root.appendingPathComponent(post.target)
            let path = post.target.hasPrefix("/") ? post.target : url.path
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                problems.append(ContentError(path: post.target, message: "a folder is there, where \(post.source) would go; move it (nothing was imported)"))
            } else if !force {
                problems.append(ContentError(path: post.target, message: "an issue is already there; nothing was imported (pass --force to replace it and every other file this import writes)"))
            }
        }
        return problems
    }

    /// Writes every post, after checking them all (`problems`): nothing is written when one
    /// is refused. Without `force` each file is created exclusively, so not even an issue
    /// made a moment ago is replaced; with it, each is replaced in one rename. Then
    /// `site.yml`, always created exclusively (even with `force`): one that appeared since
    /// the plan was made is kept, and the returned notes say so.
    @discardableResult
    public func write(force: Bool) throws -> Int {
        try writeAll(force: force).posts
    }

    /// `write(force:)`, also returning the notes to show (the plan's and any from writing).
    public func writeAll(force: Bool) throws -> (posts: Int, notes: [String]) {
        let problems = problems(force: force)
        guard problems.isEmpty else { throw ImportRefusal(problems: problems) }
        let count = try writePosts(force: force)
        var notes = notes
        if let siteFile, let siteTarget {
            let url = siteTarget.hasPrefix("/") ? URL(fileURLWithPath: siteTarget) : root.appendingPathComponent(siteTarget)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Self.create(url, Array(siteFile.text.utf8))
                notes.append("\(siteTarget): made from _config.yml")
            } catch let error as ContentError where FileManager.default.fileExists(atPath: url.path) && error.message.contains("appeared") {
                notes.append("\(siteTarget): kept as it is (not made from _config.yml)")
            } catch let error as ContentError {
                throw ContentError(path: siteTarget, message: error.message)
            } catch {
                throw ContentError(path: siteTarget, message: "cannot write site.yml: \(error.localizedDescription)")
            }
        }
        return (count, notes)
    }

    private func writePosts(force: Bool) throws -> Int {
        for post in posts {
            let url = post.target.hasPrefix("/") ? URL(fileURLWithPath: post.target) : root.appendingPathComponent(post.target)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                if force {
                    try Data(post.text.utf8).write(to: url, options: .atomic)
                } else {
                    try Self.create(url, Array(post.text.utf8))
                }
            } catch let error as ContentError {
                throw ContentError(path: post.target, message: error.message)
            } catch {
                throw ContentError(path: post.target, message: "cannot write the issue: \(error.localizedDescription)")
            }
        }
        return posts.count
    }

    /// `import: N posts … (S skipped, W warnings)`: the line the command ends with.
    public var summary: String {
        func count(_ number: Int, _ word: String) -> String { "\(number) \(word)\(number == 1 ? "" : "s")" }
        return "Imported \(count(posts.count, "post")) from \(postsShown) into \(issuesShown) (\(skipped.count) skipped, \(count(warnings.count, "warning")))."
    }

    private func display(_ path: String) -> String {
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        let resolvedRoot = root.resolvingSymlinksInPath().path + "/"
        if path.hasPrefix(rootPath) { return String(path.dropFirst(rootPath.count)) }
        if path.hasPrefix(resolvedRoot) { return String(path.dropFirst(resolvedRoot.count)) }
        return path
    }

    /// Creates `url` with `bytes`, failing if anything is there.
    private static func create(_ url: URL, _ bytes: [UInt8]) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            let exists = errno == EEXIST
            throw ContentError(path: url.path, message: exists
                ? "an issue appeared there during the import; it was left alone (pass --force to replace it)"
                : "cannot create the file: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            throw ContentError(path: url.path, message: "could not write the whole file: \(String(cString: strerror(errno)))")
        }
    }
}
