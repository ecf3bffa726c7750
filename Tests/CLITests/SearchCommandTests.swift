import Foundation
import Testing

@Suite("broadsheet search, as a user runs it")
struct SearchCommandTests {
    static let fixture = CommandRunner.repository.appendingPathComponent("Tests/SiteTests/Fixtures/archive")

    /// The fixture archive built into a scratch site.
    static func builtSite() throws -> URL {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-search-\(UUID().uuidString)")
        let build = try CommandRunner.run(["build", "--root", fixture.path, "--output", site.path, "--quiet"])
        #expect(build.status == 0, "\(build.stderr)")
        return site
    }

    @Test func printsResultsAsJSONWithTheEntityCardFirst() throws {
        let site = try Self.builtSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let result = try CommandRunner.run(["search", "nscale", "--site", site.path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.first?["kind"] as? String == "entity")
        #expect(rows.first?["url"] as? String == "/entities/nscale/")
        let issues = rows.filter { $0["kind"] as? String == "issue" }
        #expect(issues.count == 2)
        for issue in issues {
            for key in ["title", "url", "date", "score", "excerpt"] { #expect(issue[key] != nil, "issue result has \(key)") }
            #expect((issue["url"] as? String)?.hasPrefix("/issues/") == true)
        }
        let scores = issues.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >), "best first")
    }

    @Test func limitSortAndTextOutput() throws {
        let site = try Self.builtSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let limited = try CommandRunner.run(["search", "nscale", "--site", site.path, "--limit", "1"])
        #expect(limited.status == 0, "\(limited.stderr)")
        #expect(limited.stdout.contains("1. "))
        #expect(!limited.stdout.contains("2. "))
        #expect(limited.stdout.contains("showing the first 1"))
        let byDate = try CommandRunner.run(["search", "nscale", "--site", site.path, "--sort", "date", "--json"])
        let dates = (try JSONSerialization.jsonObject(with: Data(byDate.stdout.utf8)) as? [[String: Any]] ?? []).compactMap { $0["date"] as? String }
        #expect(dates.count == 2 && dates == dates.sorted(by: >), "newest first")
        let none = try CommandRunner.run(["search", "zzzzqqq ", "--site", site.path])
        #expect(none.status == 0)
        #expect(none.stdout.contains("No issues match"))
    }

    @Test func aMalformedQueryRunsAndSaysWhatItIgnored() throws {
        let site = try Self.builtSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let result = try CommandRunner.run(["search", "\"nscale year:abc", "--site", site.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("note: ignored an unclosed quote"))
    }

    @Test func aFolderWithNoIndexIsRefusedWithTheWayOut() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-noindex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let result = try CommandRunner.run(["search", "nscale", "--site", empty.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no search index here"))
        #expect(result.stderr.contains("broadsheet build"))
        let defaultSite = try CommandRunner.run(["search", "nscale"], in: empty)
        #expect(defaultSite.status == 1, "the default is ./site, which is not there")
        #expect(defaultSite.stderr.hasPrefix("site: no search index here"))
    }

    @Test func aLimitBelowOneIsRefused() throws {
        for limit in ["0", "-3"] {
            let result = try CommandRunner.run(["search", "nscale", "--site", "nowhere", "--limit=\(limit)"])
            #expect(result.status != 0)
            #expect(result.stderr.contains("--limit must be at least 1"), "\(limit): \(result.stderr)")
        }
    }

    @Test func aDamagedIndexIsRefused() throws {
        let site = try Self.builtSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let manifest = site.appendingPathComponent("search/index/manifest.js")
        let text = try Data(contentsOf: manifest)
        try text.prefix(text.count / 2).write(to: manifest)
        let result = try CommandRunner.run(["search", "nscale", "--site", site.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("damaged search index: manifest.js is cut off"))
        #expect(result.stderr.contains("rebuild the site"))
    }
}
