import Foundation

/// Tells the open preview pages what happened, as Server-Sent Events.
///
/// Each page's script (`live.js`) keeps one `EventSource` on `/_broadsheet/events`. After a
/// rebuild has swapped its files into place, `publish` sends `reload` (or `css`, when only
/// stylesheets changed, so the page swaps them without reloading); after a failed one,
/// `build-error` with the message, shown as an overlay. A page that connects while the last
/// build has failed gets the error at once, so the overlay survives a reload.
public actor LiveReload {
    /// What the open pages are told.
    public enum Event: Sendable, Equatable {
        case reload
        case stylesheets
        /// The search index is up to date too (it is brought up to date after the pages):
        /// an open search page reloads on this rather than on `reload`.
        case searchIndex
        case buildError(String)

        private static let encoder: JSONEncoder = {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .withoutEscapingSlashes
            return encoder
        }()

        /// The event as the `text/event-stream` format writes it.
        var text: String {
            switch self {
            case .reload: return "event: reload\ndata: {}\n\n"
            case .stylesheets: return "event: css\ndata: {}\n\n"
            case .searchIndex: return "event: index\ndata: {}\n\n"
            case .buildError(let message):
                // JSON keeps the message on one data line, whatever it holds.
                let data = (try? Self.encoder.encode(message)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
                return "event: build-error\ndata: \(data)\n\n"
            }
        }
    }

    private var listeners: [UUID: AsyncStream<String>.Continuation] = [:]
    private var lastError: String?
    private var closed = false
    private var closeWaiters: [CheckedContinuation<Void, Never>] = []

    public init() {}

    /// A stream of event texts for one page, starting with the last error if there is one.
    public func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream()
        guard !closed else {
            continuation.finish()
            return stream
        }
        let id = UUID()
        listeners[id] = continuation
        continuation.yield(": connected\n\n")
        if let lastError { continuation.yield(Event.buildError(lastError).text) }
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        return stream
    }

    /// Sends `event` to every open page.
    public func publish(_ event: Event) {
        switch event {
        case .buildError(let message): lastError = message
        case .searchIndex: break
        case .reload, .stylesheets: lastError = nil
        }
        for listener in listeners.values { listener.yield(event.text) }
    }

    /// Whether `close()` has been called: the preview is stopping.
    public var isClosed: Bool { closed }

    /// How many pages are listening (for tests and the terminal).
    public var listenerCount: Int { listeners.count }

    /// Ends every stream, so that shutting down does not wait for open pages.
    public func close() {
        closed = true
        for listener in listeners.values { listener.finish() }
        listeners.removeAll()
        closeWaiters.forEach { $0.resume() }
        closeWaiters.removeAll()
    }

    /// Returns once `close()` has been called.
    public func waitUntilClosed() async {
        guard !closed else { return }
        await withCheckedContinuation { closeWaiters.append($0) }
    }

    private func remove(_ id: UUID) { listeners[id] = nil }
}
