import Foundation

/// The two file operations both outputs need, written once: a whole file from bytes, and the
/// folder a file goes in.
enum RawFile {
    /// Writes `bytes` to `url` (replacing any file there), or throws `cannot write` with the reason.
    static func write(_ bytes: UnsafeRawBufferPointer, to url: URL) throws(OutputError) {
        guard let file = fopen(url.path, "wb") else {
            throw OutputError(path: url.path, message: "cannot write: \(String(cString: strerror(errno)))")
        }
        let written = bytes.isEmpty ? 0 : fwrite(bytes.baseAddress, 1, bytes.count, file)
        if fclose(file) != 0 || written != bytes.count {
            throw OutputError(path: url.path, message: "cannot write: \(String(cString: strerror(errno)))")
        }
    }

    /// Makes the folder `url` goes in: one `mkdir` when its parent exists, as it mostly does.
    static func makeParent(of url: URL) throws {
        let parent = url.deletingLastPathComponent().path
        if mkdir(parent, 0o755) == 0 || errno == EEXIST { return }
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
    }
}
