import Foundation

/// What `stat` says of a file that changes whenever its contents may have: device, inode,
/// size, and the modification and status-change times to the nanosecond. A save in place
/// changes the times; a save through a temporary file and a rename changes the inode.
struct FileStamp: Equatable, Sendable {
    let device: UInt64
    let inode: UInt64
    let size: Int64
    let modified: timespec
    let changed: timespec

    /// The stamp of the file at `path`, or nil when it cannot be read.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        #if canImport(Darwin)
        modified = info.st_mtimespec
        changed = info.st_ctimespec
        #else
        modified = info.st_mtim
        changed = info.st_ctim
        #endif
    }

    /// Whether the file was last modified and changed before `date`.
    func isOlder(than date: Date) -> Bool {
        let limit = date.timeIntervalSince1970
        return Double(modified.tv_sec) + Double(modified.tv_nsec) / 1e9 < limit
            && Double(changed.tv_sec) + Double(changed.tv_nsec) / 1e9 < limit
    }

    static func == (a: FileStamp, b: FileStamp) -> Bool {
        a.device == b.device && a.inode == b.inode && a.size == b.size
            && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
            && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
    }
}
