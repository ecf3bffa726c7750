/// One name to find. `key` is the caller's id (an entity index).
///
/// The matcher knows nothing about entities: it reports `key` back with each match so the
/// caller can map a hit to its entity without a lookup by text.
public struct AliasPattern: Sendable, Hashable {
    /// The exact name as it appears in prose, e.g. "Microsoft Azure" or "crates.io".
    public let text: String
    /// Match any ASCII case variant ("nvidia" finds "NVIDIA"); off by default so that a
    /// name such as "Meta" does not also link the ordinary word "meta".
    public let ignoreCase: Bool
    /// The caller's id for this name, returned in every `AliasMatch` it produces.
    public let key: Int

    /// Creates a pattern; an empty `text` is accepted here but ignored by `AliasMatcher`,
    /// so callers can pass registry data through without filtering it first.
    public init(text: String, ignoreCase: Bool = false, key: Int) {
        self.text = text
        self.ignoreCase = ignoreCase
        self.key = key
    }
}

/// A match: byte offsets into the searched UTF-8 text, and the pattern's key.
///
/// Offsets are UTF-8 byte offsets (not `Character` or scalar counts) because the matcher
/// runs over raw bytes, and byte ranges let callers splice links into the same buffer cheaply.
public struct AliasMatch: Sendable, Equatable {
    /// Where the name sits in the searched text, in UTF-8 bytes; never empty.
    public let range: Range<Int>
    /// The `AliasPattern.key` of the pattern that matched, so the caller knows which entity it is.
    public let key: Int

    /// Creates a match; public so callers and tests can build expected values to compare against.
    public init(range: Range<Int>, key: Int) {
        self.range = range
        self.key = key
    }
}

/// All aliases compiled into one automaton. Immutable and Sendable: build once, search from many threads.
///
/// It is an Aho–Corasick automaton turned into a dense DFA over byte classes, so one pass over a
/// text finds every alias at once, in time linear in the text's length whatever the number of
/// aliases. ASCII case is folded while scanning (without copying the text); case-sensitive
/// patterns and word boundaries are then checked only at the rare positions where a name ends.
public struct AliasMatcher: Sendable {
    let tables: AliasMatcherTables

    /// Compiles `patterns` into one automaton; do this once per build, since it is the costly part.
    ///
    /// Patterns with empty text are ignored. When several patterns could claim the same span
    /// (the same text given twice with different keys, or a case-sensitive and an ignore-case
    /// pattern that both fit), the one given first in `patterns` wins.
    public init(patterns: [AliasPattern]) {
        tables = AliasMatcherTables(patterns: patterns)
    }

    /// True when there is nothing to find (no patterns, or only empty ones), so callers can
    /// skip walking their documents altogether.
    public var isEmpty: Bool { tables.patternKeys.isEmpty }

    /// Non-overlapping matches in `bytes`, left to right.
    ///
    /// A match must be delimited by non-word characters (or the text's ends) wherever the
    /// pattern itself begins or ends with a word character, so "Nvidia" is found in "Nvidia’s"
    /// but not in "Nvidias". Among overlapping candidates the leftmost wins, then the longest,
    /// then the pattern given first; scanning resumes after the winner. Candidates that fail the
    /// case or boundary check never block others. Works on raw bytes so callers holding UTF-8
    /// buffers (e.g. a Markdown parser's text nodes) need no `String`.
    public func matches(in bytes: UnsafeBufferPointer<UInt8>) -> [AliasMatch] {
        guard !isEmpty, let text = bytes.baseAddress, bytes.count > 0 else { return [] }
        let count = bytes.count
        var candidates: [Candidate] = []
        tables.byteClass.withUnsafeBufferPointer { classes in
            tables.transitions.withUnsafeBufferPointer { table in
                // A row is a state's offset in `table`. States at which some pattern ends are
                // numbered last, so one comparison with `firstOutputRow` spots them.
                let firstOutputRow = tables.firstOutputRow
                let classCount = tables.classCount
                /// Scans `from..<to` starting in `row`, collecting patterns that end after `after`.
                func scan(from: Int, to: Int, row: Int, after: Int) {
                    var row = row
                    var index = from
                    while index < to {
                        row = Int(table[row &+ Int(classes[Int(text[index])])])
                        index &+= 1
                        if row >= firstOutputRow, index > after {
                            collect(state: row / classCount, end: index, in: text, count: count, into: &candidates)
                        }
                    }
                }
                // One DFA walk is bound by the latency of its table loads, so long texts are
                // walked as two interleaved halves. The second starts from the root
                // `maxPatternLength - 1` bytes before the middle: from the first byte past the
                // middle on, it is in the same state as a walk from the start (no pattern reaches
                // back further), and it reports only matches ending past the middle.
                let overlap = tables.maxPatternLength - 1
                guard count >= 4 * tables.maxPatternLength + 32 else {
                    return scan(from: 0, to: count, row: 0, after: 0)
                }
                let middle = count / 2
                var first = 0, second = middle - overlap
                var rowA = 0, rowB = 0
                while first < middle {
                    rowA = Int(table[rowA &+ Int(classes[Int(text[first])])])
                    rowB = Int(table[rowB &+ Int(classes[Int(text[second])])])
                    first &+= 1
                    second &+= 1
                    if rowA >= firstOutputRow {
                        collect(state: rowA / classCount, end: first, in: text, count: count, into: &candidates)
                    }
                    if rowB >= firstOutputRow, second > middle {
                        collect(state: rowB / classCount, end: second, in: text, count: count, into: &candidates)
                    }
                }
                scan(from: second, to: count, row: rowB, after: middle)
            }
        }
        return select(candidates)
    }

