import Foundation

/// A folder that a preview updates in place, file by file, instead of swapping in a whole
/// new build: after one edit, a rebuild writes only the files whose bytes changed.
///
/// It remembers what it holds (a digest of each file's bytes), so a write of unchanged bytes
/// costs no disk work. Files a build writes wait in a folder beside the destination until
/// `commit`, so a build that fails half way changes nothing: `discard` drops them. Each file
/// is moved into place with one `rename`, so a reader sees a page whole, old or new.
///
/// Only for a folder the caller made and owns (`serve`'s under the temporary directory):
/// it deletes every file there that a build did not write or keep. One build at a time.
public final class InPlaceOutput: OutputWriter, @unchecked Sendable {
    /// The folder being updated.
    public let destination: URL
    /// Where written files wait for `commit`: `.NAME.pending` beside `destination`.
    private let pending: URL
    private let lock = NSLock()
    /// What `destination` holds now, by relative path, and the last build that wrote or kept
    /// each file (a file the current build has not is deleted at commit). One dictionary
    /// entry per file, updated in place: a preview of 10,000 issues keeps some 16,000 a build.
    private var present: [String: (digest: FileDigest, build: Int)] = [:]
    /// The build under way, counted from 1.
    private var build = 0
    /// Written by the current build with new bytes, waiting to be moved into place.
    private var waiting: [String: (file: URL, digest: FileDigest)] = [:]
    private var counter = 0
    /// Held for a whole commit, so that `close` waits for one under way.
    private let commitLock = NSLock()
    private var closed = false

    /// What a commit did, by relative path.
    public struct Changes: Sendable, Equatable {
        /// Files moved into place (new or changed).
        public var written: [String] = []
        /// Files deleted because the build neither wrote nor kept them.
        public var removed: [String] = []
    }

    /// Takes over `destination`, which must be empty or missing (it is created).
    public init(destination: URL) throws {
        self.destination = destination.standardizedFileURL
        pending = self.destination.deletingLastPathComponent()
            .appendingPathComponent(".\(self.destination.lastPathComponent).pending")
        let manager = FileManager.default
        try manager.createDirectory(at: self.destination, withIntermediateDirectories: true)
        if let leftover = try? manager.contentsOfDirectory(atPath: self.destination.path), !leftover.isEmpty {
            throw OutputError(path: self.destination.path, message: "cannot update a folder in place that holds files it did not write; empty it first")
        }
        try? manager.removeItem(at: pending)
        try manager.createDirectory(at: pending, withIntermediateDirectories: true)
    }

    /// Starts a build: nothing written or kept yet, and files waiting from a failed build dropped.
    public func begin() {
        let dropped = lock.withLock {
            defer { waiting = [:]; build += 1 }
            return waiting.values.map(\.file)
        }
        for file in dropped { unlink(file.path) }
    }

    /// Whether `relativePath` is in the folder now, so that a build may `keep` it unwritten.
    public func contains(_ relativePath: String) -> Bool {
        lock.withLock { present[relativePath] != nil }
    }

    /// Marks files as part of this build without writing them: their bytes are known to be the
    /// same. Returns those of `relativePaths` that the folder does not hold, which the build
    /// must write after all.
    @discardableResult
    public func keep(_ relativePaths: [String]) -> [String] {
        lock.withLock {
            var missing: [String] = []
            for path in relativePaths {
                if present[path] != nil { present[path]!.build = build } else { missing.append(path) }
            }
            return missing
        }
    }

    public func write(_ contents: String, to relativePath: String) throws {
        var text = contents
        try text.withUTF8 { try write(bytes: UnsafeRawBufferPointer($0), to: relativePath) }
    }

    public func write(_ contents: [UInt8], to relativePath: String) throws {
        try contents.withUnsafeBytes { try write(bytes: $0, to: relativePath) }
    }

