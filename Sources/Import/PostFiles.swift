import Foundation

/// The files under a Jekyll site's `_posts/`, in path order: those named like posts, and
/// for every other file or folder a `SkippedFile` saying why it is not one.
enum PostFiles {
    /// A file named like a post.
    struct Entry: Sendable {
        var url: URL
        /// The subfolder under `_posts/`, `""` or ending in `/` (`2018/`).
        var folder: String
        /// The path under `_posts/` as the file is named (`2018/2018-1-5-x.md`).
        var relativePath: String
        var name: PostFileName
    }

    /// Lists `folder` and its subfolders (symlinked folders are not followed, so no loop).
    static func list(_ folder: URL, shownAs shown: String, skipped: inout [SkippedFile]) -> [Entry] {
        var entries: [Entry] = []
        walk(folder, relative: "", shown: shown, entries: &entries, skipped: &skipped)
        return entries
    }

    private static func walk(_ folder: URL, relative: String, shown: String, entries: inout [Entry], skipped: inout [SkippedFile]) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder.path) else {
            skipped.append(SkippedFile(path: shown + "/" + relative, reason: "the folder cannot be listed"))
            return
        }
        for name in names.sorted() {
            let url = folder.appendingPathComponent(name)
            let path = relative + name
            let kind = (try? manager.attributesOfItem(atPath: url.path)[.type]) as? FileAttributeType
            var isFolder: ObjCBool = false
            let exists = manager.fileExists(atPath: url.path, isDirectory: &isFolder)
            if kind == .typeDirectory {
                if name.hasPrefix(".") || name.hasPrefix("_") {
                    skipped.append(SkippedFile(path: "\(shown)/\(path)/", reason: "Jekyll leaves out folders whose names start with '.' or '_'"))
                } else {
                    walk(url, relative: path + "/", shown: shown, entries: &entries, skipped: &skipped)
                }
                continue
            }
            if kind == .typeSymbolicLink && exists && isFolder.boolValue {
                skipped.append(SkippedFile(path: "\(shown)/\(path)", reason: "a symlinked folder, which the import does not follow"))
                continue
            }
            guard exists, !isFolder.boolValue, kind == .typeRegular || kind == .typeSymbolicLink else {
                skipped.append(SkippedFile(path: "\(shown)/\(path)", reason: "not a regular file"))
                continue
            }
            if name.hasPrefix(".") || name.hasPrefix("_") || name.hasPrefix("#") || name.hasSuffix("~") {
                skipped.append(SkippedFile(path: "\(shown)/\(path)", reason: "Jekyll leaves out files whose names start with '.', '_' or '#' or end with '~'"))
                continue
            }
            switch PostFileName.parse(name) {
            case .success(let parsed):
                entries.append(Entry(url: url, folder: relative, relativePath: path, name: parsed))
            case .failure(let problem):
                skipped.append(SkippedFile(path: "\(shown)/\(path)", reason: problem.reason))
            }
        }
    }
}
