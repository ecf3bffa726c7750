import Foundation

/// The single pass over each document's UTF-8 bytes: tokens, capitalised runs, products and
/// tickers, tallied by exact text in a byte arena (no `String` per candidate), plus how often
/// each capitalised word appears where no sentence begins and which words appear in lowercase.
extension NameSuggester {
    enum Kind: UInt8 {
        case name, product, ticker

        var reason: NameSuggestion.Reason {
            switch self {
            case .name: return .name
            case .product: return .product
            case .ticker: return .ticker
            }
        }
    }

    /// Where an occurrence is, in byte offsets, for its example sentence.
    struct Place {
        var document: Int32
        var sentenceStart: Int32
        var start: Int32
        var end: Int32
    }

    /// One distinct candidate text of one kind and its occurrences. Plain data: the text lives in
    /// `Tally.keys`, further documents in `Tally.documentLists`.
    struct Entry {
        let kind: Kind
        /// The text's first word began a sentence, so it may be an ordinary word capitalised
        /// only by position ("Supplying ByteDance"); decided once the whole corpus is seen.
        let sentenceInitial: Bool
        /// Some occurrence followed a "The" that was stripped ("The Next Platform").
        var followsThe: Bool
        /// False once merged into another entry.
        var isAlive = true
        /// The example's sentence has little besides the name ("Introducing Qwen3!"), so a
        /// later occurrence replaces it.
        var shortExample = false
        let keyStart: Int32
        let keyLength: Int32
        var count: Int32 = 1
        var firstDocument: Int32
        var documentCount: Int32 = 1
        /// Index into `Tally.documentLists` once the entry is in a second document, else -1.
        var documentList: Int32 = -1
        var example: Place

        init(kind: Kind, sentenceInitial: Bool, followsThe: Bool, key: Range<Int>, place: Place) {
            self.kind = kind
            self.sentenceInitial = sentenceInitial
            self.followsThe = followsThe
            keyStart = Int32(key.lowerBound)
            keyLength = Int32(key.count)
            firstDocument = place.document
            example = place
        }

        var key: Range<Int> { Int(keyStart)..<Int(keyStart + keyLength) }
    }

    /// Everything the scan collects, across documents.
    struct Tally {
        var entries: [Entry] = []
        /// The text of every entry, back to back.
        var keys: [UInt8] = []
        /// The documents of entries found in more than one, ascending.
        var documentLists: [[Int32]] = []
        /// Entry index by hash of kind, sentence-initial flag and text; collisions are probed.
        private var slots = HashMap<Int32>(initial: -1, bits: 14)
        /// How often each capitalised word (by folded hash) appears where no sentence begins,
        /// headings left out.
        var capitalised = HashMap<Int32>(initial: 0, bits: 14)
        /// The words seen in lowercase. Only seen, not counted: an exact count per lowercase
        /// token would cost a likely cache miss each.
        let lowercase = LowercaseWords()

        init() {
            keys.reserveCapacity(1 << 16)
        }

        private static func slotHash(_ kind: Kind, _ sentenceInitial: Bool, _ textHash: UInt64) -> UInt64 {
            textHash ^ (UInt64(kind.rawValue &* 2 &+ (sentenceInitial ? 1 : 0)) &* 0x9E37_79B9_7F4A_7C15)
        }

        /// The index of the entry for exactly this kind, flag and text, if any.
        func index(of kind: Kind, sentenceInitial: Bool, text: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
            var slot = Self.slotHash(kind, sentenceInitial, hash)
            return keys.withUnsafeBufferPointer { keys in
                while let found = slots[slot] {
                    let index = Int(found)
                    let entry = entries[index]
                    if entry.kind == kind, entry.sentenceInitial == sentenceInitial, Int(entry.keyLength) == text.count,
                       text.count == 0 || memcmp(keys.baseAddress! + Int(entry.keyStart), text.baseAddress!, text.count) == 0 {
                        return index
                    }
                    slot &+= 0x9E37_79B9
                }
                return nil
            }
        }

        private mutating func insert(_ entry: Entry, hash: UInt64) -> Int {
            var slot = Self.slotHash(entry.kind, entry.sentenceInitial, hash)
            while slots[slot] != nil { slot &+= 0x9E37_79B9 }
            let index = Int32(entries.count)
            slots.update(slot) { $0 = index }
            entries.append(entry)
            return entries.count - 1
        }

