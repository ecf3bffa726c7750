import ArgumentParser
import Foundation
import Import

/// `broadsheet import`: brings another generator's posts into `content/issues/`. One
/// subcommand per generator; Jekyll is the first.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import posts from another static site generator into content/issues/.",
        subcommands: [JekyllImportCommand.self]
    )
}

/// `broadsheet import jekyll SRC`: a Jekyll site's `_posts/` as issues, and its
/// `_config.yml` as `content/site.yml` when the archive has none. Prints each skipped file
/// and each warning on stderr, then its notes (`content/site.yml: …`) and one summary line;
/// refuses (exit 1, nothing written) when `_config.yml` is malformed or an issue is already
/// where a post would go, unless `--force`.
struct JekyllImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jekyll",
        abstract: "Import a Jekyll site's _posts/ into content/issues/.",
        discussion: """
        Reads SRC/_posts/ (subfolders too) and writes each post to content/issues/ under the \
        root, keeping its subfolder and its name with the date written out in full. Front \
        matter is kept: categories and tags become tags, published: false becomes draft: true, \
        slug becomes jekyll_slug, and permalink stays, so that the build leaves a redirect at \
        the old address; a post without one gets the address _config.yml's permalink gave \
        it (Jekyll's placeholders filled in, without baseurl). When the archive has no \
        content/site.yml, one is made from _config.yml (title, description, url + baseurl, \
        author, lang); an existing one is never replaced. {{ site.baseurl }}, {{ site.url }} and {% post_url %} become relative \
        links; any other Liquid is left as it is, with a warning at its line. Files that are not \
        posts are listed as skipped. The source is only read.
        """
    )

    @Argument(help: ArgumentHelp("The Jekyll site's folder (holds _posts/).", valueName: "src"))
    var source: String

    @Option(name: .long, help: ArgumentHelp("The archive's root folder (holds content/).", valueName: "dir"))
    var root: String = "."

    @Flag(name: .long, help: "Replace issues already where imported posts go.")
    var force = false

    func run() throws {
        let job = JekyllImport(source: URL(fileURLWithPath: source), displayedAs: source, root: URL(fileURLWithPath: root))
        do {
            let plan = try job.plan()
            let problems = plan.problems(force: force)
            guard problems.isEmpty else { throw ImportRefusal(problems: problems) }
            var report = plan.skipped.map { "\($0)\n" }
            report += plan.warnings.map { "\($0)\n" }
            FileHandle.standardError.write(Data(report.joined().utf8))
            let written = try plan.writeAll(force: force)
            for note in written.notes { print(note) }
            print(plan.summary)
        } catch {
            FileHandle.standardError.write(Data("\(ErrorText.describe(error))\n".utf8))
            throw ExitCode.failure
        }
    }
}
