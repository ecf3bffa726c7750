import ArgumentParser
import Foundation
import Preview

/// `broadsheet serve`: a local preview that rebuilds and reloads as the editor saves.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site locally, rebuilding and reloading open pages on every save.",
        discussion: """
        The preview is built into a folder of its own under the system's temporary directory \
        (never ROOT/site/) with links to http://HOST:PORT/, and served there. Saving a file in \
        content/ or templates/ rebuilds the site; open pages reload once the new files are in \
        place (a stylesheet-only change swaps the styles without a reload). A build error is \
        printed as path:line: message and shown over the open pages, while the last good \
        build stays served. Ctrl-C stops the preview and removes its folder.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The archive's root folder (holds content/).", valueName: "dir"))
    var root: String = "."

    @Option(name: .long, help: "The port to serve on; 0 picks a free one.")
    var port: Int = 8000

    @Option(name: .long, help: "The address to listen on. 0.0.0.0 makes the preview visible on the network.")
    var host: String = "127.0.0.1"

    @Flag(name: .long, help: "Include issues marked draft: true.")
    var drafts = false

    @Flag(name: .long, help: "Include issues dated after today.")
    var future = false

    @Flag(name: .long, help: "Build with relative index.html links, as build --offline does, to check them.")
    var offlineCheck = false

    @Flag(name: .long, help: "After each build, print how long each step took.")
    var timings = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let say: @Sendable (String) -> Void = { line in FileHandle.standardError.write(Data("\(line)\n".utf8)) }
        if host != "127.0.0.1" && host != "localhost" && host != "::1" {
            say("warning: serving on \(host): anyone who can reach this machine on port \(port) can see the preview, drafts included if --drafts")
        }
        var options = PreviewServer.Options(root: URL(fileURLWithPath: root), host: host, port: port, includeDrafts: drafts, offline: offlineCheck,
                                            timings: timings)
        options.includeFuture = future
        do {
            let server = try PreviewServer(options: options, describe: { ErrorText.describe($0) }, say: say)
            try await server.run()
        } catch let error as PreviewServer.StartError {
            say(error.description)
            throw ExitCode.failure
        }
    }
}
