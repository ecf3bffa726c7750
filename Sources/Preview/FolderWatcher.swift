import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders (and the folders below them) and reports which files changed, after a
/// short quiet spell, so that one save gives one rebuild.
///
/// On Linux it uses inotify and reacts to a file closed after writing, moved in, moved out,
/// created or deleted; an editor that saves through a temporary file and a rename shows up as
/// a move into place, which counts as an edit of that file. Elsewhere, or when inotify cannot
/// start, it polls modification times and sizes four times a second. Hidden files and editor
/// leftovers (`.swp`, `~`, vim's `4913`) are ignored.
final class FolderWatcher: @unchecked Sendable {
    private let folders: [URL]
    private let quiet: TimeInterval
    private let onChange: @Sendable (Set<String>) -> Void
    private let lock = NSLock()
    private var stopped = false

    /// Calls `onChange` with the changed paths, `quiet` seconds after the last change.
    init(folders: [URL], quiet: TimeInterval = 0.03, onChange: @escaping @Sendable (Set<String>) -> Void) {
        self.folders = folders.map(\.standardizedFileURL)
        self.quiet = quiet
        self.onChange = onChange
    }

    /// Starts watching. The folders are being watched when this returns (the first snapshot
    /// taken, when polling), so a change made right after is seen.
    func start() {
        #if os(Linux)
        let descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        let thread: Thread
        if descriptor >= 0 {
            var watched: [Int32: String] = [:]
            allFolders().forEach { Self.watch($0, descriptor: descriptor, into: &watched) }
            thread = Thread { [self, watched] in watchWithInotify(descriptor, watched: watched) }
        } else {
            let first = snapshot()
            thread = Thread { [self] in poll(from: first) }
        }
        #else
        let first = snapshot()
        let thread = Thread { [self] in poll(from: first) }
        #endif
        thread.name = "broadsheet-watch"
        thread.start()
    }

    func stop() {
        lock.withLock { stopped = true }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name == "4913"
    }

    /// Every folder below `folders`, themselves included.
    private func allFolders() -> [String] {
        var found: [String] = []
        for folder in folders where FileManager.default.fileExists(atPath: folder.path) {
            found.append(folder.path)
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
            while let url = enumerator?.nextObject() as? URL {
                if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true { found.append(url.path) }
            }
        }
        return found
    }

    #if os(Linux)
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE)

    private static func watch(_ folder: String, descriptor: Int32, into watched: inout [Int32: String]) {
        let id = inotify_add_watch(descriptor, folder, mask)
        if id >= 0 { watched[id] = folder }
    }

    private func watchWithInotify(_ descriptor: Int32, watched: [Int32: String]) {
        defer { close(descriptor) }
        var watched = watched
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var pending: Set<String> = []
        var deadline: Date?
        while !isStopped {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let wait = deadline.map { max(0, Int32($0.timeIntervalSinceNow * 1000)) } ?? 100
            if Glibc.poll(&poller, 1, min(wait, 100)) > 0 {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                var offset = 0
                while count > 0, offset + MemoryLayout<inotify_event>.size <= count {
                    let (id, eventMask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                        let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                        return (event.wd, event.mask, Int(event.len))
                    }
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    let name = String(decoding: buffer[nameStart..<nameStart + length].prefix { $0 != 0 }, as: UTF8.self)
                    offset = nameStart + length
                    guard let folder = watched[id], !name.isEmpty, !Self.isIgnored(name) else { continue }
                    let path = folder + "/" + name
                    if eventMask & UInt32(IN_ISDIR) != 0 {
                        if eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { Self.watch(path, descriptor: descriptor, into: &watched) }
                    } else if eventMask & UInt32(IN_CREATE) != 0 {
                        continue  // its close after writing follows
                    }
                    pending.insert(path)
                    deadline = Date().addingTimeInterval(quiet)
                }
            }
            if let due = deadline, due <= Date(), !pending.isEmpty {
                onChange(pending)
                pending.removeAll()
                deadline = nil
            }
        }
    }
    #endif

    /// Every file's modification time and size, for polling.
    private func snapshot() -> [String: [Double]] {
        var files: [String: [Double]] = [:]
        for folder in folders {
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey],
                                                            options: [.skipsHiddenFiles])
            while let url = enumerator?.nextObject() as? URL {
                guard !Self.isIgnored(url.lastPathComponent) else { continue }
                let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
                files[url.path] = [values?.contentModificationDate?.timeIntervalSince1970 ?? 0, Double(values?.fileSize ?? 0)]
            }
        }
        return files
    }

    /// The fallback: compares every file's modification time and size four times a second.
    private func poll(from first: [String: [Double]]) {
        var last = first
        while !isStopped {
            Thread.sleep(forTimeInterval: 0.25)
            let now = snapshot()
            let changed = Set(now.keys.filter { now[$0] != last[$0] }).union(last.keys.filter { now[$0] == nil })
            if !changed.isEmpty { onChange(changed) }
            last = now
        }
    }
}
