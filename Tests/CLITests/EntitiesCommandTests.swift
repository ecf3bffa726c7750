import Foundation
import Testing

@Suite("broadsheet entities, as a user runs it")
struct EntitiesCommandTests {
    static let fixture = CommandRunner.repository.appendingPathComponent("Tests/SiteTests/Fixtures/archive")

    @Test func listsEntitiesWithCountsAsJSON() throws {
        let result = try CommandRunner.run(["entities", "--root", Self.fixture.path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let nscale = try #require(rows.first { $0["name"] as? String == "Nscale" })
        #expect(nscale["mentions"] as? Int == 3)
        #expect(nscale["issues"] as? Int == 2)
        #expect(nscale["kind"] as? String == "company")
        #expect(rows.first?["name"] as? String == "Nscale", "most mentioned first")
    }

    @Test func listsEntitiesAsATable() throws {
        let result = try CommandRunner.run(["entities"], in: Self.fixture)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Nscale"))
        #expect(result.stdout.contains("7 entities, 3 issues"))
    }

    @Test func suggestsNamesTheRegistryLacks() throws {
        let root = try CommandRunner.scratchArchive(issues: [
            "a.md": "---\ntitle: A\ndate: 2026-01-01\n---\nThe round was led by Goldman Sachs. Jane Street and Goldman Sachs joined. $NVDA rose; GB300 shipped.\n",
            "b.md": "---\ntitle: B\ndate: 2026-01-08\n---\nAnalysts at Goldman Sachs liked the GB300. $NVDA fell, and Jane Street sold.\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(["entities", "suggest", "--root", root.path, "--json", "--limit", "10"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let names = rows.compactMap { $0["name"] as? String }
        #expect(names.contains("Goldman Sachs"))
        #expect(names.contains("$NVDA"))
        #expect(names.contains("GB300"))
        #expect(!names.contains("The"))
        let goldman = try #require(rows.first { $0["name"] as? String == "Goldman Sachs" })
        #expect(goldman["count"] as? Int == 3)
        #expect((goldman["example"] as? String)?.contains("Goldman Sachs") == true)
    }

    @Test func suggestLeavesDraftsOutAndReportsBadFrontMatterOnItsLine() throws {
        let root = try CommandRunner.scratchArchive(issues: [
            "a.md": "---\ntitle: A\ndate: 2026-01-01\ndraft: true\n---\nGoldman Sachs led. Goldman Sachs again.\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let quiet = try CommandRunner.run(["entities", "suggest", "--root", root.path])
        #expect(quiet.status == 0, "\(quiet.stderr)")
        #expect(quiet.stdout == "No suggestions: every repeated name is in the registry.\n")

        try "---\ntitle: B\ndate: 2026-13-01\n---\nText.\n".write(to: root.appendingPathComponent("content/issues/b.md"), atomically: true, encoding: .utf8)
        let broken = try CommandRunner.run(["entities", "suggest", "--root", root.path])
        #expect(broken.status == 1)
        #expect(broken.stderr.hasPrefix("content/issues/b.md:3: cannot read date '2026-13-01'"))
    }

    @Test func badRegistryExitsOneWithItsLine() throws {
        let root = try CommandRunner.scratchArchive(issues: ["a.md": "---\ntitle: A\ndate: 2026-01-01\n---\nText.\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        try "- name: Nvidia\n  kind: company\n- name: Other\n  kind: company\n  aliases: [Nvidia]\n"
            .write(to: root.appendingPathComponent("content/entities.yml"), atomically: true, encoding: .utf8)
        for arguments in [["build"], ["entities"], ["entities", "suggest"]] {
            let result = try CommandRunner.run(arguments + ["--root", root.path])
            #expect(result.status == 1)
            #expect(result.stderr == "content/entities.yml:3: name or alias 'Nvidia' is claimed by both Nvidia (line 1) and Other\n")
        }
    }

    @Test func unknownEntityInFrontMatterSuggestsTheClosest() throws {
        let root = try CommandRunner.scratchArchive(issues: ["a.md": "---\ntitle: A\ndate: 2026-01-01\nentities: [Nvidiaa]\n---\nText.\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        try "- name: Nvidia\n  kind: company\n".write(to: root.appendingPathComponent("content/entities.yml"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["build", "--root", root.path])
        #expect(result.status == 1)
        #expect(result.stderr == "content/issues/a.md:4: entities names 'Nvidiaa', which is not in the entity registry (did you mean Nvidia?)\n")
    }
}

@Suite("broadsheet entities: warnings")
struct EntitiesWarningTests {
    @Test func duplicateKeysAreReportedButTheListStillPrints() throws {
        let root = try CommandRunner.scratchArchive(issues: ["one.md": "---\ntitle: One\ntitle: Two\ndate: 2026-01-05\n---\nHello.\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        try "- name: Hello\n  kind: other\n".write(to: root.appendingPathComponent("content/entities.yml"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["entities", "--root", root.path])
        #expect(result.status == 0)
        #expect(result.stderr == "content/issues/one.md:3: warning: duplicate key 'title'; the last one is used\n")
        #expect(result.stdout.contains("Hello"))
    }
}
