import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `broadsheet serve`, run as an editor would: a real server on a free port.
@Suite("broadsheet serve", .serialized)
struct ServeCommandTests {
    private static let issue = "---\ntitle: First\ndate: 2026-01-05\ntags: [chips]\n---\nNvidia shipped the first racks.\n"

    private func archive() throws -> URL {
        try CommandRunner.scratchArchive(issues: ["2026-01-05-first.md": Self.issue])
    }

    /// A scratch archive, `serve` running on it, and a page's event stream, connected.
    private func servedArchive() throws -> (URL, ServeProcess, ServeProcess.Events) {
        let root = try archive()
        let server = try ServeProcess(["--root", root.path, "--port", "0"])
        let events = try server.events()
        try events.waitFor(": connected", within: 5)
        return (root, server, events)
    }

    @Test func servesTheSiteWithLocalLinksAndLeavesRootSiteAlone() throws {
        let root = try archive()
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try ServeProcess(["--root", root.path, "--port", "0"])
        defer { server.interrupt() }
        #expect(server.stderr.contains("first build"))

        let home = try server.get("/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"]?.hasPrefix("text/html") == true)
        #expect(home.headers["etag"] != nil && home.headers["last-modified"] != nil)
        #expect(home.body.contains("href=\"http://127.0.0.1:\(server.port)/issues/2026-01-05-first/\"") || home.body.contains("/issues/2026-01-05-first/"))
        #expect(home.body.hasSuffix("<script src=\"/_broadsheet/live.js\"></script>\n"))
        #expect(Int(home.headers["content-length"] ?? "") == home.body.utf8.count)

        let feed = try server.get("/feed.xml")
        #expect(feed.status == 200)
        #expect(feed.body.contains("http://127.0.0.1:\(server.port)/"))
        #expect(!feed.body.contains("https://example.org/"))
        #expect(!feed.body.contains("live.js"), "only HTML pages get the script")

        let issue = try server.get("/issues/2026-01-05-first")
        #expect(issue.status == 301 || issue.status == 308, "a folder without its slash is redirected")
        #expect(try server.get("/issues/2026-01-05-first/").body.contains("Nvidia shipped the first racks."))
        let css = try server.get("/assets/style.css")
        #expect(css.status == 200 && css.headers["content-type"]?.hasPrefix("text/css") == true)
        #expect(try server.get("/_broadsheet/live.js").body.contains("EventSource"))
        let source = try server.get("/issues/2026-01-05-first/index.md")
        #expect(source.status == 200 && source.headers["content-type"] == "text/markdown; charset=utf-8", "\(source.headers)")
        #expect(source.body.contains("Nvidia shipped the first racks.") && !source.body.contains("live.js"))

