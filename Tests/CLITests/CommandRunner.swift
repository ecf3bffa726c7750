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

    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
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

    /// Starts the binary without waiting; its output is discarded.
    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Every file under `folder` with its bytes, keyed by relative path.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return files }
        for case let url as URL in enumerator {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if !isDirectory.boolValue {
                files[String(url.standardizedFileURL.path.dropFirst(base.count))] = try Data(contentsOf: url)
            }
        }
        return files
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
