import Foundation
import Testing
@testable import Search

/// `IndexMemory`: an index rebuilt after an edit, weighing again only the terms the
/// edited documents hold, is the index a fresh build of the same documents makes, byte
/// for byte; and an edit that moves what every term depends on starts over.
@Suite("Incremental index")
struct IncrementalIndexTests {
    /// Small files of every kind: three results a term (so most terms have postings),
    /// chunks of eight documents.
    static var options: IndexOptions {
        var options = IndexOptions()
        options.topCount = 3
        options.documentsPerChunk = 8
        return options
    }

    /// Forty documents from a fixed vocabulary, with several forms of some stems, tags,
    /// entities and dates; the same every time.
    static func archive() -> [SearchDocument] {
        var random = SeededRandom(seed: 11)
        let words = ["connect", "connected", "connecting", "connection", "server", "servers", "rack", "racks", "cooling",
                     "power", "grid", "model", "models", "training", "inference", "chip", "chips", "memory", "bandwidth",
                     "latency", "cluster", "clusters", "the", "of", "and", "a", "to", "in", "data", "centre", "centres",
                     "GPU", "GPUs", "H100", "throughput", "token", "tokens", "watt", "watts", "fibre", "network"]
        let tags = [SearchLabel(slug: "chips", name: "Chips"), SearchLabel(slug: "power", name: "Power"),
                    SearchLabel(slug: "models", name: "Models")]
        return (0..<40).map { number in
            let body = (0..<(60 + random.next(40))).map { _ in words[random.next(words.count)] }.joined(separator: " ")
            return SearchDocument(fields: [.title: "Issue \(number): \(words[random.next(words.count)]) \(words[random.next(words.count)])",
                                           .summary: (0..<8).map { _ in words[random.next(words.count)] }.joined(separator: " "),
                                           .headings: "On \(words[random.next(words.count)])",
                                           .body: body + " rare\(number)word",
                                           .tags: tags[number % 3].name,
                                           .entities: number % 4 == 0 ? "Nvidia" : ""],
                                  date: "2026-\(number % 12 + 1 < 10 ? "0" : "")\(number % 12 + 1)-\(number % 27 + 10)",
                                  url: "issues/\(number)/", tags: [tags[number % 3]], entities: number % 4 == 0 ? ["nvidia"] : [])
        }
    }

    static let things = [NamedThing(names: ["Nvidia"], key: "nvidia", kind: "company", mentions: 10, url: "entities/nvidia/")]

    /// Builds `documents` with `memory` and from nothing, expects the same files, and
    /// returns how the remembering build went.
    @discardableResult
    func expectSameAsFresh(_ documents: [SearchDocument], memory: IndexMemory, _ comment: Comment,
                           sourceLocation: SourceLocation = #_sourceLocation) -> IndexBuildKind {
        let builder = IndexBuilder(options: Self.options)
        let remembered = IndexWriter().files(for: builder.build(documents, things: Self.things, memory: memory)!)
        let fresh = IndexWriter().files(for: builder.build(documents, things: Self.things))
        #expect(remembered.map(\.name) == fresh.map(\.name), comment, sourceLocation: sourceLocation)
        for (a, b) in zip(remembered, fresh) where a.contents != b.contents {
            Issue.record("\(comment): \(a.name) differs from a fresh build's", sourceLocation: sourceLocation)
        }
        // What the next build starts from must be right too, though no file shows it: each
        // term's highest weight, which sets the scale once one of them is the archive's highest.
        let whole = builder.buildWhole(IndexBuilder.newestFirst(documents), things: Self.things, keeping: true, shouldStop: { false })?.state
        #expect(memory.previous?.highestWeights == whole?.highestWeights, "\(comment): each term's highest weight", sourceLocation: sourceLocation)
        return memory.lastBuildKind
    }

    func edited(_ documents: [SearchDocument], _ id: Int, _ field: SearchField, _ change: (String) -> String) -> [SearchDocument] {
        var documents = documents
        documents[id].fields[field] = change(documents[id].fields[field] ?? "")
        return documents
    }

