import ArgumentParser
import Foundation
import Search

/// `broadsheet search`: the site's own search, in a terminal, reading the index the
/// build wrote (the same files, and the same results, as the search page).
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search a built site's index.",
        discussion: """
        Words match all together, ranked by relevance. "exact phrases", -word to leave \
        out, and the filters tag:, entity:, year:, after: and before: work as on the \
        search page. The last word also matches as a prefix unless a space follows it. \
        A query that names an entity shows the entity first.
        """
    )

    @Argument(help: "The query, quoted as one argument.")
    var query: String

    @Option(name: .long, help: ArgumentHelp("The built site (holds search/index/).", valueName: "dir"))
    var site: String = "site"

    @Option(name: .long, help: "How many issues to show (at least 1).")
    var limit: Int = 10

    @Option(name: .long, help: ArgumentHelp("relevance (default) or date (newest first).", valueName: "order"))
    var sort: SearchOrder = .relevance

    @Flag(name: .long, help: """
        Print the results as JSON: a list of {kind, title, url, excerpt}, with date, score and \
        tags for an issue (kind "issue"), and entityKind and mentions for the entity the \
        query names (kind "entity", first).
        """)
    var json = false

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1 (it was \(limit))") }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: site).appendingPathComponent("search/index")
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("manifest.js").path) else {
            fail("\(site): no search index here (search/index/manifest.js is missing); build the site with `broadsheet build`, or point --site at a built site")
        }
        let results: SearchResults
        do {
            results = try SearchEngine(index: try StoredIndex(source: DirectoryIndexSource(folder: folder))).search(query, order: sort, limit: limit)
        } catch let error as IndexFormatError {
            fail("\(folder.path): \(error); rebuild the site with `broadsheet build`")
        }
        for note in results.notes { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
        if json {
            try JSONOutput.print(SearchOutput.results(results))
        } else {
            print(SearchOutput.text(results, query: query), terminator: "")
        }
    }

    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
        Self.exit(withError: ExitCode.failure)
    }
}

extension SearchOrder: ExpressibleByArgument {}
