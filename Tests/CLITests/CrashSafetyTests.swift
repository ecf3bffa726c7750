import Foundation
import Testing

/// Real builds killed, raced and read while they swap: the output always names a
/// whole site, and no staging folder outlives the build that made it.
@Suite("Crash safety and the atomic swap", .serialized)
struct CrashSafetyTests {
    /// A scratch archive with `count` issues of several paragraphs, so a build takes a while.
    static func largeArchive(count: Int) throws -> URL {
        var issues: [String: String] = [:]
        let paragraph = String(repeating: "Data centres, GPUs and power contracts shape the market this week. ", count: 12)
        for number in 0..<count {
            let month = number % 12 + 1, day = number % 28 + 1
            issues["issue-\(number).md"] = """
            ---
            title: Issue \(number)
            date: \(2000 + number / 336)-\(month)-\(day)
            tags: [tag\(number % 17), tag\(number % 5)]
            ---
            ## First

            \(paragraph)

            ## Second

            \(paragraph)
            """
        }
        return try CommandRunner.scratchArchive(issues: issues)
    }

    /// Staging folders of `site` beside it.
    static func stagingFolders(in root: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".site.staging-") }
    }

    /// Waits until a staging folder beside `site` holds at least `pages` issue pages.
    static func waitForStaging(in root: URL, pages: Int, timeout: TimeInterval = 60) throws -> URL? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            for name in try stagingFolders(in: root) {
                let issues = root.appendingPathComponent(name).appendingPathComponent("issues")
                if let written = try? FileManager.default.contentsOfDirectory(atPath: issues.path), written.count >= pages {
                    return root.appendingPathComponent(name)
                }
            }
            usleep(5_000)
        }
        return nil
    }

    @Test func killedBuildLeavesTheOldSiteAndTheNextBuildCleansUp() throws {
        let root = try Self.largeArchive(count: 1_500)
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try CommandRunner.run(["build", "--root", root.path, "--quiet"])
        try #require(first.status == 0, "\(first.stderr)")
        let site = root.appendingPathComponent("site")
        let before = try CommandRunner.snapshot(site)

        try "---\ntitle: Late news\ndate: 2026-01-01\n---\nNew.\n".write(
            to: root.appendingPathComponent("content/issues/late.md"), atomically: true, encoding: .utf8)
        let build = try CommandRunner.start(["build", "--root", root.path, "--quiet"])
        let staging = try Self.waitForStaging(in: root, pages: 200)
        kill(build.processIdentifier, SIGKILL)
        build.waitUntilExit()
        try #require(staging != nil, "the build never got halfway")
        #expect(build.terminationReason == .uncaughtSignal, "the build finished before it was killed")
        #expect(try Self.stagingFolders(in: root).count == 1, "the killed build's staging folder should be there to clean")
        #expect(try CommandRunner.snapshot(site) == before, "the old site changed")

        let again = try CommandRunner.run(["build", "--root", root.path, "--quiet"])
        #expect(again.status == 0, "\(again.stderr)")
        let leftovers = try Self.stagingFolders(in: root)
        #expect(leftovers.isEmpty, "left behind: \(leftovers)")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("issues/late/index.html").path))
    }

    @Test func twoBuildsAtOnceDoNotDamageEachOther() throws {
        let root = try Self.largeArchive(count: 1_000)
        defer { try? FileManager.default.removeItem(at: root) }
        let slow = try CommandRunner.start(["build", "--root", root.path, "--quiet"])
        try #require(try Self.waitForStaging(in: root, pages: 50) != nil)
        // The second build starts while the first is writing: it must leave the
        // first one's staging folder alone, and both must succeed.
        let fast = try CommandRunner.run(["build", "--root", root.path, "--quiet"])
        slow.waitUntilExit()
        #expect(fast.status == 0, "\(fast.stderr)")
        #expect(slow.terminationStatus == 0)
        let site = root.appendingPathComponent("site")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(".broadsheet-build.json").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("issues").path).count == 1_000)
        #expect(try Self.stagingFolders(in: root).isEmpty)
    }

    @Test func theOutputIsNeverMissingDuringARebuild() throws {
        let root = try Self.largeArchive(count: 200)
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try CommandRunner.run(["build", "--root", root.path, "--quiet"])
        try #require(first.status == 0)
        let index = root.appendingPathComponent("site/index.html").path
        let watcher = MissingWatcher(path: index)
        let thread = Thread { watcher.watch() }
        thread.start()
        for _ in 0..<4 {
            let result = try CommandRunner.run(["build", "--root", root.path, "--quiet"])
            #expect(result.status == 0)
        }
        watcher.stop()
        #expect(watcher.reads > 100, "the watcher hardly ran (\(watcher.reads) reads)")
        #expect(watcher.misses == 0, "site/index.html was missing \(watcher.misses) times in \(watcher.reads) reads")
    }

    @Test func theTwoRenameFallbackStillBuilds() throws {
        let root = try Self.largeArchive(count: 20)
        defer { try? FileManager.default.removeItem(at: root) }
        for _ in 0..<2 {
            let result = try CommandRunner.run(["build", "--root", root.path, "--quiet"],
                                               environment: ["BROADSHEET_NO_RENAME_EXCHANGE": "1"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("site/issues/issue-3/index.html").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".site.") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}

/// Stats a file in a tight loop on its own thread, counting the times it is missing.
final class MissingWatcher: @unchecked Sendable {
    private let path: String
    private let lock = NSLock()
    private var running = true
    private(set) var reads = 0
    private(set) var misses = 0

    init(path: String) { self.path = path }

    func watch() {
        while lock.withLock({ running }) {
            var status = stat()
            let found = stat(path, &status) == 0
            lock.withLock {
                reads += 1
                if !found { misses += 1 }
            }
        }
    }

    func stop() {
        lock.withLock { running = false }
        usleep(10_000)
    }
}
