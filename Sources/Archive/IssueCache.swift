import Foundation

/// Issues parsed by an earlier load, reused while their file's text is the same, so that
/// `broadsheet serve` rebuilds after one edit without parsing every other issue again.
///
/// Parsing is a pure function of an issue's path, its text and the mention linking (the
/// registry's entities and the link policy), so a reused issue is exactly the one a fresh
/// parse would give. When the linking changes (an edit to `entities.yml` or `site.yml`'s
/// `entity_links`), nothing is reused. Safe to use from the loader's parallel workers.
public final class IssueCache: @unchecked Sendable {
    /// A class, so that looking one up copies one reference, not an issue's many fields.
    fileprivate final class Entry: Sendable {
        let text: String
        let stamp: FileStamp?
        let issue: Issue
        let warnings: [ContentWarning]

        init(text: String, stamp: FileStamp?, issue: Issue, warnings: [ContentWarning]) {
            self.text = text
            self.stamp = stamp
            self.issue = issue
            self.warnings = warnings
        }
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var linking: (entities: [Entity], policy: EntityLinkPolicy)?
    private var reusedCount = 0

    public init() {}

    /// How many issues the last load took from the cache instead of parsing.
    public var reused: Int { lock.withLock { reusedCount } }

    /// Starts a load with `linking`: forgets every issue if it differs from the last load's.
    func begin(with linking: MentionLinking) {
        lock.withLock {
            if let last = self.linking, last.entities == linking.registry.entities, last.policy == linking.policy {
                // same linking: entries stay
            } else {
                entries.removeAll()
            }
            self.linking = (linking.registry.entities, linking.policy)
            reusedCount = 0
        }
    }

    /// The issue parsed from exactly `text` at `path`, if the cache has it.
    func issue(at path: String, text: String) -> (Issue, [ContentWarning])? {
        // The texts are compared outside the lock, so the loader's workers do not queue on it.
        guard let entry = lock.withLock({ entries[path] }), entry.text == text else { return nil }
        lock.withLock { reusedCount += 1 }
        return (entry.issue, entry.warnings)
    }

    /// The issues of the last load by their files' stamps, to look up without the lock from
    /// the loader's workers: an issue whose file still has its stamp (size, times, inode) need
    /// not even be read. At 10,000 issues, reading them all again costs more than the rest of
    /// a rebuild after one edit.
    func byStamp() -> Stamped { Stamped(entries: lock.withLock { entries }) }

    /// A snapshot of the cache, looked up by file stamp.
    struct Stamped: Sendable {
        fileprivate let entries: [String: Entry]

        /// The issue at `path` if its file still has `stamp`.
        func issue(at path: String, stamp: FileStamp) -> (Issue, [ContentWarning])? {
            guard let entry = entries[path], entry.stamp == stamp else { return nil }
            return (entry.issue, entry.warnings)
        }
    }

    /// Counts `count` issues taken by stamp (`byStamp`) in this load.
    func countReused(_ count: Int) {
        lock.withLock { reusedCount += count }
    }

    func store(_ issue: Issue, warnings: [ContentWarning], at path: String, text: String, stamp: FileStamp?) {
        lock.withLock { entries[path] = Entry(text: text, stamp: stamp, issue: issue, warnings: warnings) }
    }

    /// Forgets files that are gone: those not in `paths`, the load's files.
    func keep(only paths: [String]) {
        // Every path of the load was looked up or stored, so equal counts mean nothing is gone.
        lock.withLock {
            guard entries.count != paths.count else { return }
            let kept = Set(paths)
            entries = entries.filter { kept.contains($0.key) }
        }
    }
}
