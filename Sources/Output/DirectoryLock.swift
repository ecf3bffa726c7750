import Foundation

/// An advisory `flock(2)` lock held on an open folder.
///
/// The kernel drops the lock when its holder dies, however it dies, so a lock that
/// can be taken means nobody is using the folder any more. That is how a build
/// tells a crashed build's staging folder from one that is still being written.
final class DirectoryLock: @unchecked Sendable {
    private let descriptor: Int32

    /// Opens `url` (a folder; symlinks are not followed) and locks it exclusively.
    /// With `wait` false, returns nil at once if another process holds the lock.
    init?(_ url: URL, wait: Bool) {
        let descriptor = open(url.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var result: Int32
        repeat {
            result = flock(descriptor, LOCK_EX | (wait ? 0 : LOCK_NB))
        } while result != 0 && errno == EINTR
        guard result == 0 else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }
}
