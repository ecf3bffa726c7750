import ArgumentParser

/// The `broadsheet` command: a thin layer of subcommands over the pipeline modules.
@main
struct Broadsheet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "broadsheet",
        abstract: "Build a newsletter archive into a static website.",
        discussion: """
        Broadsheet turns a folder of Markdown newsletter issues (content/issues/*.md, \
        each with front matter) into a website: a page per issue, tag pages, an archive \
        by month, a feed and a sitemap.
        """,
        version: "0.1.0",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, SearchCommand.self, EntitiesCommand.self, NewCommand.self,
                      ImportCommand.self],
        defaultSubcommand: nil
    )
}
