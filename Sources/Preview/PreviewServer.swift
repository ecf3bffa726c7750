import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Archive
import Site

/// `broadsheet serve`: builds the site into a folder of its own under the system's temporary
/// directory (never `ROOT/site/`, which may hold a production build), serves it with
/// Hummingbird, rebuilds when `content/` or the theme changes, and tells open pages to reload
/// once the new files are in place. A failed rebuild leaves the last good site served and
/// shows its error in the terminal and over the open pages.
public final class PreviewServer: Sendable {
    /// What to serve, and where.
    public struct Options: Sendable {
        public var root: URL
        public var host: String
        /// 0 picks a free port.
        public var port: Int
        public var includeDrafts: Bool
        /// Include issues dated after today (`--future`).
        public var includeFuture = false
        /// Build with relative `index.html` links, as `build --offline` does, to check them.
        public var offline: Bool
        /// Print each build's steps and their times, as `build --timings` does.
        public var timings: Bool

        public init(root: URL, host: String = "127.0.0.1", port: Int = 8000, includeDrafts: Bool = false, offline: Bool = false,
                    timings: Bool = false) {
            self.root = root.standardizedFileURL
            self.host = host
            self.port = port
            self.includeDrafts = includeDrafts
            self.offline = offline
            self.timings = timings
        }
    }

    /// A failure that stops the preview before it serves: the port taken, or a first build
    /// that failed.
    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    public let options: Options
    /// The folder the preview builds into and serves; removed when the preview stops.
    public let workFolder: URL
    public var siteFolder: URL { workFolder.appendingPathComponent("site") }
    public let live = LiveReload()
    private let describe: @Sendable (any Error) -> String
    private let say: @Sendable (String) -> Void
    private let rebuilds: RebuildQueue
    /// What one build keeps for the next; its folder is `siteFolder`.
    private let memory: BuildMemory
    /// What the running rebuild tells open pages once its pages are in place.
    private let nextEvent = EventLatch()
    /// Set when the watcher reports a change, cleared when a rebuild starts: a change is
    /// waiting for the next rebuild.
    private let changeWaiting = Flag()
    /// Set when the preview starts to stop.
    private let stopping = Flag()

