import Foundation
import Parallel

/// Reads every issue file under a folder, in parallel, and checks them as a set.
public enum IssueLoader {
    /// The file extensions treated as issues.
    public static let extensions: Set<String> = ["md", "markdown"]

    /// Loads the issues in `directory` (and its subfolders), newest first.
    ///
    /// - Parameters:
    ///   - root: the build root; error paths are shown relative to it.
    ///   - includeDrafts: keep issues with `draft: true`.
    ///   - linking: the entity registry and how mentions become links.
    public static func load(directory: URL, root: URL, includeDrafts: Bool, linking: MentionLinking = .disabled) throws -> [Issue] {
        var ignored: [ContentWarning] = []
        var leftOut = LeftOut()
        return try load(directory: directory, root: root, includeDrafts: includeDrafts, linking: linking, warnings: &ignored, leftOut: &leftOut)
    }

    /// Loads like `load(directory:root:includeDrafts:linking:)`, adding every file's
    /// warnings to `warnings` in path order.
    /// With a `cache`, an issue whose file text is unchanged since the cache's last load
    /// (under the same linking) is taken from it rather than parsed again.
    /// With `after` (a `YYYY-MM-DD` date), issues dated later are left out too; `leftOut`
    /// counts what was left out, and why.
    public static func load(directory: URL, root: URL, includeDrafts: Bool, after: String? = nil, linking: MentionLinking = .disabled,
                            warnings: inout [ContentWarning], leftOut: inout LeftOut, cache: IssueCache? = nil) throws -> [Issue] {
        cache?.begin(with: linking)
        let started = Date()
        let known = cache?.byStamp()
        let parsed = try readEach(in: directory, root: root, stamped: cache != nil, unchanged: { path, stamp in
            known?.issue(at: path, stamp: stamp).map { (issue: $0.0, warnings: $0.1, unread: true) }
        }) { path, text, stamp -> (issue: Issue, warnings: [ContentWarning], unread: Bool) in
            // A file changed less than two seconds before this load began might change again
            // within the file system's clock tick and keep its stamp, so its stamp is not trusted.
            let trusted = stamp.flatMap { $0.isOlder(than: started.addingTimeInterval(-2)) ? $0 : nil }
            if let (issue, found) = cache?.issue(at: path, text: text) {
                cache?.store(issue, warnings: found, at: path, text: text, stamp: trusted)
                return (issue, found, false)
            }
            var found: [ContentWarning] = []
            let issue = try IssueParser.parse(path: path, text: text, linking: linking, warnings: &found)
            cache?.store(issue, warnings: found, at: path, text: text, stamp: trusted)
            return (issue, found, false)
        }
        cache?.countReused(parsed.reduce(0) { $0 + ($1.unread ? 1 : 0) })
        cache?.keep(only: parsed.map(\.issue.path))
        var kept: [Issue] = []
        kept.reserveCapacity(parsed.count)
        for entry in parsed {
            warnings += entry.warnings
            if !includeDrafts, entry.issue.draft {
                leftOut.drafts += 1
            } else if let after, entry.issue.date.isoDate > after {
                leftOut.future += 1
            } else {
                kept.append(entry.issue)
            }
        }
        try checkUniqueSlugs(kept)
        // Newest first, then by slug. The keys are worked out once and indexes sorted, rather
        // than whole issues moved about and dates converted at each comparison.
        let keys = kept.map(\.date.sortKey)
        let order = kept.indices.sorted { a, b in keys[a] != keys[b] ? keys[a] > keys[b] : kept[a].slug < kept[b].slug }
        return order.map { kept[$0] }
    }

    /// The words of every issue in `directory`, without markup, newest first (then by path):
    /// for a reader that wants nothing else, such as `entities suggest`. Front matter is read
    /// for `date` and `draft` only, and no HTML is rendered.
    public static func loadPlainTexts(directory: URL, root: URL, includeDrafts: Bool) throws -> [(path: String, text: String)] {
        let texts = try readEach(in: directory, root: root) { path, text, _ in (path, try IssueParser.plainText(path: path, text: text)) }
        return texts.filter { includeDrafts || !$0.1.draft }
            .sorted { a, b in a.1.date.sortKey != b.1.date.sortKey ? a.1.date.sortKey > b.1.date.sortKey : a.0 < b.0 }
            .map { (path: $0.0, text: $0.1.text) }
    }