    public func copy(_ source: URL, to relativePath: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: source)
        } catch {
            throw OutputError(path: source.path, message: "cannot read: \(error.localizedDescription)")
        }
        try data.withUnsafeBytes { try write(bytes: $0, to: relativePath) }
    }

    private func write(bytes: UnsafeRawBufferPointer, to relativePath: String) throws {
        let digest = FileDigest(bytes)
        let number: Int? = try lock.withLock {
            guard !closed else { throw closedError }
            if present[relativePath]?.digest == digest {
                present[relativePath]!.build = build
                return nil
            }
            counter += 1
            return counter
        }
        guard let number else { return }
        let file = pending.appendingPathComponent(String(number))
        try RawFile.write(bytes, to: file)
        lock.withLock { waiting[relativePath] = (file, digest) }
    }

    /// Moves the files written since `begin` (or the last commit) into place, and deletes every
    /// file the build has neither written nor kept, with folders left empty, except those
    /// `sparing` says the build has yet to write. A build may so commit its files in parts,
    /// so that a preview shows its pages before its search index is up to date; the last
    /// part spares nothing and writes `marker` (if given) at the top.
    @discardableResult
    public func commit(sparing: (String) -> Bool = { _ in false }, marker: Data? = nil,
                       markerName: String = BuildMarker.fileName) throws -> Changes {
        commitLock.lock()
        defer { commitLock.unlock() }
        guard !lock.withLock({ closed }) else { throw closedError }
        var changes = Changes()
        let moving = lock.withLock { defer { waiting = [:] }; return waiting }
        for (path, entry) in moving.sorted(by: { $0.key < $1.key }) {
            let target = destination.appendingPathComponent(path)
            try RawFile.makeParent(of: target)
            guard rename(entry.file.path, target.path) == 0 else {
                throw OutputError(path: target.path, message: "cannot move into place: \(String(cString: strerror(errno)))")
            }
            lock.withLock { present[path] = (entry.digest, build) }
            changes.written.append(path)
        }
        let gone = lock.withLock { present.filter { $0.value.build != build && !sparing($0.key) }.keys.sorted() }
        for path in gone {
            let target = destination.appendingPathComponent(path)
            if unlink(target.path) != 0 && errno != ENOENT {
                throw OutputError(path: target.path, message: "cannot remove: \(String(cString: strerror(errno)))")
            }
            lock.withLock { _ = present.removeValue(forKey: path) }
            removeEmptyFolders(above: target)
            changes.removed.append(path)
        }
        if let marker {
            try marker.write(to: destination.appendingPathComponent(markerName))
        }
        return changes
    }

    /// Drops what the current build wrote; the folder stays as the last commit left it.
    public func discard() { begin() }

    /// Ends the folder's use: waits for a commit under way, refuses every write and commit
    /// after it (so a build still running cannot re-create files, or folders, once its owner
    /// has removed them), and removes the waiting folder. The destination stays.
    public func close() {
        commitLock.withLock { lock.withLock { closed = true } }
        try? FileManager.default.removeItem(at: pending)
    }

    private var closedError: OutputError {
        OutputError(path: destination.path, message: "the folder is closed: the preview is stopping")
    }

    private func removeEmptyFolders(above file: URL) {
        var folder = file.deletingLastPathComponent().standardizedFileURL
        while folder.path.count > destination.path.count, folder.path.hasPrefix(destination.path + "/") {
            guard rmdir(folder.path) == 0 else { return }
            folder = folder.deletingLastPathComponent()
        }
    }
}

/// What a file's bytes boil down to, to tell a changed file from an unchanged one: their
/// count and a 64-bit hash. Kept in memory only (`Hasher` is seeded per process).
struct FileDigest: Equatable, Sendable {
    let count: Int
    let hash: Int

    init(_ bytes: UnsafeRawBufferPointer) {
        var hasher = Hasher()
        hasher.combine(bytes: bytes)
        count = bytes.count
        hash = hasher.finalize()
    }
}
