import CFileSwap
import Foundation

/// Puts a new folder in place of an old one so that the name never goes missing.
///
/// On Linux this is one `renameat2(RENAME_EXCHANGE)`: at every instant the
/// destination names either the whole old site or the whole new one, so a server
/// reading it never answers 404. Where the system or file system refuses that
/// (some network and FUSE file systems), it falls back to two renames, with a
/// moment in between when the destination does not exist.
enum FolderExchange {
    /// How the swap was made, for tests and `--timings`.
    enum Method: Sendable, Equatable {
        case exchange
        case twoRenames
    }

    /// Set `BROADSHEET_NO_RENAME_EXCHANGE=1` to force the fallback (for its test).
    static var exchangeDisabled: Bool {
        ProcessInfo.processInfo.environment["BROADSHEET_NO_RENAME_EXCHANGE"] == "1"
    }

    /// Swaps `new` into `destination`; afterwards the old contents are at `new`'s path.
    /// `destination` must exist.
    static func swap(_ new: URL, into destination: URL) throws -> Method {
        if !exchangeDisabled {
            if broadsheet_exchange_paths(new.path, destination.path) == 0 { return .exchange }
            let code = errno
            guard code == EINVAL || code == ENOSYS || code == ENOTSUP || code == EOPNOTSUPP else {
                throw failure("cannot swap the new site into place", destination, code)
            }
        }
        let aside = new.deletingLastPathComponent().appendingPathComponent(new.lastPathComponent + ".old")
        guard rename(destination.path, aside.path) == 0 else {
            throw failure("cannot move the old site aside", destination, errno)
        }
        guard rename(new.path, destination.path) == 0 else {
            let code = errno
            _ = rename(aside.path, destination.path)
            throw failure("cannot move the new site into place", destination, code)
        }
        guard rename(aside.path, new.path) == 0 else {
            throw failure("cannot tidy the old site away", aside, errno)
        }
        return .twoRenames
    }

    /// Moves `new` to `destination`, which must not exist.
    static func move(_ new: URL, to destination: URL) throws {
        guard rename(new.path, destination.path) == 0 else {
            throw failure("cannot move the new site into place", destination, errno)
        }
    }

    private static func failure(_ what: String, _ url: URL, _ code: Int32) -> OutputError {
        OutputError(path: url.path, message: "\(what): \(String(cString: strerror(code)))")
    }
}
