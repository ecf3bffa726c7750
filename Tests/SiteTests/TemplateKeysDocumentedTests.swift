import Archive
import Foundation
import Templates
import Testing
@testable import Site

/// docs/TEMPLATES.md lists every key a template can use, and the view models carry every
/// key it lists: the keys of every page's context of the fixture archive, flattened to
/// paths (`issue.toc[].level`), are compared with the paths the document's tables give
/// (a type of "list of summaries" or "summary" stands for the summary object's keys).
@Suite("TEMPLATES.md lists the keys")
struct TemplateKeysDocumentedTests {
    /// Every key path of `value` under `prefix`: `a.b` for an object's fields, `a[].b` for a
    /// list's items. `params` holds the editor's own keys, so it is not looked into.
    static func paths(_ value: TemplateValue, _ prefix: String = "", into paths: inout Set<String>) {
        switch value {
        case .object(let fields):
            for (key, field) in fields {
                let path = prefix.isEmpty ? key : "\(prefix).\(key)"
                paths.insert(path)
                if key != "params" { Self.paths(field, path, into: &paths) }
            }
        case .list(let items):
            for item in items { Self.paths(item, prefix + "[]", into: &paths) }
        default:
            break
        }
    }

    /// The key paths of each kind of page, over every page of the fixture.
    static func modelPaths() throws -> [String: Set<String>] {
        let archive = try ContentLayout(root: TestSupport.fixture).loadArchive(includeDrafts: false)
        var byKind: [String: Set<String>] = [:]
        for page in Page.all(in: archive) {
            let links = Links(page: page.path(in: archive), config: archive.config, offline: false)
            let base = PageContext(archive: archive, links: links, kind: page.templateName, site: PageContext.siteValue(archive.config),
                                   generator: SiteBuilder.generator, buildYear: "2026")
            paths(page.context(base), into: &byKind[page.templateName, default: []])
        }
        return byKind
    }

    /// A table row's keys (every backticked name in its first cell) and the rest of the row.
    static func rows(_ lines: ArraySlice<String>) -> [(keys: [String], rest: String)] {
        lines.compactMap { line in
            guard line.hasPrefix("| `") else { return nil }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard cells.count >= 4 else { return nil }
            let keys = cells[1].split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
                // Key tables only: the search page's table of element ids is not one.
                .filter { $0.allSatisfy { $0.isLetter || $0.isNumber || "_.[]".contains($0) } }
            guard !keys.isEmpty else { return nil }
            return (keys, cells[2...].joined(separator: "|"))
        }
    }

    /// The names in the first `{…}` of `text`, and whether it was a list (`[{…}]`).
    static func braceNames(_ text: String) -> (names: [String], list: Bool)? {
        guard let open = text.range(of: "{"), let close = text.range(of: "}", range: open.upperBound..<text.endIndex) else { return nil }
        let names = text[open.upperBound..<close.lowerBound].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return (names.filter { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0 == "_" } }, text[..<open.lowerBound].hasSuffix("["))
    }

    /// The key paths docs/TEMPLATES.md gives each kind of page.
    static func documentedPaths() throws -> [String: Set<String>] {
        let lines = try TestSupport.read(TestSupport.repository.appendingPathComponent("docs/TEMPLATES.md")).components(separatedBy: "\n")
        func section(from start: String, to end: (String) -> Bool) -> ArraySlice<String> {
            guard let first = lines.firstIndex(where: { $0.hasPrefix(start) }) else { return [] }
            let last = lines[(first + 1)...].firstIndex(where: end) ?? lines.endIndex
            return lines[(first + 1)..<last]
        }
        let root = section(from: "## 4.", to: { $0.hasPrefix("### ") })
        let summary = section(from: "### The issue summary object", to: { $0.hasPrefix("Each entry of `tags`") })
        let tagEntry = section(from: "Each entry of `tags`", to: { $0.hasPrefix("#") })
        let summaryKeys = rows(summary).flatMap(\.keys)
        let tagKeys = rows(tagEntry).flatMap(\.keys)
        /// A summary's paths under `prefix` (`issues[]`).
        func summaryPaths(_ prefix: String) -> [String] {
            summaryKeys.map { "\(prefix).\($0)" } + tagKeys.map { "\(prefix).tags[].\($0)" }
        }
        func expand(_ rows: [(keys: [String], rest: String)]) -> Set<String> {
            var paths = Set<String>()
            for (keys, rest) in rows {
                for key in keys {
                    paths.insert(key)
                    if rest.contains("list of summaries") { paths.formUnion(summaryPaths("\(key)[]")) }
                    if rest.trimmingCharacters(in: .whitespaces).hasPrefix("summary") { paths.formUnion(summaryPaths(key)) }
                    if let (names, list) = braceNames(rest) { for name in names { paths.insert("\(key)\(list ? "[]" : "").\(name)") } }
                }
            }
            return paths
        }
        var rootPaths = expand(rows(root))
        // The prefixes of every path are paths too (`site` for `site.title`).
        rootPaths.formUnion(rootPaths.flatMap(prefixes))
        var byKind: [String: Set<String>] = [:]
        for kind in Page.requiredTemplates {
            var paths = expand(rows(section(from: "### `\(kind)`", to: { $0.hasPrefix("### ") || $0.hasPrefix("## ") })))
            // What the document says in words: the issue is a summary plus its own keys, and
            // an entity page has the home page's pagination.
            if kind == "issue" { paths.formUnion(summaryPaths("issue")) }
            if kind == "entity" { paths.formUnion(byKind["home", default: []].filter { $0.hasPrefix("pagination") || $0 == "has_pagination" || $0 == "is_first_page" }) }
            paths.formUnion(paths.flatMap(prefixes))
            byKind[kind] = paths.union(rootPaths)
        }
        return byKind
    }

    /// `a`, `a.b` and `a.b.c[]`'s parent `a.b.c` for `a.b.c[].d`.
    static func prefixes(_ path: String) -> [String] {
        var result: [String] = []
        var current = ""
        for part in path.split(separator: ".") {
            current = current.isEmpty ? String(part) : "\(current).\(part)"
            if current != path { result.append(current.hasSuffix("[]") ? String(current.dropLast(2)) : current) }
        }
        return result
    }

    @Test func everyKeyTheViewModelsHaveIsDocumentedAndEveryDocumentedKeyIsThere() throws {
        let model = try Self.modelPaths()
        let documented = try Self.documentedPaths()
        #expect(Set(model.keys) == Set(Page.requiredTemplates), "the fixture builds every kind of page")
        for kind in Page.requiredTemplates {
            let have = model[kind, default: []]
            let listed = documented[kind, default: []]
            #expect(have.count >= 20 && listed.count >= 20, "\(kind): \(have.count) keys in the view models, \(listed.count) in TEMPLATES.md")
            let undocumented = have.subtracting(listed).sorted()
            #expect(undocumented.isEmpty, "\(kind): keys the view models have that TEMPLATES.md does not list: \(undocumented)")
            // A key of a list's items can be seen only where the fixture's list has items.
            let missing = listed.subtracting(have).filter { path in
                guard let range = path.range(of: "[].", options: .backwards) else { return true }
                let items = String(path[..<range.upperBound])
                return have.contains { $0.hasPrefix(items) }
            }.sorted()
            #expect(missing.isEmpty, "\(kind): keys TEMPLATES.md lists that the view models do not carry: \(missing)")
        }
    }
}