    @Test func editsToTextWeighOnlyTheirTermsAndGiveAFreshBuildsBytes() {
        let memory = IndexMemory()
        var documents = Self.archive()
        #expect(expectSameAsFresh(documents, memory: memory, "first build") == .whole(reason: "no index before"))
        let edits: [(String, (inout [SearchDocument]) -> Void)] = [
            ("one word for another", { $0 = edited($0, 5, .body) { $0.replacingOccurrences(of: "cooling", with: "power") } }),
            ("a word new to the archive", { $0 = edited($0, 5, .body) { $0 + " zephyrine" } }),
            ("the last of a word taken out", { $0 = edited($0, 7, .body) { $0.replacingOccurrences(of: "rare7word", with: "rack") } }),
            ("a new form of a stem", { $0 = edited($0, 9, .body) { $0 + " connections" } }),
            ("a new form before the others", { $0 = edited($0, 10, .body) { $0 + " cool" } }),
            ("that form taken out", { $0 = edited($0, 10, .body) { $0.replacingOccurrences(of: " cool", with: " ") } }),
            ("the only one of a form taken out", { $0 = edited($0, 9, .body) { $0.replacingOccurrences(of: " connections", with: "") } }),
            ("a title", { $0 = edited($0, 12, .title) { $0 + " and latency" } }),
            // Fields of few words move their average with a word or two in forty documents, so
            // these keep their lengths (the next test has an edit that moves an average).
            ("a summary and headings", { docs in
                docs = edited(docs, 3, .summary) { _ in "a short summary of cooling and power grids" }
                docs = edited(docs, 3, .headings) { _ in "On fibre" }
            }),
            ("a tag the archive has", { $0[14].tags = [SearchLabel(slug: "power", name: "Power")]; $0[14].fields[.tags] = "Power" }),
            ("an entity mentioned elsewhere", { docs in
                docs[15].entities = ["nvidia"]
                docs[15].fields[.entities] = "Nvidia"
                docs[16].entities = []
                docs[16].fields[.entities] = nil
            }),
            ("a rare word's only document made longer", { $0 = edited($0, 11, .body) { $0 + " the of and a to in data" } }),
            ("a new word in two documents", { docs in
                docs = edited(docs, 20, .body) { $0 + " cooling zircon racks" }
                docs = edited(docs, 21, .body) { $0 + " zircon zircon" }
            }),
            // Patched (two documents hold it before and after), with a new excerpt.
            ("the words around it in one", { $0 = edited($0, 20, .body) { $0.replacingOccurrences(of: " cooling zircon racks", with: " fibre zircon watts") } }),
            ("the same document again", { $0 = edited($0, 5, .body) { $0 + " servers" } }),
            ("three documents at once", { docs in
                for id in [0, 20, 39] { docs = edited(docs, id, .body) { $0 + " bandwidth tokens" } }
            }),
            ("a document back as it was", { $0[5] = Self.archive()[5] }),
        ]
        var patchedInAll = 0
        for (name, edit) in edits {
            edit(&documents)
            let kind = expectSameAsFresh(documents, memory: memory, "after \(name)")
            guard case .changed(let changed, let terms, let patched) = kind else {
                Issue.record("after \(name): built whole (\(kind)), expected only the touched terms")
                continue
            }
            #expect(changed >= 1 && terms > 0 && terms < 60, "after \(name): \(changed) documents, \(terms) terms made again")
            patchedInAll += patched
            if name == "one word for another" {
                // Its document keeps every other word, so every other entry is patched.
                #expect(patched > 0 && patched < terms, "\(patched) of \(terms) patched")
            }
        }
        #expect(patchedInAll > 100, "most touched terms are patched: \(patchedInAll)")
        #expect(expectSameAsFresh(documents, memory: memory, "nothing changed") == .changed(documents: 0, terms: 0, patched: 0))
    }

    @Test func editsThatMoveEveryTermStartOverAndStillGiveAFreshBuildsBytes() {
        let memory = IndexMemory()
        var documents = Self.archive()
        expectSameAsFresh(documents, memory: memory, "first build")
        let edits: [(String, String, (inout [SearchDocument]) -> Void)] = [
            ("a new tag", "the tags, entities or years changed", {
                $0[2].tags.append(SearchLabel(slug: "cooling", name: "Cooling"))
                $0[2].fields[.tags] = ($0[2].fields[.tags] ?? "") + "\nCooling"
            }),
            ("a new date", "a document's date or address changed", { $0[4].date = "2027-01-01" }),
            ("a new document", "41 documents, 40 before", {
                $0.append(SearchDocument(fields: [.title: "New", .body: "cooling racks"], date: "2026-05-05", url: "issues/new/"))
            }),
            ("a document deleted", "40 documents, 41 before", { $0.remove(at: 10) }),
            ("a body ten times longer", "an average field length moved to its next step", { docs in
                docs = edited(docs, 6, .body) { String(repeating: $0 + " ", count: 10) }
            }),
        ]
        for (name, reason, edit) in edits {
            edit(&documents)
            #expect(expectSameAsFresh(documents, memory: memory, "after \(name)") == .whole(reason: reason), "after \(name)")
        }
        // After starting over, the next small edit is incremental again.
        documents = edited(documents, 1, .body) { $0 + " watts" }
        let kind = expectSameAsFresh(documents, memory: memory, "a small edit after starting over")
        #expect(kind.changedDocuments == 1, "\(kind)")
    }

    @Test func aStoppedRebuildLeavesTheMemoryAsItWas() {
        let memory = IndexMemory()
        let documents = Self.archive()
        expectSameAsFresh(documents, memory: memory, "first build")
        let changed = edited(documents, 8, .body) { $0 + " zephyrine" }
        #expect(IndexBuilder(options: Self.options).build(changed, things: Self.things, memory: memory, shouldStop: { true }) == nil)
        #expect(memory.lastBuildKind == .whole(reason: "no index before"))
        #expect(expectSameAsFresh(changed, memory: memory, "after the stopped one").changedDocuments == 1)
    }
}

extension IndexBuildKind {
    /// The changed documents of a build that made only the touched terms again; -1 otherwise.
    var changedDocuments: Int {
        if case .changed(let documents, _, _) = self { return documents }
        return -1
    }
}

/// A small deterministic generator (SplitMix64), so the archive is the same in every run.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
