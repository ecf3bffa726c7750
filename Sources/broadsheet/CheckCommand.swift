import ArgumentParser
import Check
import Foundation

/// `broadsheet check`: reports every problem a build would meet, and the broken links and
/// missing alt texts it would not, without writing `site/`.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the archive before publishing: front matter, templates, entities, links, images. Writes nothing.",
        discussion: """
        Reads every issue (drafts and issues dated after today too), the settings, the entity \
        registry and the theme, renders every page in memory, and reports: errors a build \
        would stop at; links to issues, entities, tags and headings that do not exist; images \
        without alt text; empty issues; and, as warnings, template syntax such as Liquid left \
        in an issue's text and one address linked with different words in one issue. \
        Problems are printed as path:line: message (warnings as path:line: warning: message), \
        then a summary line. The exit status is 1 when there are errors, 0 otherwise.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The archive's root folder (holds content/).", valueName: "dir"))
    var root: String = "."

    @Flag(name: .long, help: "Also list every link to another site, as path:line: url on stdout. They are not fetched.")
    var external = false

    func run() throws {
        var check = ArchiveCheck(root: URL(fileURLWithPath: root))
        check.today = ProcessInfo.processInfo.environment["BROADSHEET_TODAY"]
        let report: CheckReport
        do {
            report = try check.run()
        } catch {
            FileHandle.standardError.write(Data("\(ErrorText.describe(error))\n".utf8))
            throw ExitCode.failure
        }
        let problems = report.findings.map { "\($0)\n" }.joined()
        FileHandle.standardError.write(Data(problems.utf8))
        if external {
            for link in report.externalLinks { print(link.description) }
        }
        let listed = report.externalLinks.count
        print(report.summaryLine + (external ? " \(listed) external link\(listed == 1 ? "" : "s") listed, not fetched." : ""))
        if report.errorCount > 0 { throw ExitCode.failure }
    }
}
