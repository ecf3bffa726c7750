import Foundation

extension Array where Element: Sendable {
    /// `map` spread over every core, results in the original order.
    ///
    /// Parsing Markdown and rendering pages are independent per item, so a build
    /// uses both cores of a small machine. Work is handed out in small batches from
    /// a shared counter, so one slow item does not hold up a whole stripe. The first
    /// error thrown (by index) is rethrown after all workers stop.
    public func concurrentMap<Result: Sendable>(
        _ transform: @Sendable (Element) throws -> Result
    ) throws -> [Result] {
        let count = self.count
        guard count > 1 else { return try map(transform) }
        let slots = ResultSlots<Result>(count: count)
        let workers = Swift.min(ProcessInfo.processInfo.activeProcessorCount, count)
        let batch = Swift.max(1, Swift.min(32, count / (workers * 8)))
        self.withUnsafeBufferPointer { items in
            nonisolated(unsafe) let items = items
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    let start = slots.claim(batch)
                    if start >= count { return }
                    for index in start..<Swift.min(start + batch, count) {
                        do {
                            slots.store(.success(try transform(items[index])), at: index)
                        } catch {
                            slots.store(.failure(error), at: index)
                        }
                    }
                }
            }
        }
        return try slots.results()
    }
}

/// Per-index result storage written by many threads, each index exactly once.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var values: [Swift.Result<Value, Error>?]
    private var next = 0
    private let lock = NSLock()

    init(count: Int) { values = Array(repeating: nil, count: count) }

    /// Hands out the next `size` indices to a worker.
    func claim(_ size: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        let start = next
        next += size
        return start
    }

    func store(_ value: Swift.Result<Value, Error>, at index: Int) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    func results() throws -> [Value] {
        try values.map { try $0!.get() }
    }
}
