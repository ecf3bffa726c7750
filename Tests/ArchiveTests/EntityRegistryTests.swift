import Testing
@testable import Archive

@Suite("Entity registry")
struct EntityRegistryTests {
    private func error(_ yaml: String) -> String? {
        do {
            _ = try EntityRegistry.parse(yaml: yaml, path: "content/entities.yml")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func readsEveryField() throws {
        let registry = try EntityRegistry.parse(yaml: """
        # the registry
        - name: Nvidia
          kind: company
          aliases: [NVIDIA, {alias: nvidia corp, ignore_case: true}]
          description: Designer of GPUs.
          url: https://www.nvidia.com/
        - name: Jensen Huang
          kind: person
        - name: Stargate Norway
          kind: project
          slug: stargate-no
          aliases: []
        """, path: "content/entities.yml")
        #expect(registry.entities.count == 3)
        let nvidia = registry.entities[0]
        #expect(nvidia.slug == "nvidia")
        #expect(nvidia.kind == .company)
        #expect(nvidia.aliases == [Entity.Alias(text: "NVIDIA"), Entity.Alias(text: "nvidia corp", ignoreCase: true)])
        #expect(nvidia.description == "Designer of GPUs.")
        #expect(nvidia.url == "https://www.nvidia.com/")
        #expect(registry.entities[1].slug == "jensen-huang")
        #expect(registry.entities[2].slug == "stargate-no")
        #expect(registry.index(named: "NVIDIA") == 0)
        #expect(registry.index(named: "NVIDIA CORP") == 0)
        #expect(registry.index(named: "Nvidea") == nil)
        #expect(registry.closestName(to: "Nvidea") == "Nvidia")
    }

    @Test func emptyFileIsAnEmptyRegistry() throws {
        #expect(try EntityRegistry.parse(yaml: "# nothing yet\n", path: "e.yml").entities.isEmpty)
    }

    @Test func unknownKindNamesItsLine() {
        #expect(error("- name: A\n  kind: company\n- name: B\n  kind: robot\n")
                == "content/entities.yml:4: unknown kind 'robot' for B: use one of company, person, product, organization, place, project, other")
    }

    @Test func duplicateNameNamesBoth() {
        #expect(error("- name: Meta\n  kind: company\n- name: Other\n  kind: other\n- name: Meta\n  kind: product\n")
                == "content/entities.yml:5: name or alias 'Meta' is claimed by both Meta (line 1) and Meta")
    }

    @Test func aliasClaimedByTwoEntitiesNamesBoth() {
        #expect(error("- name: Alibaba Cloud\n  kind: company\n  aliases: [Alibaba]\n- name: Alibaba Group\n  kind: company\n  aliases: [Alibaba]\n")
                == "content/entities.yml:4: name or alias 'Alibaba' is claimed by both Alibaba Cloud (line 1) and Alibaba Group")
    }

    @Test func invalidYAMLNamesItsLine() {
        let message = error("- name: A\n  kind: company\n  aliases: [x, y\n- name: B\n")
        #expect(message?.hasPrefix("content/entities.yml:") == true)
        #expect(message?.contains("invalid YAML") == true)
    }

    @Test func missingNameAndBadShapes() {
        #expect(error("- kind: company\n") == "content/entities.yml:1: entity without a name")
        #expect(error("name: A\n")?.hasPrefix("content/entities.yml:1: entities.yml must be a list") == true)
        #expect(error("- name: A\n  aliases: Nope\n") == "content/entities.yml:2: aliases of A must be a list")
        #expect(error("- name: A\n  colour: red\n")?.hasPrefix("content/entities.yml:2: unknown key 'colour'") == true)
    }

    @Test func slugsMustNotCollide() {
        #expect(error("- name: Data Centre\n- name: Data-Centre\n")
                == "content/entities.yml:2: Data-Centre and Data Centre (line 1) would share the slug 'data-centre', so one page; give one a 'slug:'")
        #expect(error("- name: A\n  aliases: [B, B]\n") == "content/entities.yml:1: name or alias 'B' is listed twice for A")
    }
}
