import Foundation

/// Writes a build into a fresh folder beside the output, then swaps it in.
///
/// A reader of the output (or `broadsheet serve`) never sees half a build, and a
/// failed build leaves the previous output exactly as it was: the staging folder
/// only takes the output's place after every file has been written.
///
/// Safety, step by step:
/// - `OutputFolder` has already said the destination may be replaced.
/// - Creating the staging folder and swapping it in happen under a lock on the
///   parent folder, so two builds into one output take turns at those moments.
/// - Each staging folder is locked by its build for as long as the build runs;
///   creating one first removes any whose build has died (`StagingCleanup`).
/// - The swap is atomic where the system allows (`FolderExchange`), and a marker
///   (`BuildMarker`) is written last, so the next build knows the folder is ours.
public final class StagedOutput: OutputWriter, @unchecked Sendable {
    /// The checked output folder.
    public let folder: OutputFolder
    /// Where the site ends up (resolved).
    public var destination: URL { folder.url }
    /// Where it is written meanwhile: `.NAME.staging-PID-RANDOM` beside `destination`.
    public let staging: URL

    private let stagingLock: DirectoryLock
    private let state = NSLock()
    private var fileCount = 0
    private var committed = false

    /// What the swap did.
    public struct Commit: Sendable {
        /// Files written, the marker not counted.
        public var files: Int
        /// True when the atomic exchange was used; false for the two-rename fallback.
        public var atomic: Bool
        /// Where a forced build moved a foreign folder's files, if it did.
        public var setAside: URL?
        /// What of the previous output could not be cleaned up, and why; nil when all of it was.
        /// The new output is in place either way.
        public var leftover: String?
        /// The previous output, when the caller asked to remove it itself (`removingPrevious: false`).
        public var previous: URL?
    }

    /// Creates and locks the staging folder, first removing any left by a build that died.
    public init(folder: OutputFolder) throws {
        self.folder = folder
        let destination = folder.url
        let parent = destination.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        guard let parentLock = DirectoryLock(parent, wait: true) else {
            throw OutputError(path: parent.path, message: "cannot lock the folder that holds the output: \(String(cString: strerror(errno)))")
        }
        StagingCleanup.removeAbandoned(beside: destination)
        let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        staging = parent.appendingPathComponent("\(StagingCleanup.prefix(for: destination))\(getpid())-\(suffix)")
        guard mkdir(staging.path, 0o755) == 0 else {
            throw OutputError(path: staging.path, message: "cannot create the staging folder: \(String(cString: strerror(errno)))")
        }
        guard let lock = DirectoryLock(staging, wait: false) else {
            throw OutputError(path: staging.path, message: "cannot lock the staging folder")
        }
        stagingLock = lock
        withExtendedLifetime(parentLock) {}
    }

    /// A build that failed (or never committed) removes its staging folder; if that fails, it
    /// says so on stderr rather than leave the folder unexplained (the next build removes it too).
    deinit {
        guard !committed else { return }
        do {
            try discard()
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
        }
    }

    /// Removes the staging folder of a build that will not be committed, or says which folder
    /// is left and why.
    func discard() throws(OutputError) {
        do {
            try FileManager.default.removeItem(at: staging)
        } catch {
            throw OutputError(path: staging.path, message: "warning: could not remove this unfinished build (\(error.localizedDescription)); remove it by hand")
        }
    }

    /// Writes `contents` to `relativePath` inside the staging folder, making folders as needed.
    /// Safe to call from several threads for different paths.
    public func write(_ contents: String, to relativePath: String) throws {
        var text = contents
        try text.withUTF8 { try write(bytes: $0, to: relativePath) }
    }

    /// Writes bytes to `relativePath` inside the staging folder, as `write(_:to:)` writes text.
    public func write(_ contents: [UInt8], to relativePath: String) throws {
        try contents.withUnsafeBufferPointer { try write(bytes: $0, to: relativePath) }
    }

    private func write(bytes buffer: UnsafeBufferPointer<UInt8>, to relativePath: String) throws {
        let url = staging.appendingPathComponent(relativePath)
        try RawFile.makeParent(of: url)
        try RawFile.write(UnsafeRawBufferPointer(buffer), to: url)
        countFile()
    }

    /// Copies a file into the staging folder.
    public func copy(_ source: URL, to relativePath: String) throws {
        let url = staging.appendingPathComponent(relativePath)
        try RawFile.makeParent(of: url)
        try FileManager.default.copyItem(at: source, to: url)
        countFile()
    }

