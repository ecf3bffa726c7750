/// The compiled form of an `AliasMatcher`: flat arrays only, so the search loop does no hashing,
/// no per-state object access and no allocation per byte.
///
/// States are numbered densely; state 0 is the root. The transition table has one row of
/// `classCount` entries per state, with failure transitions already folded in (a DFA).
struct AliasMatcherTables: Sendable {
    /// Pattern flag: compare the original bytes exactly (the automaton only sees folded bytes).
    static let caseSensitive: UInt8 = 1
    /// Pattern flag: the pattern starts with a word character, so the byte before must not be one.
    static let checkStart: UInt8 = 2
    /// Pattern flag: the pattern ends with a word character, so the byte after must not be one.
    static let checkEnd: UInt8 = 4

    /// Byte → class id. Class 0 is every byte that occurs in no (folded) pattern; ASCII capitals
    /// share their lowercase letter's class, which is how case is folded while scanning.
    var byteClass: [UInt8]
    /// Width of a row in `transitions`.
    var classCount: Int
    /// `transitions[state * classCount + class]` is the next state's row offset, `next * classCount`.
    var transitions: [Int32]
    /// Row offsets from here on belong to states at which some pattern ends.
    var firstOutputRow: Int
    /// Patterns ending exactly at state `s`: `outputPatterns[outputStart[s]..<outputStart[s + 1]]`,
    /// in the order they were given.
    var outputStart: [Int32]
    var outputPatterns: [Int32]
    /// The nearest proper-suffix state with patterns of its own, or -1: the rest of the patterns
    /// ending at a state.
    var outputLink: [Int32]
    /// Pattern `p`'s original UTF-8 is `patternBytes[patternStart[p]..<patternStart[p + 1]]`.
    var patternBytes: [UInt8]
    var patternStart: [Int32]
    var patternFlags: [UInt8]
    var patternKeys: [Int]
    /// The longest pattern's UTF-8 length: how far back a match can reach from where it ends.
    var maxPatternLength: Int

    func patternLength(_ pattern: Int) -> Int {
        Int(patternStart[pattern + 1]) - Int(patternStart[pattern])
    }

    private struct Identity: Hashable {
        var text: String
        var ignoreCase: Bool
    }

    init(patterns: [AliasPattern]) {
        // Keep non-empty patterns in the given order; an exact repeat could never win, so drop it.
        var seen = Set<Identity>()
        let kept = patterns.filter { !$0.text.isEmpty && seen.insert(Identity(text: $0.text, ignoreCase: $0.ignoreCase)).inserted }

        patternBytes = []
        patternStart = [0]
        patternFlags = []
        patternKeys = []
        for pattern in kept {
            patternBytes.append(contentsOf: pattern.text.utf8)
            patternStart.append(Int32(patternBytes.count))
            var flags: UInt8 = pattern.ignoreCase ? 0 : Self.caseSensitive
            if let first = pattern.text.unicodeScalars.first, AliasMatcherBoundary.isWord(first) { flags |= Self.checkStart }
            if let last = pattern.text.unicodeScalars.last, AliasMatcherBoundary.isWord(last) { flags |= Self.checkEnd }
            patternFlags.append(flags)
            patternKeys.append(pattern.key)
        }

        maxPatternLength = kept.lazy.map(\.text.utf8.count).max() ?? 0

        // Byte classes over the folded pattern bytes, in byte order for determinism.
        var used = [Bool](repeating: false, count: 256)
        for byte in patternBytes { used[Int(Self.fold(byte))] = true }
        var classOfFolded = [UInt8](repeating: 0, count: 256)
        var classes = 1
        for byte in 0..<256 where used[byte] {
            classOfFolded[byte] = UInt8(classes)
            classes += 1
        }
        byteClass = (0..<256).map { classOfFolded[Int(Self.fold(UInt8($0)))] }
        classCount = classes

        // The trie, in the same table the DFA will use; 0 means "no child" (nothing returns to the root).
        var table = [Int32](repeating: 0, count: classes)
        var depth: [Int32] = [0]
        var own: [[Int32]] = [[]]
        for pattern in patternKeys.indices {
            var state = 0
            for offset in Int(patternStart[pattern])..<Int(patternStart[pattern + 1]) {
                let slot = state * classes + Int(byteClass[Int(patternBytes[offset])])
                if table[slot] == 0 {
                    table[slot] = Int32(depth.count)
                    table.append(contentsOf: repeatElement(0, count: classes))
                    depth.append(depth[state] + 1)
                    own.append([])
                }
                state = Int(table[slot])
            }
            own[state].append(Int32(pattern))
        }
        let stateCount = depth.count
        precondition(stateCount * classes < Int(Int32.max), "AliasMatcher: too many aliases for one automaton")

        // Breadth-first: failure links, output links, and missing transitions borrowed from the
        // failure state (whose row is already complete because it is shallower).
        var failure = [Int32](repeating: 0, count: stateCount)
        var link = [Int32](repeating: -1, count: stateCount)
        var queue: [Int] = []
        queue.reserveCapacity(stateCount)
        for column in 0..<classes where table[column] != 0 { queue.append(Int(table[column])) }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            let fail = Int(failure[state])
            for column in 0..<classes {
                let slot = state * classes + column
                let child = Int(table[slot])
                let borrowed = table[fail * classes + column]
                if child != 0, depth[child] == depth[state] + 1 {
                    failure[child] = borrowed
                    let suffix = Int(borrowed)
                    link[child] = own[suffix].isEmpty ? link[suffix] : Int32(suffix)
                    queue.append(child)
                } else {
                    table[slot] = borrowed
                }
            }
        }

        // Renumber so that states where some pattern ends come last: the search loop then spots
        // them with one comparison off its critical path. The root stays state 0.
        let hasOutput = (0..<stateCount).map { !own[$0].isEmpty || link[$0] >= 0 }
        let order = (0..<stateCount).filter { !hasOutput[$0] } + (0..<stateCount).filter { hasOutput[$0] }
        var renamed = [Int32](repeating: 0, count: stateCount)
        for (new, old) in order.enumerated() { renamed[old] = Int32(new) }
        firstOutputRow = hasOutput.lazy.filter { !$0 }.count * classes
        transitions = []
        transitions.reserveCapacity(table.count)
        outputStart = [0]
        outputPatterns = []
        outputLink = []
        for old in order {
            for column in 0..<classes {
                transitions.append(renamed[Int(table[old * classes + column])] * Int32(classes))
            }
            outputPatterns.append(contentsOf: own[old])
            outputStart.append(Int32(outputPatterns.count))
            outputLink.append(link[old] < 0 ? -1 : renamed[Int(link[old])])
        }
    }

    /// ASCII lowercase; every other byte (including all of UTF-8's multi-byte sequences) is unchanged.
    static func fold(_ byte: UInt8) -> UInt8 {
        byte &- 65 < 26 ? byte | 0x20 : byte
    }
}
