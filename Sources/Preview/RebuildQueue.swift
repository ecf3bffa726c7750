/// Runs one rebuild at a time: changes that arrive during a rebuild are gathered and rebuilt
/// together right after it, so a burst of saves never builds twice at once or out of order.
actor RebuildQueue {
    private var pending: Set<String> = []
    private var running = false
    /// Why the first build failed, if it did: the preview then stops with this message.
    private(set) var startFailure: String?

    func failStart(_ message: String) { startFailure = message }

    /// Runs the first build. Changes that arrive meanwhile wait, for the caller to rebuild them
    /// with `enqueue([], …)` once it has said the preview is up.
    func first(_ build: @Sendable () async -> Bool) async -> Bool {
        running = true
        defer { running = false }
        return await build()
    }

    /// Adds `changed` and, unless a rebuild is running (it will pick them up), runs `rebuild`
    /// until nothing is pending.
    func enqueue(_ changed: Set<String>, _ rebuild: @escaping @Sendable (Set<String>) async -> Void) async {
        pending.formUnion(changed)
        guard !running else { return }
        running = true
        while !pending.isEmpty {
            let batch = pending
            pending = []
            await rebuild(batch)
        }
        running = false
    }
}
