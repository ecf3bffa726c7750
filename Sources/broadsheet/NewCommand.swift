import ArgumentParser
import Archive
import Foundation

/// `broadsheet new "Title"`: starts the next issue, `content/issues/DATE-slug.md`, with its
/// front matter filled in and the next issue number; never over an existing file.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new issue: write content/issues/DATE-slug.md with its front matter and the next number."
    )

    @Argument(help: "The issue's title.")
    var title: String

    @Option(name: .long, help: ArgumentHelp("The issue's date (default: today).", valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(name: .long, help: ArgumentHelp("Tags, separated by commas.", valueName: "a,b"))
    var tags: String?

    @Option(name: .long, help: ArgumentHelp("The archive's root folder (holds content/).", valueName: "dir"))
    var root: String = "."

    func run() throws {
        func fail(_ message: String) -> ExitCode {
            FileHandle.standardError.write(Data("error: \(message)\n".utf8))
            return ExitCode.failure
        }
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else { throw fail("the title is empty") }
        if let date, date.utf8.count != 10 || IssueDate(parsing: date)?.isoDate != date {
            throw fail("--date must be a date like 2026-12-04, not '\(date)'")
        }
        do {
            let layout = try ContentLayout(root: URL(fileURLWithPath: root))
            // Every issue counts for the next number, drafts and future ones too.
            let existing = FileManager.default.fileExists(atPath: layout.issuesDirectory.path)
                ? try layout.loadContent(includeDrafts: true, includeFuture: true).issues : []
            let tagList = (tags ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let issue = NewIssue(title: title.trimmingCharacters(in: .whitespaces), date: date ?? LeftOut.today(), tags: tagList, existing: existing)
            print(try issue.write(into: layout))
        } catch {
            FileHandle.standardError.write(Data("\(ErrorText.describe(error))\n".utf8))
            throw ExitCode.failure
        }
    }
}
