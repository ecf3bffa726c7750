import Foundation
import Testing

/// A small archive written to a temporary folder for one test, with the repository's theme.
struct ScratchArchive {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let theme = repository.appendingPathComponent("templates")

    let root: URL

    /// An archive with `site.yml`, an entity registry (Nscale, Aker ASA) and `issues` (file name → text).
    init(issues: [String: String], site: String = "title: Scratch\nbase_url: https://example.org/news/\n") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("content/issues")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try site.write(to: root.appendingPathComponent("content/site.yml"), atomically: true, encoding: .utf8)
        try "- name: Nscale\n  kind: company\n- name: Aker ASA\n  kind: company\n"
            .write(to: root.appendingPathComponent("content/entities.yml"), atomically: true, encoding: .utf8)
        for (name, text) in issues {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// An issue file's text: front matter, then `body`.
    static func issue(_ title: String, date: String = "2026-01-05", extra: String = "", body: String) -> String {
        "---\ntitle: \(title)\ndate: \(date)\ntags: [Power]\n\(extra)---\n\(body)"
    }
}

extension ScratchArchive {
    /// Outside test data (`../shared/testdata/...`) or nil. In CI the data must be there, so
    /// its absence fails the test; elsewhere the test steps aside, saying why.
    static func outsideData(_ relative: String) -> URL? {
        let url = repository.deletingLastPathComponent().appendingPathComponent("shared/testdata").appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: url.path) { return url }
        if let ci = ProcessInfo.processInfo.environment["CI"], !ci.isEmpty {
            Issue.record("outside test data missing in CI: \(url.path)")
        } else {
            print("note: \(url.path) not found; skipping this test (it runs wherever ../shared/testdata exists)")
        }
        return nil
    }
}
