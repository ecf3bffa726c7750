import Foundation

/// Resolves a path the way the file system will see it: symlinks followed and `..`
/// applied after them, so that two spellings of one folder compare equal.
///
/// `URL.standardizedFileURL` removes `..` textually, which is wrong after a symlink
/// (`link/..` is the parent of the link's target, not the folder holding the link).
/// Components that do not exist yet are appended as written; they cannot be symlinks.
enum PathResolution {
    /// The absolute, resolved form of `url`.
    static func resolve(_ url: URL) -> URL {
        let path = url.path.hasPrefix("/") ? url.path : FileManager.default.currentDirectoryPath + "/" + url.path
        var current = "/"
        var existing = true
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".":
                continue
            case "..":
                current = parent(of: current)
            default:
                let candidate = current == "/" ? "/\(component)" : "\(current)/\(component)"
                if existing, let real = realPath(candidate) {
                    current = real
                } else {
                    existing = false
                    current = candidate
                }
            }
        }
        return URL(fileURLWithPath: current, isDirectory: true)
    }

    /// Whether `inner` is `outer` or lies somewhere below it (both resolved).
    static func isSameOrInside(_ inner: URL, _ outer: URL) -> Bool {
        let innerPath = inner.path, outerPath = outer.path
        if innerPath == outerPath { return true }
        let prefix = outerPath.hasSuffix("/") ? outerPath : outerPath + "/"
        return innerPath.hasPrefix(prefix)
    }

    private static func realPath(_ path: String) -> String? {
        var status = stat()
        guard lstat(path, &status) == 0, let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), path != "/" else { return "/" }
        let head = String(path[..<slash])
        return head.isEmpty ? "/" : head
    }
}
