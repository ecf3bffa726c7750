import Foundation

/// Runs the `broadsheet` executable built beside the tests.
struct CommandRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary: next to the test bundle (same build folder), else `.build/debug`.
    static var executable: URL {
        let bundleFolder = Bundle.main.bundleURL.deletingLastPathComponent()
        for candidate in [Bundle.main.bundleURL.appendingPathComponent("broadsheet"),
                          bundleFolder.appendingPathComponent("broadsheet"),
                          repository.appendingPathComponent(".build/debug/broadsheet")]
        where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        return repository.appendingPathComponent(".build/debug/broadsheet")
    }

    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A scratch archive with the repository's theme, for a test to change.
    static func scratchArchive(issues: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/issues"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repository.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
        try "title: CLI Weekly\nbase_url: https://example.org/\n".write(to: root.appendingPathComponent("content/site.yml"), atomically: true, encoding: .utf8)
        for (name, text) in issues {
            try text.write(to: root.appendingPathComponent("content/issues/\(name)"), atomically: true, encoding: .utf8)
        }
        return root
    }
}
