import Foundation

/// Writes a build into a fresh folder beside the output, then swaps it in.
///
/// A reader of `site/` (or `broadsheet serve`) never sees half a build, and a
/// failed build leaves the previous `site/` exactly as it was: the new folder is
/// only renamed into place after every page has been written.
public final class StagedOutput: @unchecked Sendable {
    /// Where the site ends up.
    public let destination: URL
    /// Where it is written meanwhile: `.NAME.staging-PID` beside `destination`.
    public let staging: URL
    private var committed = false

    /// Creates the staging folder (removing any left by a crashed build).
    public init(destination: URL) throws {
        self.destination = destination.standardizedFileURL
        let parent = self.destination.deletingLastPathComponent()
        let name = self.destination.lastPathComponent
        staging = parent.appendingPathComponent(".\(name).staging-\(getpid())")
        let manager = FileManager.default
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        if manager.fileExists(atPath: staging.path) { try manager.removeItem(at: staging) }
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    deinit {
        if !committed { try? FileManager.default.removeItem(at: staging) }
    }

    /// Writes `contents` to `relativePath` inside the staging folder, making folders as needed.
    /// Safe to call from several threads for different paths.
    public func write(_ contents: String, to relativePath: String) throws {
        let url = staging.appendingPathComponent(relativePath)
        try makeParent(of: url)
        var text = contents
        let ok = text.withUTF8 { buffer -> Bool in
            guard let file = fopen(url.path, "wb") else { return false }
            let written = buffer.isEmpty ? 0 : fwrite(buffer.baseAddress, 1, buffer.count, file)
            return fclose(file) == 0 && written == buffer.count
        }
        if !ok {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path,
                             NSLocalizedDescriptionKey: "cannot write \(url.path): \(String(cString: strerror(errno)))"])
        }
    }

    /// Copies a file into the staging folder.
    public func copy(_ source: URL, to relativePath: String) throws {
        let url = staging.appendingPathComponent(relativePath)
        try makeParent(of: url)
        try FileManager.default.copyItem(at: source, to: url)
    }

    /// Replaces `destination` with the staged build.
    ///
    /// Hidden entries at the top of the old output (`.git` of a deploy
    /// repository, `.gitkeep`) are carried over, since the build never makes them.
    public func commit() throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: destination.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw CocoaError(.fileWriteFileExists, userInfo: [NSLocalizedDescriptionKey:
                    "\(destination.path) exists and is not a folder; refusing to replace it"])
            }
            let old = destination.deletingLastPathComponent()
                .appendingPathComponent(".\(destination.lastPathComponent).old-\(getpid())")
            if manager.fileExists(atPath: old.path) { try manager.removeItem(at: old) }
            try manager.moveItem(at: destination, to: old)
            do {
                try manager.moveItem(at: staging, to: destination)
            } catch {
                try? manager.moveItem(at: old, to: destination)
                throw error
            }
            committed = true
            for entry in (try? manager.contentsOfDirectory(atPath: old.path)) ?? [] where entry.hasPrefix(".") {
                let target = destination.appendingPathComponent(entry)
                if !manager.fileExists(atPath: target.path) {
                    try? manager.moveItem(at: old.appendingPathComponent(entry), to: target)
                }
            }
            try? manager.removeItem(at: old)
        } else {
            try manager.moveItem(at: staging, to: destination)
            committed = true
        }
    }

    private func makeParent(of url: URL) throws {
        let parent = url.deletingLastPathComponent().path
        if mkdir(parent, 0o755) == 0 || errno == EEXIST { return }
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
    }
}