    /// `describe` turns a build error into its `path:line: message` text; `say` prints a line
    /// for the editor (on stderr, usually).
    public init(options: Options, describe: @escaping @Sendable (any Error) -> String, say: @escaping @Sendable (String) -> Void) throws {
        self.options = options
        self.describe = describe
        self.say = say
        workFolder = FileManager.default.temporaryDirectory
            .appendingPathComponent("broadsheet-serve-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: workFolder, withIntermediateDirectories: true)
        do {
            memory = try BuildMemory(folder: workFolder.appendingPathComponent("site"))
        } catch {
            try? FileManager.default.removeItem(at: workFolder)
            throw error
        }
        rebuilds = RebuildQueue()
    }

    /// Serves until SIGINT or SIGTERM (or `stop()`), then removes the work folder. Calls
    /// `ready` with the address once the first build is served.
    public func run(ready: @escaping @Sendable (URL) -> Void = { _ in }) async throws {
        // A rebuild may still be running: closing its folder first stops it writing there.
        defer {
            memory.close()
            FolderRemoval.remove(workFolder)
        }
        var logger = Logger(label: "broadsheet-serve")
        logger.logLevel = .error
        let (bound, boundContinuation) = AsyncStream<Int>.makeStream()
        let app = Application(router: makeRouter(), configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
                              onServerRunning: { channel in
                                  boundContinuation.yield(channel.localAddress?.port ?? 0)
                                  boundContinuation.finish()
                              }, logger: logger)
        var configuration = ServiceGroupConfiguration(services: [.init(service: app)], logger: logger)
        configuration.maximumGracefulShutdownDuration = .milliseconds(300)
        let group = ServiceGroup(configuration: configuration)
        // Closing the event streams first lets the server's graceful shutdown finish at once.
        let shutDown: @Sendable () -> Void = { [live, stopping] in
            // A search index under way gives up, so it does not hold both cores while we stop.
            stopping.set(true)
            Task {
                await live.close()
                await group.triggerGracefulShutdown()
            }
        }
        let signals = Self.onSignals([SIGINT, SIGTERM], shutDown)
        defer { signals.forEach { $0.cancel() } }

        let session = Task { [self] in
            for await port in bound { await start(port: port, ready: ready, fail: shutDown) }
        }
        defer { session.cancel() }
        do {
            try await group.run()
        } catch {
            let text = String(describing: error)
            if text.contains("Address already in use") || text.contains("errno: 98") {
                throw StartError(description: "\(options.host):\(options.port): that port is in use; stop what uses it, or pass --port 0 for a free one")
            }
            throw StartError(description: "\(options.host):\(options.port): cannot serve: \(text)")
        }
        if let failure = await rebuilds.startFailure { throw StartError(description: failure) }
    }

    /// The first build, then watching; `fail` stops the server when the first build fails.
    private func start(port: Int, ready: @escaping @Sendable (URL) -> Void, fail: @escaping @Sendable () -> Void) async {
        let host = options.host == "0.0.0.0" || options.host == "::" ? "127.0.0.1" : options.host
        let address = URL(string: "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/")!
        var buildOptions = BuildOptions(root: options.root, output: siteFolder, includeDrafts: options.includeDrafts,
                                        offline: options.offline, baseURL: address.absoluteString)
        buildOptions.memory = memory
        buildOptions.includeFuture = options.includeFuture
        // Open pages reload as soon as the pages are in place; the search index follows.
        // The build waits until the event is handed to the open pages' streams, so that the
        // search index, which it builds next on every core, does not hold the event up.
        buildOptions.pagesInPlace = { [live, nextEvent] in
            guard let event = nextEvent.take() else { return }
            let sent = DispatchSemaphore(value: 0)
            Task {
                await live.publish(event)
                sent.signal()
            }
            _ = sent.wait(timeout: .now() + 1)
        }
        // An index build gives way to a newer edit, whose rebuild makes the index anyway.
        buildOptions.stopIndexing = { [changeWaiting, stopping] in changeWaiting.isSet || stopping.isSet }
        let builder = SiteBuilder(options: buildOptions,
                                  warn: { [say] warnings in warnings.forEach { say("\($0)") } })
        // Watching starts before the first build, so that a save during it is rebuilt after it.
        let rebuild: @Sendable (Set<String>) async -> Void = { [self] changed in await self.rebuild(builder, changed: changed) }
        let watcher = FolderWatcher(folders: [options.root.appendingPathComponent("content"), options.root.appendingPathComponent("templates"),
                                              options.root.appendingPathComponent("issues")]) { [rebuilds, changeWaiting] changed in
            changeWaiting.set(true)
            Task { await rebuilds.enqueue(changed, rebuild) }
        }
        watcher.start()
        let started = Date()
        let built = await rebuilds.first { [self] in
            do {
                let report = try await Self.onOwnThread {
                    defer { FreedMemory.release() }
                    return try builder.build()
                }
                if options.timings { report.timingLines.forEach(say) }
                if let leftOut = report.leftOutLine { say(leftOut) }
                return true
            } catch {
                await rebuilds.failStart(describe(error))
                return false
            }
        }
        guard built else {
            watcher.stop()
            fail()
            return
        }
        let firstBuild = Date().timeIntervalSince(started)
        say("Serving \(address.absoluteString) (first build \(String(format: "%.2f", firstBuild)) s); Ctrl-C stops")
        ready(address)
        await rebuilds.enqueue([], rebuild)
        await withTaskCancellationHandler {
            await live.waitUntilClosed()
        } onCancel: {
            watcher.stop()
        }
        watcher.stop()
    }

    /// One rebuild after `changed`; the event goes out only after the new files are in place.
    private func rebuild(_ builder: SiteBuilder, changed: Set<String>) async {
        let started = Date()
        changeWaiting.set(false)
        let onlyStylesheets = changed.allSatisfy { $0.hasSuffix(".css") }
        nextEvent.set(onlyStylesheets ? .stylesheets : .reload)
        do {
            let report = try await Self.onOwnThread { try builder.build() }
            if let event = nextEvent.take() { await live.publish(event) }
            if !onlyStylesheets && !report.searchIndexLeftForLater { await live.publish(.searchIndex) }
            let rendered = ", \(memory.lastRendered) pages and feeds made again"
                + (report.searchIndexLeftForLater ? "; the search index waits for the next rebuild" : "")
            say("Rebuilt in \(String(format: "%.2f", Date().timeIntervalSince(started))) s (\(changed.count) changed\(rendered))")
            if options.timings { report.timingLines.forEach(say) }
            _ = try? await Self.onOwnThread { FreedMemory.release() }
        } catch {
            _ = nextEvent.take()
            // Stopping closes the folder under a rebuild that is still running: not a mistake.
            guard !(await live.isClosed) else { return }
            let message = describe(error)
            await live.publish(.buildError(message))
            say(message)
        }
    }

    private func makeRouter() -> Router<BasicRequestContext> {
        let router = Router()
        let site = siteFolder
        let files = PreviewFiles(root: site, injected: LiveReloadScript.tag)
        router.add(middleware: NotFoundPage(files: files))
        router.add(middleware: MarkdownContentType())
        router.add(middleware: FileMiddleware(fileProvider: files, searchForIndexHtml: true))
        router.get("/_broadsheet/live.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: LiveReloadScript.source)))
        }
        router.get("/_broadsheet/events") { [live] _, _ in
            let stream = await live.subscribe()
            return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                            body: ResponseBody { writer in
                                for await text in stream { try await writer.write(ByteBuffer(string: text)) }
                                try await writer.finish(nil)
                            })
        }
        return router
    }

    /// Runs a build on a thread of its own, so that a long one (half a minute at 10,000 issues)
    /// never holds one of the few threads that Swift's tasks, and so the server, run on.
    private static func onOwnThread<Result: Sendable>(_ work: @escaping @Sendable () throws -> Result) async throws -> Result {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Result, any Error>) in
            let thread = Thread {
                do {
                    continuation.resume(returning: try work())
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Runs `handler` (once) on the first of `signals`, instead of the default, which kills.
    private static func onSignals(_ signals: [Int32], _ handler: @escaping @Sendable () -> Void) -> [any DispatchSourceSignal] {
        let once = Once()
        return signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler { if once.first() { handler() } }
            source.resume()
            return source
        }
    }
}

/// An event waiting to be sent once, by whichever comes first: the build's `pagesInPlace`
/// or the end of the rebuild.
private final class EventLatch: @unchecked Sendable {
    private let lock = NSLock()
    private var event: LiveReload.Event?
    func set(_ event: LiveReload.Event) { lock.withLock { self.event = event } }
    func take() -> LiveReload.Event? { lock.withLock { defer { event = nil }; return event } }
}

/// A yes or no that any thread may set and read.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set(_ value: Bool) { lock.withLock { self.value = value } }
    var isSet: Bool { lock.withLock { value } }
}

/// True the first time only.
private final class Once: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    func first() -> Bool { lock.withLock { defer { done = true }; return !done } }
}
