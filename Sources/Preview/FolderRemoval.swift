import Foundation

/// Removes the preview's work folder when it stops, within a time budget.
///
/// A preview of 10,000 issues holds some 16,000 files (half a gigabyte), which takes this
/// file system about two seconds to delete: longer than the second Ctrl-C may take. So the
/// folder is first renamed out of the way (hidden, one `rename`), then deleted file by file
/// until `budget` runs out; what is left then goes to an `rm -rf` in a session of its own,
/// which finishes after the preview has exited. A small preview is gone before it exits.
enum FolderRemoval {
    /// Removes `folder`; returns true when it was all removed before returning.
    @discardableResult
    static func remove(_ folder: URL, budget: TimeInterval = 0.3) -> Bool {
        let parent = folder.deletingLastPathComponent()
        let doomed = parent.appendingPathComponent(".\(folder.lastPathComponent).removing")
        let target = rename(folder.path, doomed.path) == 0 ? doomed : folder
        let deadline = Date().addingTimeInterval(budget)
        if removeTree(target.path, until: deadline) { return true }
        if !spawnRemoval(of: target.path) {
            FileHandle.standardError.write(Data("\(target.path): warning: could not remove the preview's folder; remove it by hand\n".utf8))
        }
        return false
    }

    /// Deletes everything under and including `path`, depth first; false if `deadline` came first.
    private static func removeTree(_ path: String, until deadline: Date) -> Bool {
        guard let handle = opendir(path) else { return unlink(path) == 0 || errno == ENOENT }
        var folders: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            let child = path + "/" + name
            if entry.pointee.d_type == UInt8(DT_DIR) {
                folders.append(child)
            } else if unlink(child) != 0 && errno == EISDIR {
                folders.append(child)
            }
            if Date() > deadline {
                closedir(handle)
                return false
            }
        }
        closedir(handle)
        for child in folders where !removeTree(child, until: deadline) { return false }
        return rmdir(path) == 0 || errno == ENOENT
    }

    /// `POSIX_SPAWN_SETSID`, which Swift does not import from glibc (it is a GNU extension there).
    #if os(Linux)
    private static let setSessionFlag: Int32 = 0x80
    #else
    private static let setSessionFlag: Int32 = 0x400
    #endif

    /// Leaves the rest of `path` to `rm -rf`, detached from the preview's terminal session so
    /// that a second Ctrl-C does not stop it; false (the folder stays) if it cannot start.
    private static func spawnRemoval(of path: String) -> Bool {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(setSessionFlag))
        var pid = pid_t()
        let arguments = ["/bin/rm", "-rf", "--", path]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let started = posix_spawn(&pid, "/bin/rm", nil, &attributes, &argv, environ)
        return started == 0
    }
}
