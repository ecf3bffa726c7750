import Foundation

/// Finds and removes the staging folders of builds that died.
///
/// Staging folders sit beside the output as `.NAME.staging-…`. A build holds a
/// `DirectoryLock` on its own staging folder from creation to the end, so a folder
/// whose lock can be taken was left by a build that is gone (crashed, killed, or an
/// older Broadsheet that named folders by process id). One that cannot be taken
/// belongs to a build still running, and is left alone.
enum StagingCleanup {
    /// The name prefix of staging folders for `destination`.
    static func prefix(for destination: URL) -> String {
        ".\(destination.lastPathComponent).staging-"
    }

    /// Prefixes of leftovers from earlier versions, which named the old site `.NAME.old-PID`.
    static func legacyPrefixes(for destination: URL) -> [String] {
        [".\(destination.lastPathComponent).old-"]
    }

    /// Removes every abandoned staging folder beside `destination`; returns their names.
    /// The caller holds the parent folder's lock, so no build is creating one meanwhile.
    @discardableResult
    static func removeAbandoned(beside destination: URL) -> [String] {
        let parent = destination.deletingLastPathComponent()
        let prefixes = [prefix(for: destination)] + legacyPrefixes(for: destination)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return [] }
        var removed: [String] = []
        for name in names.sorted() where prefixes.contains(where: { name.hasPrefix($0) }) {
            let url = parent.appendingPathComponent(name)
            var status = stat()
            guard lstat(url.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else { continue }
            // Hold the lock while deleting, so a live build can never be mistaken for a dead one.
            guard let lock = DirectoryLock(url, wait: false) else { continue }
            if (try? FileManager.default.removeItem(at: url)) != nil { removed.append(name) }
            withExtendedLifetime(lock) {}
        }
        return removed
    }
}
