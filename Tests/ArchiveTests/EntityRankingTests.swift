import Foundation
import Testing
@testable import Archive

/// What `broadsheet entities` lists, and what the name suggester must not propose again.
@Suite("Entity ranking and known names")
struct EntityRankingTests {
    @Test func mostMentionedFirstThenMoreIssuesThenName() throws {
        let archive = try TemporaryArchive()
        try archive.write("content/entities.yml", """
        - name: Zeta
          kind: company
        - name: Alpha
          kind: company
        - name: Beta
          kind: company
        - name: Gamma
          kind: company
        """)
        // Zeta: 2 mentions in 1 issue; Alpha and Beta: 2 mentions in 2 issues; Gamma: none.
        try archive.write("content/issues/a.md", "---\ntitle: A\ndate: 2026-01-01\n---\nZeta met Zeta. Beta spoke. Alpha too.\n")
        try archive.write("content/issues/b.md", "---\ntitle: B\ndate: 2026-01-02\n---\nAlpha and Beta again.\n")
        let loaded = try ContentLayout(root: archive.root).loadArchive(includeDrafts: false)
        let names = loaded.entitiesByMentions.map { loaded.registry.entities[$0].name }
        #expect(names == ["Alpha", "Beta", "Zeta", "Gamma"])
    }

    @Test func knownNamesHoldEveryAliasAndLowercaseForCaseFreeOnes() throws {
        let registry = try EntityRegistry.parse(yaml: """
        - name: Nvidia
          kind: company
          aliases: [NVIDIA, {alias: Nvidia Corp, ignore_case: true}]
        """, path: "content/entities.yml")
        #expect(registry.knownNames == ["Nvidia", "NVIDIA", "Nvidia Corp", "nvidia corp"])
    }
}
