import ArgumentParser
import Archive
import Foundation

/// `broadsheet entities`: what the registry holds and how often issues mention it.
struct EntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "List the entity registry with mention counts, or suggest names to add.",
        subcommands: [ListEntities.self, SuggestEntities.self],
        defaultSubcommand: ListEntities.self
    )
}

/// Options every entities subcommand shares.
struct ArchiveOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The archive's root folder (holds content/).", valueName: "dir"))
    var root: String = "."

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    /// Loads the archive with mentions found (links are irrelevant here), printing
    /// any warnings (duplicate keys) to stderr as `build` does.
    func loadArchive() throws -> NewsletterArchive {
        let content = try ContentLayout(root: URL(fileURLWithPath: root)).loadContent(includeDrafts: false)
        report(content.warnings)
        return content.makeArchive()
    }

    /// Prints warnings (duplicate keys) to stderr, as `build` does.
    func report(_ warnings: [ContentWarning]) {
        if !warnings.isEmpty { FileHandle.standardError.write(Data(warnings.map { "\($0)\n" }.joined().utf8)) }
    }
}

/// `broadsheet entities [list]`: each entity with its mention and issue counts.
struct ListEntities: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print each entity with its mention and issue counts, most mentioned first.")

    @OptionGroup var options: ArchiveOptions

    func run() throws {
        let archive = try CommandErrors.reporting { try options.loadArchive() }
        let order = archive.entitiesByMentions
        if options.json {
            try JSONOutput.print(order.map { index in
                let entity = archive.registry.entities[index]
                return EntityRow(name: entity.name, slug: entity.slug, kind: entity.kind.rawValue,
                                 mentions: archive.entityMentionCounts[index], issues: archive.entityIssues[index].count)
            })
            return
        }
        let width = max(6, archive.registry.entities.map(\.name.count).max() ?? 0)
        print("\("entity".padding(toLength: width, withPad: " ", startingAt: 0))  kind          mentions  issues")
        for index in order {
            let entity = archive.registry.entities[index]
            print("\(entity.name.padding(toLength: width, withPad: " ", startingAt: 0))  "
                  + "\(entity.kind.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0))  "
                  + "\(String(archive.entityMentionCounts[index]).leftPadded(8))  \(String(archive.entityIssues[index].count).leftPadded(6))")
        }
        print("\(archive.registry.entities.count) entities, \(archive.issues.count) issues")
    }
}

/// `broadsheet entities suggest`: names the issues use that the registry lacks.
struct SuggestEntities: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Propose names that are not yet in the registry, with a count and an example sentence each.",
        discussion: "Candidates are repeated capitalised multi-word names, tickers such as $NVDA, and product names like GB300 or Qwen3.")

    @OptionGroup var options: ArchiveOptions

    @Option(name: .long, help: "How many suggestions to print.")
    var limit: Int = 30

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        // Only the issues' plain text and the registry's names: nothing is rendered or linked.
        let (documents, registry) = try CommandErrors.reporting { () throws -> ([(path: String, text: String)], EntityRegistry) in
            let layout = try ContentLayout(root: URL(fileURLWithPath: options.root))
            var warnings: [ContentWarning] = []
            let registry = try layout.loadRegistry(warnings: &warnings)
            options.report(warnings)
            return (try layout.loadPlainTexts(includeDrafts: false), registry)
        }
        let suggestions = NameSuggester.suggest(documents: documents, known: registry.knownNames, limit: limit)
        if options.json {
            try JSONOutput.print(suggestions.map { suggestion in
                SuggestionRow(name: suggestion.name, count: suggestion.count, issues: suggestion.documentCount,
                              reason: suggestion.reason, example: suggestion.example, examplePath: suggestion.examplePath)
            })
            return
        }
        if suggestions.isEmpty {
            print("No suggestions: every repeated name is in the registry.")
            return
        }
        for suggestion in suggestions {
            print("\(String(suggestion.count).leftPadded(5))  \(suggestion.name)  (\(suggestion.reason.rawValue), \(suggestion.documentCount) issues)")
            print("       \(suggestion.examplePath): \(suggestion.example)")
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

/// One entity in `entities --json`.
struct EntityRow: Encodable {
    var name: String
    var slug: String
    var kind: String
    var mentions: Int
    var issues: Int
}

/// One suggestion in `entities suggest --json`.
struct SuggestionRow: Encodable {
    var name: String
    var count: Int
    var issues: Int
    var reason: NameSuggestion.Reason
    var example: String
    var examplePath: String

    enum CodingKeys: String, CodingKey {
        case name, count, issues, reason, example
        case examplePath = "example_path"
    }
}

/// Runs a step, printing a content error as `path:line: message` and exiting 1.
enum CommandErrors {
    static func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            FileHandle.standardError.write(Data("\(ErrorText.describe(error))\n".utf8))
            throw ExitCode.failure
        }
    }
}
