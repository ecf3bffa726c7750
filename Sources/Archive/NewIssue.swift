import Foundation

/// A new issue file for `broadsheet new`: `content/issues/DATE-slug.md` with its front
/// matter filled in (title, date, the next issue number, tags) and a line to write over.
///
/// It never replaces a file: an issue already at that path is an error that says how to go
/// on, and the file is created exclusively, so not even a file made a moment before is lost.
public struct NewIssue: Sendable, Equatable {
    /// `2026-12-04-the-title.md`.
    public var fileName: String
    public var text: String

    /// The issue titled `title`, dated `date` (`YYYY-MM-DD`), tagged `tags`, numbered one
    /// past the highest number among `existing` (or past their count when none is numbered).
    public init(title: String, date: String, tags: [String], existing: [Issue]) {
        let slug = Slug.make(title)
        fileName = "\(date)-\(slug.isEmpty ? "issue" : slug).md"
        let numbers = existing.compactMap { $0.number.flatMap { Int($0) } }
        let number = (numbers.max() ?? existing.count) + 1
        var lines = ["---", "title: \(YAMLText.quoted(title))", "date: \(date)", "number: \(number)"]
        if !tags.isEmpty { lines.append("tags: " + YAMLText.list(tags)) }
        lines += ["---", "Write the issue here.", ""]
        text = lines.joined(separator: "\n")
    }

    /// Writes the file into `layout`'s `content/issues/`, never over an existing file;
    /// returns its path relative to the root.
    public func write(into layout: ContentLayout) throws(ContentError) -> String {
        let relative = "content/issues/\(fileName)"
        let path = layout.issuesDirectory.appendingPathComponent(fileName).path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            let exists = errno == EEXIST
            throw ContentError(path: relative, line: 1, message: exists
                ? "an issue is already there; nothing was written (give another title, or --date)"
                : "cannot create the file: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            throw ContentError(path: relative, line: 1, message: "could not write the whole file: \(String(cString: strerror(errno)))")
        }
        return relative
    }
}
