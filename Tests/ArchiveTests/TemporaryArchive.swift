import Foundation

/// A throwaway archive folder for tests, removed when the value is released.
final class TemporaryArchive {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("broadsheet-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/issues"),
                                                withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Writes `text` to `relativePath` under the root.
    func write(_ relativePath: String, _ text: String) throws {
        try write(relativePath, bytes: Data(text.utf8))
    }

    func write(_ relativePath: String, bytes: Data) throws {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: url)
    }

    /// A minimal valid issue.
    static func issue(title: String, date: String, extra: String = "") -> String {
        "---\ntitle: \(title)\ndate: \(date)\n\(extra)---\nBody of \(title).\n"
    }
}
