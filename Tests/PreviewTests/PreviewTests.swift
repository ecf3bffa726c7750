import Foundation
import Testing
@testable import Preview

@Suite("Preview: what is served")
struct PreviewFilesTests {
    private func folder() throws -> URL {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base.appendingPathComponent("site/issues"), withIntermediateDirectories: true)
        try "<p>page</p>".write(to: base.appendingPathComponent("site/index.html"), atomically: true, encoding: .utf8)
        try "outside".write(to: base.appendingPathComponent("outside.txt"), atomically: true, encoding: .utf8)
        return base
    }

    @Test func pathsInsideTheFolderResolveAndOthersDoNot() throws {
        let base = try folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let root = PreviewFiles.resolve(base.appendingPathComponent("site").path)!
        #expect(PreviewFiles.contained("/index.html", in: root) == root + "/index.html")
        #expect(PreviewFiles.contained("/", in: root) == root)
        #expect(PreviewFiles.contained("//index.html", in: root) == root + "/index.html", "an absolute-looking path stays inside")
        #expect(PreviewFiles.contained("/missing.html", in: root) == nil)
        #expect(PreviewFiles.contained("/../outside.txt", in: root) == nil)
        try FileManager.default.createSymbolicLink(atPath: root + "/link.txt", withDestinationPath: base.appendingPathComponent("outside.txt").path)
        try FileManager.default.createSymbolicLink(atPath: root + "/inner.html", withDestinationPath: root + "/index.html")
        #expect(PreviewFiles.contained("/link.txt", in: root) == nil, "a symlink out is not found")
        #expect(PreviewFiles.contained("/inner.html", in: root) == root + "/index.html", "a symlink within is followed")
    }

    @Test func htmlPagesGetTheScriptAndTheirSizeSaysSo() async throws {
        let base = try folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let files = PreviewFiles(root: base.appendingPathComponent("site"), injected: LiveReloadScript.tag)
        let page = try #require(files.getFileIdentifier("/index.html"))
        let attributes = try #require(try await files.getAttributes(id: page))
        #expect(attributes.size == "<p>page</p>".utf8.count + LiveReloadScript.tag.utf8.count)
        #expect(!attributes.isFolder)
        let issues = try #require(files.getFileIdentifier("/issues"))
        let folder = try #require(try await files.getAttributes(id: issues))
        #expect(folder.isFolder)
    }
}

@Suite("Preview: live reload")
struct LiveReloadTests {
    @Test func eventsAreServerSentEventsAndErrorsStayOneDataLine() {
        #expect(LiveReload.Event.reload.text == "event: reload\ndata: {}\n\n")
        #expect(LiveReload.Event.stylesheets.text == "event: css\ndata: {}\n\n")
        let error = LiveReload.Event.buildError("content/issues/a.md:3: bad\n<b>date</b>").text
        #expect(error == "event: build-error\ndata: \"content/issues/a.md:3: bad\\n<b>date</b>\"\n\n")
    }

    @Test func aPageThatConnectsDuringAFailureGetsTheErrorAndAFixClearsIt() async {
        let live = LiveReload()
        await live.publish(.buildError("a.md:1: broken"))
        var late = await live.subscribe().makeAsyncIterator()
        #expect(await late.next() == ": connected\n\n")
        #expect(await late.next()?.contains("a.md:1: broken") == true)
        await live.publish(.reload)
        #expect(await late.next() == "event: reload\ndata: {}\n\n")
        var fresh = await live.subscribe().makeAsyncIterator()
        #expect(await fresh.next() == ": connected\n\n")
        await live.close()
        #expect(await fresh.next() == nil, "closing ends every stream")
        #expect(await live.listenerCount == 0)
    }
}

