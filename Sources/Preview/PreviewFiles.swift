import Foundation
import Hummingbird

/// The preview's files, for Hummingbird's `FileMiddleware`: the built site, never anything
/// outside it, with the live-reload script added to every HTML page.
///
/// `FileMiddleware` already refuses `..` (also percent-encoded) in a path, but it follows a
/// symlink out of its folder; here every path is resolved (`realpath`) and must stay inside
/// the site folder, or it is not found. HTML pages get `<script src=".../live.js">` appended
/// after the document, where browsers run it as part of the body; so the size (and with it
/// Content-Length, ETag and Range) is the file's size plus the script's, without reading it.
struct PreviewFiles: FileProvider {
    /// A file's resolved path inside the site folder.
    typealias FileIdentifier = String

    struct FileAttributes: FileMiddlewareFileAttributes, Sendable {
        let isFolder: Bool
        let size: Int
        let modificationDate: Date
    }

    /// The site folder, resolved, without a trailing slash.
    let root: String
    /// What is appended to every `.html` file.
    let injected: [UInt8]
    private let fileIO = FileIO()

    init(root: URL, injected: String) {
        self.root = PreviewFiles.resolve(root.path) ?? root.standardizedFileURL.path
        self.injected = Array(injected.utf8)
    }

    func getFileIdentifier(_ path: String) -> String? {
        Self.contained(path, in: root)
    }

    func getAttributes(id: String) async throws -> FileAttributes? {
        var status = stat()
        guard stat(id, &status) == 0 else { return nil }
        let isFolder = (status.st_mode & S_IFMT) == S_IFDIR
        let size = Int(status.st_size) + (!isFolder && Self.isHTML(id) ? injected.count : 0)
        let modified = Date(timeIntervalSince1970: TimeInterval(status.st_mtim.tv_sec) + TimeInterval(status.st_mtim.tv_nsec) / 1e9)
        return FileAttributes(isFolder: isFolder, size: size, modificationDate: modified)
    }

    func loadFile(id: String, context: some RequestContext) async throws -> ResponseBody {
        guard Self.isHTML(id) else { return try await fileIO.loadFile(path: id, context: context) }
        return ResponseBody(byteBuffer: ByteBuffer(bytes: try page(id)))
    }

    func loadFile(id: String, range: ClosedRange<Int>, context: some RequestContext) async throws -> ResponseBody {
        guard Self.isHTML(id) else { return try await fileIO.loadFile(path: id, range: range, context: context) }
        let bytes = try page(id)
        let clamped = range.clamped(to: 0...max(0, bytes.count - 1))
        return ResponseBody(byteBuffer: ByteBuffer(bytes: bytes[clamped]))
    }

    /// An HTML page's bytes with the script after them.
    func page(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path))) + injected
    }

    static func isHTML(_ path: String) -> Bool { path.hasSuffix(".html") || path.hasSuffix(".htm") }

    /// `path` (from a URL, already percent-decoded) inside `root`, resolved through every
    /// symlink, or nil when it does not exist or resolves outside `root`.
    static func contained(_ path: String, in root: String) -> String? {
        let joined = root + "/" + path.drop { $0 == "/" }
        guard let resolved = resolve(joined), resolved == root || resolved.hasPrefix(root + "/") else { return nil }
        return resolved
    }

    /// The canonical path of an existing file or folder.
    static func resolve(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
