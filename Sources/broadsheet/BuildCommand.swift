import ArgumentParser
import Foundation
import Site

/// `broadsheet build`: turns the archive into a website in one atomic step.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site from content/ into site/.",
        discussion: """
        The build is written to a new folder beside the output and only replaces the \
        output when it succeeds, so a failed build never damages the site already there. \
        Errors are printed as path:line: message, with exit status 1.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The archive's root folder (holds content/).", valueName: "dir"))
    var root: String = "."

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: ROOT/site).", valueName: "dir"))
    var output: String?

    @Flag(name: .long, help: "Include issues marked draft: true.")
    var drafts = false

    @Flag(name: .long, help: "Write relative links with index.html, so the site browses from file:// with no server.")
    var offline = false

    @Flag(name: .shortAndLong, help: "Print only the summary line.")
    var quiet = false

    @Flag(name: .long, help: "After the build, print how long each step took (to stderr).")
    var timings = false

    func run() throws {
        let rootURL = URL(fileURLWithPath: root)
        let options = BuildOptions(
            root: rootURL,
            output: output.map { URL(fileURLWithPath: $0) },
            includeDrafts: drafts,
            offline: offline)
        let reporter = ProgressReporter(enabled: !quiet && isatty(STDERR_FILENO) == 1)
        do {
            let report = try SiteBuilder(options: options, progress: reporter.report).build()
            reporter.finish()
            if timings {
                for stage in report.stages {
                    FileHandle.standardError.write(Data(String(format: "%8.3f s  %@\n", stage.seconds, stage.name).utf8))
                }
            }
            print(report.summaryLine)
        } catch {
            reporter.finish()
            FileHandle.standardError.write(Data("\(ErrorText.describe(error))\n".utf8))
            throw ExitCode.failure
        }
    }
}