    /// Files written so far.
    public var filesWritten: Int {
        state.lock()
        defer { state.unlock() }
        return fileCount
    }

    /// Writes the marker, then replaces `destination` with the staged build.
    ///
    /// When an earlier build made the old output, its hidden top-level entries (`.git`
    /// of a deploy repository, `.gitkeep`) are carried over, since the build never makes
    /// them, and the rest is deleted. A foreign folder replaced with `force` is moved
    /// aside whole (`NAME.before-broadsheet-DATE`), never deleted. With `removingPrevious`
    /// false, the previous output is left where it is and returned (`Commit.previous`), for a
    /// caller with something more urgent to do first: `serve` tells open pages to reload.
    public func commit(generator: String, removingPrevious: Bool = true) throws -> Commit {
        let parent = destination.deletingLastPathComponent()
        guard let parentLock = DirectoryLock(parent, wait: true) else {
            throw OutputError(path: parent.path, message: "cannot lock the folder that holds the output")
        }
        defer { withExtendedLifetime(parentLock) {} }
        // Checked again: the folder may have changed while the build ran.
        let found = try folder.checkedState()
        let files = filesWritten
        try BuildMarker(generator: generator, files: files).encoded()
            .write(to: staging.appendingPathComponent(BuildMarker.fileName))

        guard found != .absent else {
            try FolderExchange.move(staging, to: destination)
            committed = true
            return Commit(files: files, atomic: true, setAside: nil)
        }
        if found == .foreign {
            // Someone else's folder, replaced because of --force: moved aside whole, first,
            // so that if anything fails nothing of theirs has been touched.
            let target = setAsideName()
            guard rename(destination.path, target.path) == 0 else {
                throw OutputError(path: destination.path, message: "cannot move the folder aside: \(String(cString: strerror(errno)))")
            }
            do {
                try FolderExchange.move(staging, to: destination)
            } catch {
                guard rename(target.path, destination.path) == 0 else {
                    throw OutputError(path: destination.path, message: "\(error); and your folder could not be moved back: "
                        + "\(String(cString: strerror(errno))). It is whole, at \(target.path)")
                }
                throw error
            }
            committed = true
            return Commit(files: files, atomic: false, setAside: target)
        }
        let method = try FolderExchange.swap(staging, into: destination)
        committed = true
        let old = staging  // now holds the previous output, an earlier build's
        var leftover: String?
        if let problem = carryHiddenEntries(from: old) {
            // Deleting the old output now would delete what could not be carried over.
            leftover = "the previous output is kept at \(old.path): \(problem)"
        } else if !removingPrevious {
            return Commit(files: files, atomic: method == .exchange, setAside: nil, previous: old)
        } else {
            do {
                try FileManager.default.removeItem(at: old)
            } catch {
                leftover = "could not remove the previous output at \(old.path): \(error.localizedDescription)"
            }
        }
        return Commit(files: files, atomic: method == .exchange, setAside: nil, leftover: leftover)
    }

    /// Moves the hidden top-level entries of the old output (`.git`, `.gitkeep`) into the
    /// new one; what could not be moved, or nil.
    private func carryHiddenEntries(from old: URL) -> String? {
        let manager = FileManager.default
        let entries: [String]
        do {
            entries = try manager.contentsOfDirectory(atPath: old.path)
        } catch {
            return "could not list it: \(error.localizedDescription)"
        }
        for entry in entries where entry.hasPrefix(".") && entry != BuildMarker.fileName {
            let target = destination.appendingPathComponent(entry)
            guard !manager.fileExists(atPath: target.path) else { continue }
            do {
                try manager.moveItem(at: old.appendingPathComponent(entry), to: target)
            } catch {
                return "could not move \(entry) into the new output: \(error.localizedDescription)"
            }
        }
        return nil
    }

    /// `NAME.before-broadsheet-20261202-061500` beside the output, not yet taken.
    private func setAsideName() -> URL {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let base = "\(destination.lastPathComponent).before-broadsheet-\(formatter.string(from: Date()))"
        let parent = destination.deletingLastPathComponent()
        var candidate = parent.appendingPathComponent(base)
        var number = 2
        while FileManager.default.fileExists(atPath: candidate.path) {
            candidate = parent.appendingPathComponent("\(base)-\(number)")
            number += 1
        }
        return candidate
    }

    private func countFile() {
        state.lock()
        fileCount += 1
        state.unlock()
    }
}
