import Foundation

/// The folder a build will replace, checked against the rules that keep users' files safe.
///
/// 1. The output may never be, hold, or (for content and theme) lie inside a
///    protected folder. `--force` does not change this.
/// 2. A folder that exists, holds files, and has no `BuildMarker` belongs to someone
///    else and is refused, unless `force` is set. With `force`, its files are not
///    deleted: the commit moves them aside into a folder beside it.
/// 3. A folder that is empty, holds only `.gitkeep`, or has a marker is ours to replace.
///
/// Symlinks and `..` are resolved before any of this, so `--output link-to-content`
/// is caught like `--output content`.
public struct OutputFolder: Sendable {
    /// What the folder holds, as far as the rules care.
    public enum State: Sendable, Equatable {
        /// Nothing there yet.
        case absent
        /// A folder with nothing in it but `.gitkeep`-like placeholders.
        case empty
        /// A folder with a marker: an earlier build's output.
        case builtByBroadsheet
        /// A folder with files and no marker.
        case foreign
    }

    /// Entries that do not make a folder someone's: placeholders that keep it in git.
    static let placeholders: Set<String> = [".gitkeep", ".keep", ".DS_Store", BuildMarker.fileName]

    /// The path as the user gave it, for messages.
    public let displayPath: String
    /// The path the build works on: absolute, symlinks resolved.
    public let url: URL
    /// Replace a foreign folder (moving its files aside) instead of refusing.
    public let force: Bool

    /// Checks `requested` against `protected` and what it holds now.
    public init(_ requested: URL, displayPath: String? = nil, protecting protected: [ProtectedFolder], force: Bool) throws(OutputError) {
        self.displayPath = displayPath ?? requested.path
        self.url = PathResolution.resolve(requested)
        self.force = force
        let output = url
        // Name the folder the output *is*, if any, before one it is inside or holds.
        let conflicts = protected.compactMap { folder in folder.conflict(with: output).map { (folder, $0) } }
        if let (_, reason) = conflicts.first(where: { $0.0.url == output }) ?? conflicts.first {
            throw OutputError(path: self.displayPath, message:
                "refusing to build here: \(reason), and a build replaces its output folder whole; choose another --output (--force does not change this)")
        }
        _ = try checkedState()
    }

    /// What is at the output now; throws when the rules say the build may not replace it.
    /// Called before the build starts and again, under the lock, just before the swap.
    public func checkedState() throws(OutputError) -> State {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            // A symlink that resolution could not follow points nowhere: replacing it
            // would be a guess about where the site should go.
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: url.path) {
                throw OutputError(path: displayPath, message:
                    "is a symbolic link to '\(target)', which does not exist; refusing to replace it (create the folder, or choose another --output)")
            }
            return .absent
        }
        guard isDirectory.boolValue else {
            throw OutputError(path: displayPath, message: "exists and is not a folder; refusing to replace it (choose another --output)")
        }
        if BuildMarker.read(in: url) != nil { return .builtByBroadsheet }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: url.path)
        } catch {
            throw OutputError(path: displayPath, message: "cannot list the output folder: \(error.localizedDescription)")
        }
        if entries.allSatisfy({ Self.placeholders.contains($0) }) { return .empty }
        guard force else {
            throw OutputError(path: displayPath, message: "refusing to replace a folder that Broadsheet did not build; empty it or pass --force")
        }
        return .foreign
    }
}