@Suite("Preview: watching and rebuilding")
struct WatchingTests {
    @Test func editorLeftoversAreIgnored() {
        for name in [".issue.md.swp", "issue.md~", "4913", ".#issue.md", "issue.md.swx"] {
            #expect(FolderWatcher.isIgnored(name), "\(name)")
        }
        #expect(!FolderWatcher.isIgnored("2026-01-05-issue.md"))
    }

    @Test func aSaveThroughATemporaryFileAndARenameIsSeen() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("issues"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let seen = Seen()
        let watcher = FolderWatcher(folders: [folder]) { seen.add($0) }
        watcher.start()
        defer { watcher.stop() }
        Thread.sleep(forTimeInterval: 0.3)
        let temporary = folder.appendingPathComponent("issues/.issue.md.tmp")
        try "text".write(to: temporary, atomically: false, encoding: .utf8)
        try FileManager.default.moveItem(at: temporary, to: folder.appendingPathComponent("issues/issue.md"))
        let deadline = Date().addingTimeInterval(3)
        while Date() < deadline, !seen.paths.contains(folder.appendingPathComponent("issues/issue.md").path) { Thread.sleep(forTimeInterval: 0.02) }
        #expect(seen.paths.contains(folder.appendingPathComponent("issues/issue.md").path))
        #expect(!seen.paths.contains { $0.hasSuffix(".tmp") })
    }

    @Test func changesDuringARebuildAreGatheredIntoTheNextOne() async {
        let queue = RebuildQueue()
        let batches = Batches()
        async let first: Void = queue.enqueue(["a"]) { batch in
            await batches.add(batch)
            try? await Task.sleep(for: .milliseconds(200))
        }
        try? await Task.sleep(for: .milliseconds(50))
        await queue.enqueue(["b"]) { await batches.add($0) }
        await queue.enqueue(["c"]) { await batches.add($0) }
        await first
        #expect(await batches.all == [["a"], ["b", "c"]])
    }

    @Test func theWorkFolderGoesWithinItsBudgetOrSoonAfter() throws {
        func folder(files: Int) throws -> URL {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("broadsheet-removal-\(UUID().uuidString)")
            for index in 0..<files {
                let file = url.appendingPathComponent("site/issues/\(index % 7)/\(index).html")
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try "page".write(to: file, atomically: false, encoding: .utf8)
            }
            return url
        }
        let doomed = { (url: URL) in url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).removing") }
        let small = try folder(files: 20)
        #expect(FolderRemoval.remove(small), "a small folder is removed at once")
        #expect(!FileManager.default.fileExists(atPath: small.path) && !FileManager.default.fileExists(atPath: doomed(small).path))

        let large = try folder(files: 200)
        #expect(!FolderRemoval.remove(large, budget: 0), "with no time, the rest goes to rm -rf")
        #expect(!FileManager.default.fileExists(atPath: large.path), "renamed out of the way at once")
        let deadline = Date().addingTimeInterval(10)
        while FileManager.default.fileExists(atPath: doomed(large).path), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!FileManager.default.fileExists(atPath: doomed(large).path), "and removed soon after")
    }

    @Test func savesDuringTheFirstBuildAreRebuiltAfterIt() async {
        let queue = RebuildQueue()
        let batches = Batches()
        async let built = queue.first {
            try? await Task.sleep(for: .milliseconds(200))
            return true
        }
        try? await Task.sleep(for: .milliseconds(50))
        await queue.enqueue(["saved during the first build"]) { await batches.add($0) }
        #expect(await batches.all.isEmpty, "nothing is rebuilt while the first build runs")
        #expect(await built)
        await queue.enqueue([]) { await batches.add($0) }
        #expect(await batches.all == [["saved during the first build"]])
    }
}

private final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var set: Set<String> = []
    func add(_ paths: Set<String>) { lock.withLock { set.formUnion(paths) } }
    var paths: Set<String> { lock.withLock { set } }
}

private actor Batches {
    var all: [Set<String>] = []
    func add(_ batch: Set<String>) { all.append(batch) }
}
