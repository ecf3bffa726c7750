import Foundation

/// The small file every build leaves at the top of its output, saying Broadsheet made it.
///
/// Its presence is what lets a later build replace the folder: a folder without it
/// holds someone else's files and is refused (unless `--force`). It also tells a
/// reader of the deployed site which version built it, when, and how many files.
public struct BuildMarker: Codable, Sendable, Equatable {
    /// The marker's file name, at the top of the output.
    public static let fileName = ".broadsheet-build.json"

    /// `Broadsheet 0.1.0`.
    public var generator: String
    /// When the build finished, RFC 3339 in UTC.
    public var built: String
    /// How many files the build wrote, the marker not counted.
    public var files: Int

    /// A marker for a build by `generator` of `files` files, finished at `date`.
    public init(generator: String, files: Int, date: Date = Date()) {
        self.generator = generator
        self.files = files
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        self.built = formatter.string(from: date)
    }

    /// The marker's bytes: pretty JSON with sorted keys, ending in a newline.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// The marker in `folder`, or nil when there is none or it is not one of ours.
    public static func read(in folder: URL) -> BuildMarker? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(fileName)),
              let marker = try? JSONDecoder().decode(BuildMarker.self, from: data),
              marker.generator.hasPrefix("Broadsheet") else { return nil }
        return marker
    }
}