    /// Convenience over a String's UTF-8, for callers (and tests) that hold a `String`;
    /// the ranges are still UTF-8 byte offsets into `text`.
    public func matches(in text: String) -> [AliasMatch] {
        var text = text
        return text.withUTF8 { matches(in: $0) }
    }

    /// A pattern occurrence that passed its case and boundary checks, awaiting selection.
    struct Candidate {
        var start: Int
        var end: Int
        var pattern: Int32
    }

    /// Records every pattern ending at `end` in `state` (its own and those on its output links)
    /// that passes the case and word-boundary checks against the original bytes.
    private func collect(
        state: Int, end: Int, in text: UnsafePointer<UInt8>, count: Int, into candidates: inout [Candidate]
    ) {
        var state = state
        while state >= 0 {
            let first = Int(tables.outputStart[state])
            let last = Int(tables.outputStart[state + 1])
            for slot in first..<last {
                let pattern = Int(tables.outputPatterns[slot])
                if accepts(pattern: pattern, end: end, in: text, count: count) {
                    let length = tables.patternLength(pattern)
                    candidates.append(Candidate(start: end - length, end: end, pattern: Int32(pattern)))
                }
            }
            state = Int(tables.outputLink[state])
        }
    }

    /// Whether `pattern`, which the folded automaton says ends at `end`, really matches there.
    private func accepts(pattern: Int, end: Int, in text: UnsafePointer<UInt8>, count: Int) -> Bool {
        let flags = tables.patternFlags[pattern]
        let patternStart = Int(tables.patternStart[pattern])
        let length = Int(tables.patternStart[pattern + 1]) - patternStart
        let start = end - length
        if flags & AliasMatcherTables.caseSensitive != 0 {
            let equal = tables.patternBytes.withUnsafeBufferPointer { bytes in
                (0..<length).allSatisfy { bytes[patternStart + $0] == text[start + $0] }
            }
            if !equal { return false }
        }
        if flags & AliasMatcherTables.checkStart != 0, start > 0,
           AliasMatcherBoundary.isWordCharacter(endingAt: start, in: text, count: count) {
            return false
        }
        if flags & AliasMatcherTables.checkEnd != 0, end < count,
           AliasMatcherBoundary.isWordCharacter(startingAt: end, in: text, count: count) {
            return false
        }
        return true
    }

    /// Picks the non-overlapping matches: leftmost start, then longest, then first-given pattern.
    private func select(_ candidates: [Candidate]) -> [AliasMatch] {
        var candidates = candidates
        if candidates.count > 1 {
            candidates.sort { lhs, rhs in
                if lhs.start != rhs.start { return lhs.start < rhs.start }
                if lhs.end != rhs.end { return lhs.end > rhs.end }
                return lhs.pattern < rhs.pattern
            }
        }
        var result: [AliasMatch] = []
        var cursor = 0
        for candidate in candidates where candidate.start >= cursor {
            result.append(AliasMatch(range: candidate.start..<candidate.end, key: tables.patternKeys[Int(candidate.pattern)]))
            cursor = candidate.end
        }
        return result
    }
}