        let missing = try server.get("/no/such/page/")
        #expect(missing.status == 404)
        #expect(missing.body.contains("<html"), "the theme's 404 page")

        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path), "serve never writes ROOT/site")
    }

    @Test func neverServesAFileFromOutsideItsFolder() throws {
        let root = try archive()
        defer { try? FileManager.default.removeItem(at: root) }
        let secret = root.appendingPathComponent("secret.txt")
        try "secret words".write(to: secret, atomically: true, encoding: .utf8)
        let server = try ServeProcess(["--root", root.path, "--port", "0"])
        defer { server.interrupt() }
        // Symlinks out of the served folder, planted in it.
        let site = try Self.servedFolder(of: server)
        try FileManager.default.createDirectory(at: site.appendingPathComponent("static"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("static/leak.txt").path, withDestinationPath: secret.path)
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("static/etc").path, withDestinationPath: "/etc")

        let attempts = [
            "/../secret.txt", "/../../../../etc/hostname",
            "/%2e%2e/secret.txt", "/%2e%2e/%2e%2e/%2e%2e/etc/hostname", "/%2E%2E%2Fsecret.txt",
            "/..%2fsecret.txt", "/static%2f..%2f..%2fsecret.txt", "/..%5csecret.txt",
            "//etc/hostname", "/etc/hostname", root.appendingPathComponent("secret.txt").path,
            "/static/leak.txt", "/static/etc/hostname", "/static/etc/",
        ]
        for path in attempts {
            let reply = try server.get(path)
            #expect([400, 403, 404].contains(reply.status), "\(path) gave \(reply.status)")
            #expect(!reply.body.contains("secret words"), "\(path)")
        }
        let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if !hostname.isEmpty {
            #expect(!(try server.get("/static/etc/hostname").body.contains(hostname)))
        }
    }

    /// The `site` folder that `server` builds into and serves.
    static func servedFolder(of server: ServeProcess) throws -> URL {
        let temporary = URL(fileURLWithPath: NSTemporaryDirectory())
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: temporary.path)
            .first { $0.hasPrefix("broadsheet-serve-\(server.process.processIdentifier)-") })
        return temporary.appendingPathComponent(name).appendingPathComponent("site")
    }

    @Test func editsReloadOpenPagesAndErrorsShowUntilFixed() throws {
        let (root, server, events) = try servedArchive()
        defer { server.interrupt(); try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("content/issues/2026-01-05-first.md")

        // An edit: the reload event, and the new text served, within 2 s.
        var seen = events.text.count
        try Self.issue.replacingOccurrences(of: "first racks", with: "second racks").write(to: file, atomically: true, encoding: .utf8)
        let took = try events.waitFor("event: reload", after: seen, within: 2)
        #expect(took < 2)
        #expect(try server.get("/issues/2026-01-05-first/").body.contains("Nvidia shipped the second racks."))

        // Broken front matter: the error goes to the terminal and to the pages, as text; the last good site stays.
        seen = events.text.count
        try "---\ntitle: First\ndate: 2026-13-05\n---\n<b>bold</b> & more\n".write(to: file, atomically: true, encoding: .utf8)
        try events.waitFor("event: build-error", after: seen, within: 5)
        #expect(events.text.contains("content/issues/2026-01-05-first.md:3: cannot read date '2026-13-05'"))
        try server.waitFor(within: 5) { $0.contains("content/issues/2026-01-05-first.md:3: cannot read date") }
        #expect(try server.get("/issues/2026-01-05-first/").body.contains("second racks"))
        // A page opened now gets the error at once.
        let late = try server.events()
        try late.waitFor("event: build-error", within: 5)

        // Fixed: pages reload, and a new page hears no error.
        seen = events.text.count
        try Self.issue.write(to: file, atomically: false, encoding: .utf8)
        try events.waitFor("event: reload", after: seen, within: 5)
        let fresh = try server.events()
        try fresh.waitFor(": connected", within: 5)
        Thread.sleep(forTimeInterval: 0.2)
        #expect(!fresh.text.contains("build-error"))
    }

    @Test func aStylesheetChangeSwapsStylesWithoutAReload() throws {
        let (root, server, events) = try servedArchive()
        defer { server.interrupt(); try? FileManager.default.removeItem(at: root) }
        let css = root.appendingPathComponent("templates/assets/style.css")
        try (try String(contentsOf: css, encoding: .utf8) + "\n/* edited */\n").write(to: css, atomically: true, encoding: .utf8)
        try events.waitFor("event: css", within: 5)
        #expect(!events.text.contains("event: reload"))
        #expect(try server.get("/assets/style.css").body.contains("/* edited */"))
    }

    @Test func newAndDeletedIssuesAreServed() throws {
        let (root, server, events) = try servedArchive()
        defer { server.interrupt(); try? FileManager.default.removeItem(at: root) }
        let second = root.appendingPathComponent("content/issues/2026-01-12-second.md")
        var seen = events.text.count
        try "---\ntitle: Second\ndate: 2026-01-12\n---\nAMD answered.\n".write(to: second, atomically: true, encoding: .utf8)
        try events.waitFor("event: reload", after: seen, within: 5)
        #expect(try server.get("/issues/2026-01-12-second/").status == 200)
        seen = events.text.count
        try FileManager.default.removeItem(at: second)
        try events.waitFor("event: reload", after: seen, within: 5)
        #expect(try server.get("/issues/2026-01-12-second/").status == 404)
    }

    @Test func anOldAddressIsServedAsARedirectAndMovesWithItsPermalink() throws {
        let (root, server, events) = try servedArchive()
        defer { server.interrupt(); try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("content/issues/2026-01-05-first.md")
        var seen = events.text.count
        try Self.issue.replacingOccurrences(of: "tags:", with: "permalink: /2018/01/19/first/\ntags:").write(to: file, atomically: true, encoding: .utf8)
        try events.waitFor("event: reload", after: seen, within: 5)
        let old = try server.get("/2018/01/19/first/")
        #expect(old.status == 200)
        #expect(old.body.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../../../issues/2026-01-05-first/\">"))
        #expect(old.body.contains("<link rel=\"canonical\" href=\"http://127.0.0.1:\(server.port)/issues/2026-01-05-first/\">"))
        let bare = try server.get("/2018/01/19/first")
        #expect(bare.status == 301 || bare.status == 308, "the old address without its slash finds the folder")

        seen = events.text.count
        try Self.issue.replacingOccurrences(of: "tags:", with: "permalink: /first.html\ntags:").write(to: file, atomically: true, encoding: .utf8)
        try events.waitFor("event: reload", after: seen, within: 5)
        #expect(try server.get("/first.html").body.contains("url=issues/2026-01-05-first/"))
        #expect(try server.get("/2018/01/19/first/").status == 404, "the old redirect is gone with its permalink")

        // A permalink that takes a page's place is an error at its line; the last good site stays.
        seen = events.text.count
        try Self.issue.replacingOccurrences(of: "tags:", with: "permalink: /tags/\ntags:").write(to: file, atomically: true, encoding: .utf8)
        try events.waitFor("event: build-error", after: seen, within: 5)
        #expect(events.text.contains("content/issues/2026-01-05-first.md:4: permalink '/tags/' is where the build writes tags/index.html"))
        #expect(try server.get("/first.html").status == 200)
    }

    @Test func ctrlCStopsWithinASecondAndRemovesItsFolder() throws {
        let root = try archive()
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try ServeProcess(["--root", root.path, "--port", "0"])
        let events = try server.events()
        try events.waitFor(": connected", within: 5)
        // Also the folder renamed out of the way while it is deleted.
        let folders = { try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())
            .filter { $0.hasPrefix("broadsheet-serve-\(server.process.processIdentifier)-") || $0.hasPrefix(".broadsheet-serve-\(server.process.processIdentifier)-") } }
        #expect(try folders().count == 1)
        let seconds = server.interrupt()
        #expect(seconds < 1, "took \(seconds) s")
        #expect(server.process.terminationStatus == 0)
        #expect(try folders().isEmpty)
    }

    @Test func aPortInUseIsAClearErrorWithStatusOne() throws {
        let root = try archive()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try ServeProcess(["--root", root.path, "--port", "0"])
        defer { first.interrupt() }
        let result = try CommandRunner.run(["serve", "--root", root.path, "--port", String(first.port)])
        #expect(result.status == 1)
        #expect(result.stderr.contains("127.0.0.1:\(first.port): that port is in use"), "\(result.stderr)")
    }

    @Test func aFirstBuildThatFailsStopsWithItsError() throws {
        let root = try CommandRunner.scratchArchive(issues: ["bad.md": "---\ntitle: Bad\ndate: someday\n---\nText.\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(["serve", "--root", root.path, "--port", "0"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/issues/bad.md:3: cannot read date 'someday'"), "\(result.stderr)")
    }

    @Test func aBadPortOrAMissingArchiveIsRefused() throws {
        let badPort = try CommandRunner.run(["serve", "--port", "70000"])
        #expect(badPort.status != 0)
        #expect(badPort.stderr.contains("--port must be between 0 and 65535"), "\(badPort.stderr)")
        let nowhere = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-none-\(UUID().uuidString)")
        let serveFolders = { Set(try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("broadsheet-serve-") }) }
        let before = try serveFolders()
        let missing = try CommandRunner.run(["serve", "--root", nowhere.path, "--port", "0"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no issues folder"), "\(missing.stderr)")
        #expect(try serveFolders() == before, "a preview that could not start leaves no folder")
    }

    @Test func servingOnEveryAddressWarns() throws {
        let root = try archive()
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try ServeProcess(["--root", root.path, "--port", "0", "--host", "0.0.0.0"])
        defer { server.interrupt() }
        #expect(server.stderr.contains("warning: serving on 0.0.0.0"))
        #expect(try server.get("/").status == 200)
    }
}
