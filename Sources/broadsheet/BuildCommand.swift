import ArgumentParser
import Foundation
import Site

/// `broadsheet build`: turns the archive into a website in one atomic step.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site from content/ into site/.",
        discussion: """
        The build is written to a new folder beside the output and swapped in only when \
        it succeeds, so a failed build never damages the site already there. The output \
        must be a folder an earlier build made (it holds .broadsheet-build.json), an \
        empty folder, or a new one: another folder is refused unless you pass --force, \
        which moves its files aside instead of deleting them. The root, content/ and \
        templates/ are never used, --force or not. Errors are printed as \
        path:line: message, with exit status 1; warnings as path:line: warning: message.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The archive's root folder (holds content/).", valueName: "dir"))
    var root: String = "."

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: ROOT/site).", valueName: "dir"))
    var output: String?

    @Flag(name: .long, help: "Include issues marked draft: true.")
    var drafts = false

    @Flag(name: .long, help: "Include issues dated after today.")
    var future = false

    @Flag(name: .long, help: "Write relative links with index.html, so the site browses from file:// with no server.")
    var offline = false

    @Flag(name: .shortAndLong, help: "Print only the summary line.")
    var quiet = false

    @Flag(name: .long, help: "After the build, print how long each step took (to stderr).")
    var timings = false

    @Flag(name: .long, help: "Replace an output folder Broadsheet did not build; its files are moved aside, not deleted.")
    var force = false

    @Flag(name: .long, help: "Treat warnings (such as a duplicate front-matter key) as errors, for CI.")
    var strict = false

    func run() throws {
        let rootURL = URL(fileURLWithPath: root)
        var options = BuildOptions(
            root: rootURL,
            output: output.map { URL(fileURLWithPath: $0) },
            includeDrafts: drafts,
            offline: offline,
            force: force,
            strict: strict)
        options.includeFuture = future
        // For tests and reproducible builds: the date after which an issue is in the future.
        options.today = ProcessInfo.processInfo.environment["BROADSHEET_TODAY"]
        let reporter = ProgressReporter(enabled: !quiet && isatty(STDERR_FILENO) == 1)
        do {
            let builder = SiteBuilder(options: options, progress: reporter.report) { warnings in
                reporter.finish()
                let text = warnings.map { "\($0)\n" }.joined()
                FileHandle.standardError.write(Data(text.utf8))
            }
            let report = try builder.build()
            reporter.finish()
            if let leftover = report.leftover {
                FileHandle.standardError.write(Data("warning: \(leftover)\n".utf8))
            }
            if let setAside = report.setAside {
                FileHandle.standardError.write(Data("note: --force moved what was in \(report.output.path) to \(setAside.path)\n".utf8))
            }
            if timings {
                for line in report.timingLines { FileHandle.standardError.write(Data("\(line)\n".utf8)) }
            }
            print(report.summaryLine)
            if let leftOut = report.leftOutLine { print(leftOut) }
        } catch {
            reporter.finish()
            FileHandle.standardError.write(Data("\(ErrorText.describe(error))\n".utf8))
            throw ExitCode.failure
        }
    }
}
