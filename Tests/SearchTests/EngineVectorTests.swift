import Foundation
import Testing
@testable import Search

/// The Swift engine against `Vectors/engine/<archive>.json`: each query's expected
/// results over the index files in `Vectors/engine/<archive>/`. The browser engine
/// is held to the same file by `Browser/engine.test.js`, so the two agree.
///
/// `BROADSHEET_WRITE_VECTORS=1` rewrites the expected results from this engine
/// (`scripts/write-search-vectors.sh` does it after rebuilding the fixtures).
@Suite("Engine vectors shared with JavaScript")
struct EngineVectorTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Vectors/engine")

    /// Results as the vector file records them.
    static func record(_ query: [String: Any], _ results: SearchResults) -> [String: Any] {
        var record = query
        record["entity"] = results.entity?.key ?? NSNull()
        record["total"] = results.total
        record["hits"] = results.hits.map { ["url": $0.url, "score": $0.score, "excerpt": $0.excerpt, "title": $0.title,
                                             "date": $0.date, "tags": $0.tags.map(\.slug)] as [String: Any] }
        record["facets"] = [
            "tags": results.facets.tags.map { [$0.label.slug, $0.count] as [Any] },
            "entities": results.facets.entities.map { [$0.thing.key, $0.count] as [Any] },
            "years": results.facets.years.map { [$0.year, $0.count] },
        ]
        record["suggestion"] = results.suggestion ?? NSNull()
        record["notes"] = results.notes
        record["matchedStems"] = results.matchedStems
        return record
    }

    static func run(_ engine: SearchEngine, _ query: [String: Any]) throws -> [String: Any] {
        let order = SearchOrder(rawValue: query["order"] as? String ?? "relevance") ?? .relevance
        let results = try engine.search(query["query"] as! String, order: order, limit: query["limit"] as? Int ?? 10)
        return record(["query": query["query"]!, "order": order.rawValue, "limit": query["limit"] as? Int ?? 10], results)
    }

    static func canonical(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]), as: UTF8.self)
    }

    @Test(arguments: ["seed", "generated"])
    func theEngineGivesTheRecordedResults(_ archive: String) throws {
        let file = Self.folder.appendingPathComponent("\(archive).json")
        let data = try Data(contentsOf: file)
        var vectors = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let queries = vectors["queries"] as! [[String: Any]]
        #expect(queries.count >= 20)
        let engine = SearchEngine(index: try StoredIndex(source: DirectoryIndexSource(folder: Self.folder.appendingPathComponent(archive))))
        let actual = try queries.map { try Self.run(engine, $0) }
        if ProcessInfo.processInfo.environment["BROADSHEET_WRITE_VECTORS"] == "1" {
            vectors["expected"] = actual
            let lines = try actual.map { try Self.canonical($0) }
            let queryLines = try queries.map { try Self.canonical($0) }
            let text = "{\"queries\": [\n" + queryLines.joined(separator: ",\n") + "\n],\n\"expected\": [\n" + lines.joined(separator: ",\n") + "\n]}\n"
            try Data(text.utf8).write(to: file)
            return
        }
        let expected = try #require(vectors["expected"] as? [[String: Any]], "\(archive).json has no expected results; run scripts/write-search-vectors.sh")
        #expect(expected.count == queries.count)
        for (want, got) in zip(expected, actual) {
            #expect(try Self.canonical(got) == Self.canonical(want), "query \(want["query"] ?? "")")
        }
    }
}