    /// `parse(path, text)` for every issue file, in parallel, in path order; a file that cannot
    /// be read, or is not UTF-8, is an error on its path.
    /// With `stamped`, each file's `FileStamp` is taken before it is read, and a file for which
    /// `unchanged` returns a result is not read at all.
    static func readEach<Result: Sendable>(in directory: URL, root: URL, stamped: Bool = false,
                                           unchanged: @Sendable (String, FileStamp) -> Result? = { _, _ in nil },
                                           _ parse: @Sendable (String, String, FileStamp?) throws -> Result) throws -> [Result] {
        let roots = rootPaths(root)
        let files = try issueFiles(in: directory)
        return try files.concurrentMap { file in
            let path = relativePath(file, toAny: roots)
            let stamp = stamped ? FileStamp(path: file) : nil
            if let stamp, let result = unchanged(path, stamp) { return result }
            return try parse(path, try readText(file, path: path), stamp)
        }
    }

    /// The text of the issue file at `file` (shown as `path`), or an error on its path when it
    /// cannot be read or is not UTF-8.
    static func readText(_ file: String, path: String) throws(ContentError) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw ContentError(path: path, line: 1, message: "cannot read file: \(error.localizedDescription)")
        }
        return try decodeUTF8(data, path: path)
    }

    /// Every `.md`/`.markdown` file below `directory` (hidden files and folders left out), sorted
    /// by path. Read with `readdir`, which at 10,000 issues takes a fraction of the time that
    /// Foundation's enumerator does; `serve` lists the folder on every rebuild.
    public static func issueFiles(in directory: URL) throws -> [String] {
        // A symlinked issues folder (content/issues -> elsewhere) is followed.
        let top = directory.resolvingSymlinksInPath().standardizedFileURL.path
        guard let handle = opendir(top) else {
            throw ContentError(path: directory.path, line: 1, message: "cannot list the issues folder")
        }
        closedir(handle)
        var paths: [String] = []
        var folders = [top]
        while let folder = folders.popLast() {
            guard let handle = opendir(folder) else { continue }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                guard !name.hasPrefix(".") else { continue }
                let path = folder + "/" + name
                var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
                var isFile = entry.pointee.d_type == UInt8(DT_REG)
                if entry.pointee.d_type == UInt8(DT_UNKNOWN) || entry.pointee.d_type == UInt8(DT_LNK) {
                    var info = stat()
                    guard stat(path, &info) == 0 else { continue }
                    isFolder = (info.st_mode & S_IFMT) == S_IFDIR
                    isFile = (info.st_mode & S_IFMT) == S_IFREG
                    // A symlinked subfolder is listed but not entered, as Foundation's enumerator does.
                    if entry.pointee.d_type == UInt8(DT_LNK) { isFolder = false }
                }
                if isFolder {
                    folders.append(path)
                } else if isFile, let dot = name.lastIndex(of: "."), extensions.contains(name[name.index(after: dot)...].lowercased()) {
                    paths.append(path)
                }
            }
        }
        return paths.sorted()
    }

    /// The file's text, or an error pointing at the first line that is not UTF-8.
    public static func decodeUTF8(_ data: Data, path: String) throws(ContentError) -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var line = 1
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                offset += UTF8.width(scalar)
            case .emptyInput, .error:
                break decoding
            }
        }
        throw ContentError(path: path, line: line,
                           message: "file is not valid UTF-8 (byte \(offset + 1)): save it as UTF-8")
    }

    static func checkUniqueSlugs(_ issues: [Issue]) throws(ContentError) {
        var slugs = Set<String>(minimumCapacity: issues.count)
        guard issues.contains(where: { !slugs.insert($0.slug).inserted }) else { return }
        // There is a duplicate: name it as the first pair in path order.
        if let first = duplicateSlugErrors(issues).first { throw first }
    }

    static func relativePath(_ path: String, to root: String) -> String {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// The ways an issue file's path may start with the root: as given, and with its symlinks
    /// resolved, since the issues folder is listed resolved. A root reached through a symlink
    /// (`/tmp/news` → `/data/news`) still gives `content/issues/x.md` in messages.
    static func rootPaths(_ root: URL) -> [String] {
        let given = root.standardizedFileURL.path
        let resolved = root.resolvingSymlinksInPath().standardizedFileURL.path
        return resolved == given ? [given] : [given, resolved]
    }

    /// `path` relative to the first of `roots` it lies under, else as it is.
    static func relativePath(_ path: String, toAny roots: [String]) -> String {
        for root in roots {
            let relative = relativePath(path, to: root)
            if relative != path { return relative }
        }
        return path
    }
}
