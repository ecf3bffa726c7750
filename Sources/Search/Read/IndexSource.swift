import Foundation

/// Where a stored index's files come from: a built site's folder, or memory in tests.
public protocol IndexSource: Sendable {
    /// The text of file `name` (without `.js`); throws when it is missing.
    func read(_ name: String) throws -> [UInt8]
}

/// The index files in a folder (`site/search/index/`).
public struct DirectoryIndexSource: IndexSource {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    public func read(_ name: String) throws -> [UInt8] {
        let url = folder.appendingPathComponent("\(name).js")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw IndexFormatError("\(name).js is missing from \(folder.path)")
        }
        return Array(data)
    }
}

/// Index files held in memory, as `IndexWriter` made them.
public struct MemoryIndexSource: IndexSource {
    public let files: [String: [UInt8]]

    public init(_ files: [(name: String, contents: [UInt8])]) {
        self.files = Dictionary(files.map { ($0.name, $0.contents) }, uniquingKeysWith: { first, _ in first })
    }

    public func read(_ name: String) throws -> [UInt8] {
        guard let contents = files[name] else { throw IndexFormatError("\(name).js is missing") }
        return contents
    }
}
