import Foundation
import Testing

/// Paths and scratch folders shared by the site tests.
enum TestSupport {
    /// The repository checkout (…/Tests/SiteTests/TestSupport.swift → up three).
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixture = repository.appendingPathComponent("Tests/SiteTests/Fixtures/archive")
    static let golden = repository.appendingPathComponent("Tests/SiteTests/Golden")
    static let theme = repository.appendingPathComponent("templates")
    static let shared = repository.deletingLastPathComponent().appendingPathComponent("shared")

    /// A new empty folder, removed by the caller with `cleanUp`.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Copies the fixture archive to a scratch folder the test may change.
    static func fixtureCopy() throws -> URL {
        let folder = try scratch().appendingPathComponent("archive")
        try FileManager.default.copyItem(at: fixture, to: folder)
        return folder
    }

    /// Every file under `folder` (hidden ones too) with its bytes, keyed by relative path.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.resolvingSymlinksInPath().standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(at: folder.resolvingSymlinksInPath(), includingPropertiesForKeys: nil) else {
            return files
        }
        for case let url as URL in enumerator {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if !isDirectory.boolValue {
                files[String(url.standardizedFileURL.path.dropFirst(base.count))] = try Data(contentsOf: url)
            }
        }
        return files
    }

    static func read(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    /// Outside test data (`../shared/testdata/...`) or nil. In CI the data must be
    /// there, so its absence fails the test; elsewhere the test steps aside, saying why.
    static func outsideData(_ relative: String) -> URL? {
        let url = shared.appendingPathComponent("testdata").appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: url.path) { return url }
        if let ci = ProcessInfo.processInfo.environment["CI"], !ci.isEmpty {
            Issue.record("outside test data missing in CI: \(url.path)")
        } else {
            print("note: \(url.path) not found; skipping this test (it runs wherever ../shared/testdata exists)")
        }
        return nil
    }
}
