import Foundation
import Search

/// How `broadsheet search` prints results: lines for a person, JSON for a program.
enum SearchOutput {
    /// One result of `--json`. Issues and the entity card share the shape; `kind` tells them apart.
    struct Result: Encodable {
        var kind: String
        var title: String
        var url: String
        var date: String?
        var score: Double?
        var excerpt: String
        var tags: [String]?
        var entityKind: String?
        var mentions: Int?
    }

    static func results(_ results: SearchResults) -> [Result] {
        var list: [Result] = []
        if let entity = results.entity {
            list.append(Result(kind: "entity", title: entity.name, url: "/" + entity.url, excerpt: "",
                               entityKind: entity.kind, mentions: entity.mentions))
        }
        for hit in results.hits {
            list.append(Result(kind: "issue", title: hit.title, url: "/" + hit.url, date: hit.date, score: hit.score,
                               excerpt: hit.excerpt, tags: hit.tags.map(\.name)))
        }
        return list
    }

    static func text(_ results: SearchResults, query: String) -> String {
        var out = ""
        if let entity = results.entity {
            out += "\(entity.name) (\(entity.kind), \(entity.mentions) mention\(entity.mentions == 1 ? "" : "s"))  /\(entity.url)\n\n"
        }
        for (number, hit) in results.hits.enumerated() {
            out += "\(number + 1). \(hit.title)  \(hit.date)  /\(hit.url)\n"
            if !hit.excerpt.isEmpty { out += "   \(hit.excerpt)\n" }
        }
        let shown = results.hits.count
        if results.total == 0 {
            out += "No issues match \"\(query)\"."
            if let suggestion = results.suggestion { out += " Did you mean: \(suggestion)?" }
            out += "\n"
        } else {
            out += "\n\(results.total) issue\(results.total == 1 ? "" : "s") match\(results.total == 1 ? "es" : "")"
            out += shown < results.total ? "; showing the first \(shown).\n" : ".\n"
        }
        return out
    }
}