        /// Counts one occurrence of `text`: the entry's index, and whether `place` became its
        /// example (its first occurrence, or one after a short example).
        mutating func record(_ kind: Kind, sentenceInitial: Bool, followsThe: Bool, text: UnsafeBufferPointer<UInt8>,
                             at place: Place) -> (index: Int, isExample: Bool) {
            let hash = Hash.exact(text)
            if let index = index(of: kind, sentenceInitial: sentenceInitial, text: text, hash: hash) {
                entries[index].count += 1
                add(document: place.document, to: index)
                if followsThe { entries[index].followsThe = true }
                guard entries[index].shortExample else { return (index, false) }
                entries[index].example = place
                return (index, true)
            }
            let start = keys.count
            keys.append(contentsOf: text)
            let entry = Entry(kind: kind, sentenceInitial: sentenceInitial, followsThe: followsThe, key: start..<keys.count, place: place)
            return (insert(entry, hash: hash), true)
        }

        private mutating func add(document: Int32, to index: Int) {
            let entry = entries[index]
            if entry.documentList < 0 {
                guard document != entry.firstDocument else { return }
                entries[index].documentList = Int32(documentLists.count)
                documentLists.append([document])
            } else {
                let list = Int(entry.documentList)
                guard documentLists[list].last != document else { return }
                documentLists[list].append(document)
            }
            entries[index].documentCount += 1
        }

        /// The documents of entry `index`, ascending.
        func documents(of index: Int) -> [Int32] {
            let entry = entries[index]
            return [entry.firstDocument] + (entry.documentList < 0 ? [] : documentLists[Int(entry.documentList)])
        }

        /// Folds entry `source` into the entry of the same kind that does not start a sentence
        /// and whose text is `keys[key]`, creating that entry if needed. (An entry already split
        /// at "and" stays dead: what it would absorb is dropped.)
        mutating func merge(_ source: Int, into key: Range<Int>) {
            let from = entries[source]
            let hash = keys.withUnsafeBufferPointer { Hash.exact(UnsafeBufferPointer(rebasing: $0[key])) }
            let found = keys.withUnsafeBufferPointer {
                index(of: from.kind, sentenceInitial: false, text: UnsafeBufferPointer(rebasing: $0[key]), hash: hash)
            }
            guard let target = found else {
                var copy = Entry(kind: from.kind, sentenceInitial: false, followsThe: from.followsThe, key: key, place: from.example)
                copy.count = from.count
                copy.firstDocument = from.firstDocument
                copy.documentCount = from.documentCount
                if from.documentList >= 0 {
                    copy.documentList = Int32(documentLists.count)
                    documentLists.append(documentLists[Int(from.documentList)])
                }
                copy.shortExample = from.shortExample
                _ = insert(copy, hash: hash)
                return
            }
            let into = entries[target]
            let mine = documents(of: target), theirs = documents(of: source)
            var union: [Int32] = []
            union.reserveCapacity(mine.count + theirs.count)
            var i = 0, j = 0
            while i < mine.count || j < theirs.count {
                let next: Int32
                if j == theirs.count || (i < mine.count && mine[i] <= theirs[j]) { next = mine[i]; i += 1 } else { next = theirs[j]; j += 1 }
                if union.last != next { union.append(next) }
            }
            entries[target].count += from.count
            entries[target].followsThe = into.followsThe || from.followsThe
            entries[target].firstDocument = union[0]
            entries[target].documentCount = Int32(union.count)
            if union.count > 1 {
                if into.documentList >= 0 {
                    documentLists[Int(into.documentList)] = Array(union.dropFirst())
                } else {
                    entries[target].documentList = Int32(documentLists.count)
                    documentLists.append(Array(union.dropFirst()))
                }
            }
            if (from.shortExample ? 1 : 0, from.example.document, from.example.start)
                < (into.shortExample ? 1 : 0, into.example.document, into.example.start) {
                entries[target].example = from.example
                entries[target].shortExample = from.shortExample
            }
        }
    }

    /// A word of a capitalised run: a capitalised word or a connector ("of", "&").
    struct RunWord {
        var start: Int
        var end: Int
        var folded: UInt64
        var isConnector: Bool
        var sentenceInitial: Bool
    }

    /// A candidate found on the current line, recorded when the line ends (when its example
    /// sentence is complete); runs are dropped if the line turns out to be a heading.
    struct PendingRun {
        var kind: Kind
        var keptInHeadings: Bool
        var keyStart: Int
        var keyEnd: Int
        var sentenceInitial: Bool
        var followsThe: Bool
        var place: Place
    }

    /// Bit 1: ASCII capital, 2: ASCII lowercase letter, 4: ASCII digit; 0 for any other byte.
    nonisolated(unsafe) static let letterTable: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for byte in 0..<256 {
            table[byte] = (65...90).contains(byte) ? 1 : (97...122).contains(byte) ? 2 : (48...57).contains(byte) ? 4 : 0
        }
        return UnsafePointer(table)
    }()
}
