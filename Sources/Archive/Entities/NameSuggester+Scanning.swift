import Foundation

/// The single pass over each document's UTF-8 bytes: tokens, capitalised runs, products and
/// tickers, tallied by exact text, plus how often each word is written capitalised mid-sentence
/// and in lowercase (which later decides whether a sentence-initial word is an ordinary word).
extension NameSuggester {
    enum Kind: UInt8 {
        case name, product, ticker

        var reason: String {
            switch self {
            case .name: return "name"
            case .product: return "product"
            case .ticker: return "ticker"
            }
        }
    }

    /// Where an occurrence is, in byte offsets, for its example sentence.
    struct Place {
        var document: Int32
        var sentenceStart: Int32
        var start: Int32
        var end: Int32

        /// Document order.
        func precedes(_ other: Place) -> Bool {
            (document, start) < (other.document, other.start)
        }
    }

    /// One distinct candidate text of one kind and its occurrences.
    struct Entry {
        let kind: Kind
        /// The text's first word began a sentence, so it may be an ordinary word capitalised
        /// only by position ("Supplying ByteDance"); decided once the whole corpus is seen.
        let sentenceInitial: Bool
        let text: String
        var count: Int
        var firstDocument: Int32
        /// Further documents, ascending.
        var moreDocuments: [Int32] = []
        /// The first occurrence, or the first whose sentence is not short.
        var example: Place
        /// The example's sentence has little besides the name ("Introducing Qwen3!"): a later
        /// occurrence replaces it.
        var shortExample = false
        /// Some occurrence followed a "The" that was stripped ("The Next Platform").
        var followsThe: Bool
        /// False once merged into another entry.
        var isAlive = true

        var documentCount: Int { 1 + moreDocuments.count }

        mutating func add(document: Int32) {
            if document != (moreDocuments.last ?? firstDocument) { moreDocuments.append(document) }
        }

        /// Folds `other`'s occurrences into this entry.
        mutating func absorb(_ other: Entry) {
            count += other.count
            followsThe = followsThe || other.followsThe
            if (other.shortExample ? 1 : 0, other.example.document, other.example.start) < (shortExample ? 1 : 0, example.document, example.start) {
                example = other.example
                shortExample = other.shortExample
            }
            let mine = [firstDocument] + moreDocuments, theirs = [other.firstDocument] + other.moreDocuments
            var merged: [Int32] = []
            merged.reserveCapacity(mine.count + theirs.count)
            var i = 0, j = 0
            while i < mine.count || j < theirs.count {
                let next: Int32
                if j == theirs.count || (i < mine.count && mine[i] <= theirs[j]) { next = mine[i]; i += 1 } else { next = theirs[j]; j += 1 }
                if merged.last != next { merged.append(next) }
            }
            firstDocument = merged[0]
            moreDocuments = Array(merged.dropFirst())
        }
    }

    /// How often a word (folded to lowercase) is written in lowercase, and capitalised where
    /// no sentence begins (headings left out).
    struct WordUse {
        var lowercase: Int32 = 0
        var capitalised: Int32 = 0
    }

    /// Everything the scan collects, across documents.
    struct Tally {
        var entries: [Entry] = []
        /// Entry index by hash of kind, sentence-initial flag and text; collisions are probed.
        private var slots = HashMap<Int32>(initial: -1, bits: 14)
        var words = HashMap<WordUse>(initial: WordUse(), bits: 14)

        private static func slotHash(_ kind: Kind, _ sentenceInitial: Bool, _ textHash: UInt64) -> UInt64 {
            textHash ^ (UInt64(kind.rawValue &* 2 &+ (sentenceInitial ? 1 : 0)) &* 0x9E37_79B9_7F4A_7C15)
        }

        /// The index of the entry for exactly this kind, flag and text, if any.
        func index(of kind: Kind, sentenceInitial: Bool, text: UnsafeBufferPointer<UInt8>) -> Int? {
            var slot = Self.slotHash(kind, sentenceInitial, Hash.exact(text))
            while let index = slots[slot] {
                let entry = entries[Int(index)]
                if entry.kind == kind, entry.sentenceInitial == sentenceInitial, Self.equal(entry.text, text) { return Int(index) }
                slot &+= 0x9E37_79B9
            }
            return nil
        }

        /// Adds an entry that `index(of:…)` did not find.
        private mutating func insert(_ entry: Entry, textHash: UInt64) -> Int {
            var slot = Self.slotHash(entry.kind, entry.sentenceInitial, textHash)
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
            if let index = index(of: kind, sentenceInitial: sentenceInitial, text: text) {
                entries[index].count += 1
                entries[index].add(document: place.document)
                if followsThe { entries[index].followsThe = true }
                guard entries[index].shortExample else { return (index, false) }
                entries[index].example = place
                return (index, true)
            }
            let entry = Entry(kind: kind, sentenceInitial: sentenceInitial, text: String(decoding: text, as: UTF8.self),
                              count: 1, firstDocument: place.document, example: place, followsThe: followsThe)
            return (insert(entry, textHash: Hash.exact(text)), true)
        }

        /// Folds `entry` into the entry of the same kind and `text` that does not start a
        /// sentence, creating that entry if needed. (An entry already split at "and" stays
        /// dead: what it would absorb is dropped.)
        mutating func merge(_ entry: Entry, into text: String) {
            NameSuggester.withBytes(of: text) { base, count in
                let buffer = UnsafeBufferPointer(start: base, count: count)
                if let index = index(of: entry.kind, sentenceInitial: false, text: buffer) {
                    entries[index].absorb(entry)
                } else {
                    var copy = Entry(kind: entry.kind, sentenceInitial: false, text: text, count: entry.count,
                                     firstDocument: entry.firstDocument, example: entry.example, followsThe: entry.followsThe)
                    copy.moreDocuments = entry.moreDocuments
                    copy.shortExample = entry.shortExample
                    _ = insert(copy, textHash: Hash.exact(buffer))
                }
            }
        }

        private static func equal(_ string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard string.utf8.count == bytes.count else { return false }
            return string.utf8.withContiguousStorageIfAvailable { stored in
                bytes.count == 0 || memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0
            } ?? string.utf8.elementsEqual(bytes)
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

    /// Scans one document into a tally.
    struct Scanner {
        let text: UnsafePointer<UInt8>
        let count: Int
        let document: Int32

        // The word lists, held here so that the hot loop does not go through lazy globals.
        private let common = NameSuggester.commonWords
        private let connectors = NameSuggester.connectors
        private let breakers = NameSuggester.breakers
        private let demonyms = NameSuggester.demonyms
        private let generic = NameSuggester.generic
        private let titleFunctionWords = NameSuggester.titleFunctionWords

        private var index = 0
        /// Where the current sentence began, for examples.
        private var sentenceStart = 0
        /// The next word begins a sentence, a line or a clause after a colon.
        private var atSentenceStart = true
        /// Only spaces since the previous token: a run may go on.
        private var cleanGap = false
        /// The next token is a handle, hashtag or ticker symbol, not a word.
        private var nextTokenIsSymbol = false

        private var run: [RunWord] = []
        private var pendingConnectors: [RunWord] = []
        private var runSentenceStart = 0

        private var lineRuns: [PendingRun] = []
        private var lineKeys: [UInt8] = []
        private var lineCapitalised: [UInt64] = []
        private var lineWords = 0
        private var lineCapitals = 0
        private var lineHasProse = false
        private var lineEndsWithStop = false

        init(text: UnsafePointer<UInt8>, count: Int, document: Int32) {
            self.text = text
            self.count = count
            self.document = document
        }

        mutating func scan(into tally: inout Tally) {
            while index < count {
                let byte = text[index]
                if byte < 0x80 {
                    switch ByteClass(ascii: byte) {
                    case .space:
                        index += 1
                    case .newline:
                        endLine(into: &tally)
                        index += 1
                        startSentence(at: index)
                    case .upper, .lower, .digit, .underscore:
                        scanToken(into: &tally)
                    case .period, .stop:
                        cleanGap = false
                        lineEndsWithStop = true
                        if NameSuggester.endsSentence(text, count: count, at: index, length: 1) {
                            flushRun()
                            startSentence(at: index + 1)
                        }
                        index += 1
                    case .colon:
                        cleanGap = false
                        atSentenceStart = true
                        index += 1
                    case .comma:
                        cleanGap = false
                        lineHasProse = true
                        index += 1
                    case .ampersand:
                        // " & " between capitalised words is a connector ("Procter & Gamble").
                        let spaced = index > 0 && text[index - 1] == 0x20 && index + 1 < count && text[index + 1] == 0x20
                        if spaced && cleanGap && !run.isEmpty && pendingConnectors.count < 2 {
                            pendingConnectors.append(RunWord(start: index, end: index + 1, folded: NameSuggester.andHash, isConnector: true, sentenceInitial: false))
                        } else {
                            cleanGap = false
                        }
                        index += 1
                    case .dollar:
                        cleanGap = false
                        scanTicker()
                        index += 1
                    case .at, .hash:
                        cleanGap = false
                        if byte == 0x40 { lineHasProse = true }
                        if index + 1 < count, NameSuggester.isWordStart(text, count: count, at: index + 1) { nextTokenIsSymbol = true }
                        index += 1
                    case .other:
                        cleanGap = false
                        if byte == 0x28 || byte == 0x3B { lineHasProse = true }
                        index += 1
                    case .apostrophe, .hyphen, .slash:
                        cleanGap = false
                        index += 1
                    }
                } else {
                    let (scalar, length) = NameSuggester.decode(text, at: index, count: count)
                    switch NameSuggester.classify(scalar) {
                    case .space:
                        index += length
                    case .newline:
                        endLine(into: &tally)
                        index += length
                        startSentence(at: index)
                    case .upper, .letter:
                        scanToken(into: &tally)
                    case .ellipsis:
                        cleanGap = false
                        lineEndsWithStop = true
                        if NameSuggester.endsSentence(text, count: count, at: index, length: length) {
                            flushRun()
                            startSentence(at: index + length)
                        }
                        index += length
                    case .apostrophe, .closingQuote, .other:
                        cleanGap = false
                        index += length
                    }
                }
            }
            endLine(into: &tally)
        }

        private mutating func startSentence(at offset: Int) {
            sentenceStart = offset
            atSentenceStart = true
            cleanGap = false
        }

        // MARK: Tokens

        /// Reads one token starting at a word character: letters and digits, joined by `-`, `.`,
        /// apostrophes, `&` between capitals ("AT&T") and `,` between digits ("27,000").
        private mutating func scanToken(into tally: inout Tally) {
            let start = index
            // Bits: 1 upper, 2 lower, 4 digit, 8 non-ASCII.
            var flags: UInt8 = 0
            var firstUpper = false, firstLower = false
            var hyphenated = false, lastSegmentStart = start
            var apostrophe = -1, apostropheLength = 0
            var position = start
            let lead = text[start]
            if lead < 0x80 {
                firstUpper = NameSuggester.isUpper(lead)
                firstLower = NameSuggester.isLower(lead)
            } else {
                let (scalar, _) = NameSuggester.decode(text, at: start, count: count)
                firstUpper = NameSuggester.classify(scalar) == .upper
                firstLower = !firstUpper && scalar.properties.isLowercase
            }
            scanning: while position < count {
                let byte = text[position]
                // ASCII letters and digits, the bulk of the text, without a branch per class.
                let upper = byte &- 0x41 < 26, lower = byte &- 0x61 < 26, digit = byte &- 0x30 < 10
                if upper || lower || digit {
                    flags |= (upper ? 1 : 0) | (lower ? 2 : 0) | (digit ? 4 : 0)
                    position += 1
                    continue
                }
                if byte < 0x80 {
                    switch ByteClass(ascii: byte) {
                    case .underscore:
                        position += 1
                    case .hyphen, .period, .apostrophe:
                        guard position > start, NameSuggester.isWordStart(text, count: count, at: position + 1) else { break scanning }
                        if byte == 0x2D { hyphenated = true; lastSegmentStart = position + 1 }
                        if byte == 0x27 { apostrophe = position; apostropheLength = 1 }
                        position += 1
                    case .comma:
                        guard position > start, position + 1 < count, NameSuggester.isDigit(text[position - 1]), NameSuggester.isDigit(text[position + 1]) else { break scanning }
                        position += 1
                    case .ampersand:
                        guard position > start, position + 1 < count, NameSuggester.isUpper(text[position - 1]), NameSuggester.isUpper(text[position + 1]) else { break scanning }
                        position += 1
                    default:
                        break scanning
                    }
                } else {
                    let (scalar, length) = NameSuggester.decode(text, at: position, count: count)
                    switch NameSuggester.classify(scalar) {
                    case .upper:
                        flags |= 1 | 8
                        position += length
                    case .letter:
                        flags |= 2 | 8
                        position += length
                    case .apostrophe:
                        guard position > start, NameSuggester.isWordStart(text, count: count, at: position + length) else { break scanning }
                        flags |= 8
                        apostrophe = position
                        apostropheLength = length
                        position += length
                    default:
                        break scanning
                    }
                }
            }
            let hasUpper = flags & 1 != 0, hasLower = flags & 2 != 0, hasDigit = flags & 4 != 0
            index = position
            var end = position

            // Possessives and contractions: "Sachs’s", "Aker's", "It’s"; and "Sachs’ " / "Nvidia' ".
            var possessive = false
            if apostrophe >= 0, apostrophe + apostropheLength + 1 == end, text[end - 1] == 0x73 || text[end - 1] == 0x53 {
                end = apostrophe
                possessive = true
            } else if index < count, text[end - 1] == 0x73 || text[end - 1] == 0x53 {
                var apostropheEnd = -1
                if text[index] == 0x27 { apostropheEnd = index + 1 }
                else if text[index] == 0xE2, index + 2 < count, text[index + 1] == 0x80, text[index + 2] == 0x99 { apostropheEnd = index + 3 }
                if apostropheEnd > 0, !NameSuggester.isWordStart(text, count: count, at: apostropheEnd) {
                    possessive = true
                    index = apostropheEnd
                }
            }
            // Plural products: "GB200s", "H100s", "MI300Xs".
            if hasDigit && hasUpper && end - start >= 3 && text[end - 1] == 0x73
                && (NameSuggester.isDigit(text[end - 2]) || NameSuggester.isUpper(text[end - 2])) {
                end -= 1
            }

            let lastSegmentLower = hyphenated && lastSegmentStart < end && NameSuggester.isLower(text[lastSegmentStart])
            let capitalised = (firstUpper && !lastSegmentLower) || (firstLower && hasUpper && !hasDigit && !hyphenated)
            let lowercase = !hasUpper && !hasDigit && hasLower
            let number = !hasUpper && !hasLower && hasDigit
            handleToken(start: start, end: end, ascii: flags & 8 == 0, capitalised: capitalised, lowercase: lowercase, number: number,
                        possessive: possessive, productCandidate: hasDigit && hasUpper, into: &tally)
        }

        private mutating func handleToken(start: Int, end: Int, ascii: Bool, capitalised: Bool, lowercase: Bool, number: Bool,
                                          possessive: Bool, productCandidate: Bool, into tally: inout Tally) {
            let initial = atSentenceStart
            atSentenceStart = false
            let gapWasClean = cleanGap
            cleanGap = !possessive
            lineEndsWithStop = false
            lineWords += 1
            if nextTokenIsSymbol {
                nextTokenIsSymbol = false
                flushRun()
                cleanGap = false
                return
            }
            if !gapWasClean { flushRun() }
            guard end > start else { flushRun(); return }

            if productCandidate, NameSuggester.isProductLike(UnsafeBufferPointer(start: text + start, count: end - start)) {
                addPending(.product, bytes: start..<end)
            }

            if capitalised {
                let folded = ascii ? Hash.foldedASCII(text, from: start, to: end, count: count) : Hash.folded(text, from: start, to: end)
                lineCapitals += 1
                if !initial { lineCapitalised.append(folded) }
                if breakers.contains(folded) {
                    flushRun()
                } else {
                    let word = RunWord(start: start, end: end, folded: folded, isConnector: false, sentenceInitial: initial)
                    if run.isEmpty {
                        runSentenceStart = sentenceStart
                    } else if !pendingConnectors.isEmpty {
                        run.append(contentsOf: pendingConnectors)
                        pendingConnectors.removeAll(keepingCapacity: true)
                    }
                    run.append(word)
                }
            } else if lowercase {
                let folded = ascii ? Hash.foldedASCII(text, from: start, to: end, count: count) : Hash.folded(text, from: start, to: end)
                tally.words.update(folded) { $0.lowercase += 1 }
                if !lineHasProse && !titleFunctionWords.contains(folded) { lineHasProse = true }
                if !run.isEmpty && !possessive && pendingConnectors.count < 2 && connectors.contains(folded) {
                    pendingConnectors.append(RunWord(start: start, end: end, folded: folded, isConnector: true, sentenceInitial: false))
                } else {
                    flushRun()
                }
            } else if number && !run.isEmpty && pendingConnectors.isEmpty && isVersion(start, end) {
                addVersion(number: start, end)
                flushRun()
            } else {
                flushRun()
            }
            if possessive { flushRun() }
        }

        /// A version number after a name ("Llama 4", "Claude 2.1", "Microsoft 365"): 1–3 digits,
        /// optionally `.` and 1–2 digits, not followed by `%`.
        private func isVersion(_ start: Int, _ end: Int) -> Bool {
            var position = start, whole = 0, fraction = -1
            while position < end {
                let byte = text[position]
                if NameSuggester.isDigit(byte) {
                    if fraction >= 0 { fraction += 1 } else { whole += 1 }
                } else if byte == 0x2E && fraction < 0 {
                    fraction = 0
                } else {
                    return false
                }
                position += 1
            }
            guard (1...3).contains(whole), fraction < 0 || (1...2).contains(fraction) else { return false }
            return end >= count || text[end] != 0x25
        }

        private func place(_ start: Int, _ end: Int, sentence: Int? = nil) -> Place {
            Place(document: document, sentenceStart: Int32(truncatingIfNeeded: sentence ?? sentenceStart),
                  start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end))
        }

        // MARK: Tickers

        /// At a `$`: `$NVDA`, `$BRK.B` — one to five capitals, not after a word character and not
        /// followed by one. `$2.7B` is an amount and fails at once.
        private mutating func scanTicker() {
            let start = index
            if start > 0, NameSuggester.isWordEnd(text, at: start) { return }
            var position = start + 1
            while position < count, position - start <= 6, NameSuggester.isUpper(text[position]) { position += 1 }
            let letters = position - start - 1
            guard (1...5).contains(letters) else { return }
            if position + 1 < count, text[position] == 0x2E, NameSuggester.isUpper(text[position + 1]),
               !NameSuggester.isWordStart(text, count: count, at: position + 2) {
                position += 2
            }
            guard !NameSuggester.isWordStart(text, count: count, at: position) else { return }
            addPending(.ticker, bytes: start..<position)
            nextTokenIsSymbol = true
        }

        // MARK: Runs

        /// The part of the run that may be a name: without leading common words and connectors,
        /// and (unless `keepingEnd`) without trailing demonyms and connectors; whether the last
        /// leading word dropped was "The"; and how many capitalised words are left. Nothing is
        /// left if every word is common or generic ("European AI").
        private func keptWords(keepingEnd: Bool) -> (words: Range<Int>, followsThe: Bool, capitals: Int) {
            var first = 0, last = run.count, followsThe = false
            while first < last, run[first].isConnector || common.contains(run[first].folded) {
                let word = run[first]
                followsThe = word.folded == NameSuggester.theHash && word.end - word.start == 3 && text[word.start] == 0x54
                first += 1
            }
            while !keepingEnd, last > first, run[last - 1].isConnector || demonyms.contains(run[last - 1].folded) {
                last -= 1
            }
            var capitals = 0, specific = false
            for word in run[first..<last] where !word.isConnector {
                capitals += 1
                if !specific && !generic.contains(word.folded) && !common.contains(word.folded) { specific = true }
            }
            return (first..<last, followsThe, specific ? capitals : 0)
        }

        /// Ends the current run, keeping it for the line if it has 2–5 capitalised words.
        private mutating func flushRun() {
            if !pendingConnectors.isEmpty { pendingConnectors.removeAll(keepingCapacity: true) }
            guard run.count >= 2 else {
                if !run.isEmpty { run.removeAll(keepingCapacity: true) }
                return
            }
            defer { run.removeAll(keepingCapacity: true) }
            let kept = keptWords(keepingEnd: false)
            guard (2...5).contains(kept.capitals) else { return }
            addPending(.name, words: kept.words, suffix: nil, followsThe: kept.followsThe)
        }

        /// "Llama" + "4": the run's kept words and the number, as a product.
        private mutating func addVersion(number start: Int, _ end: Int) {
            let kept = keptWords(keepingEnd: true)
            guard (1...4).contains(kept.capitals) else { return }
            addPending(.product, words: kept.words, suffix: start..<end, followsThe: kept.followsThe)
        }

        /// A product token or ticker.
        private mutating func addPending(_ kind: Kind, bytes: Range<Int>) {
            let keyStart = lineKeys.count
            lineKeys.append(contentsOf: UnsafeBufferPointer(start: text + bytes.lowerBound, count: bytes.count))
            lineRuns.append(PendingRun(kind: kind, keptInHeadings: true, keyStart: keyStart, keyEnd: lineKeys.count,
                                       sentenceInitial: false, followsThe: false, place: place(bytes.lowerBound, bytes.upperBound)))
        }

        private mutating func addPending(_ kind: Kind, words: Range<Int>, suffix: Range<Int>?, followsThe: Bool) {
            let keyStart = lineKeys.count
            for position in words {
                if position > words.lowerBound { lineKeys.append(0x20) }
                let word = run[position]
                lineKeys.append(contentsOf: UnsafeBufferPointer(start: text + word.start, count: word.end - word.start))
            }
            if let suffix {
                lineKeys.append(0x20)
                lineKeys.append(contentsOf: UnsafeBufferPointer(start: text + suffix.lowerBound, count: suffix.count))
            }
            let firstWord = run[words.lowerBound]
            let end = suffix?.upperBound ?? run[words.upperBound - 1].end
            lineRuns.append(PendingRun(kind: kind, keptInHeadings: false, keyStart: keyStart, keyEnd: lineKeys.count,
                                       sentenceInitial: words.lowerBound == 0 && firstWord.sentenceInitial,
                                       followsThe: followsThe, place: place(firstWord.start, end, sentence: runSentenceStart)))
        }

        // MARK: Lines

        /// Whether the sentence at `place` has fewer than 30 bytes besides the name.
        private func isShort(_ place: Place) -> Bool {
            let end = NameSuggester.sentenceEnd(text, count: count, from: Int(place.end))
            return end - Int(place.sentenceStart) - Int(place.end - place.start) < 30
        }

        /// Records the line's candidates and capitalised words; a title-case heading (3–14 words,
        /// at least 3 capitalised, no lowercase word but title-case function words, no `,` `(`
        /// `;` `@`, and no closing `.` `!` `?`) gives only its products and tickers.
        private mutating func endLine(into tally: inout Tally) {
            flushRun()
            let heading = !lineHasProse && lineCapitals >= 3 && lineWords <= 14 && !lineEndsWithStop
            lineKeys.withUnsafeBufferPointer { keys in
                for pending in lineRuns where pending.keptInHeadings || !heading {
                    let (index, isExample) = tally.record(pending.kind, sentenceInitial: pending.sentenceInitial, followsThe: pending.followsThe,
                                                          text: UnsafeBufferPointer(rebasing: keys[pending.keyStart..<pending.keyEnd]), at: pending.place)
                    if isExample { tally.entries[index].shortExample = isShort(pending.place) }
                }
            }
            if !heading {
                for folded in lineCapitalised { tally.words.update(folded) { $0.capitalised += 1 } }
            }
            lineRuns.removeAll(keepingCapacity: true)
            lineKeys.removeAll(keepingCapacity: true)
            lineCapitalised.removeAll(keepingCapacity: true)
            lineWords = 0
            lineCapitals = 0
            lineHasProse = false
            lineEndsWithStop = false
        }
    }

    // MARK: Characters and sentences

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    @inline(__always) static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    @inline(__always) static func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }

    /// Whether a word character (letter, digit, `_`) starts at `position`; false at the end.
    static func isWordStart(_ text: UnsafePointer<UInt8>, count: Int, at position: Int) -> Bool {
        guard position < count else { return false }
        let byte = text[position]
        if byte < 0x80 {
            switch ByteClass(ascii: byte) {
            case .upper, .lower, .digit, .underscore: return true
            default: return false
            }
        }
        switch classify(decode(text, at: position, count: count).0) {
        case .upper, .letter: return true
        default: return false
        }
    }

    /// Whether the byte before `position` ends an ASCII word or a non-ASCII character (taken,
    /// conservatively, for a letter: "€$5" is no ticker).
    static func isWordEnd(_ text: UnsafePointer<UInt8>, at position: Int) -> Bool {
        let byte = text[position - 1]
        if byte >= 0x80 { return true }
        switch ByteClass(ascii: byte) {
        case .upper, .lower, .digit, .underscore: return true
        default: return false
        }
    }

    /// Whether the `.`, `!`, `?` or `…` at `position` (`length` bytes) ends a sentence: it is
    /// followed, after any closing quotes and brackets, by whitespace or the end; the next
    /// word does not start in lowercase; and a `.` does not close an abbreviation ("Dr.",
    /// "U.S.") or an initial ("John F. Kennedy").
    static func endsSentence(_ text: UnsafePointer<UInt8>, count: Int, at position: Int, length: Int) -> Bool {
        var after = position + length
        while after < count {
            let byte = text[after]
            if byte == 0x2E || byte == 0x21 || byte == 0x3F || byte == 0x22 || byte == 0x27 || byte == 0x29 || byte == 0x5D || byte == 0x2A {
                after += 1
            } else if byte == 0xE2, after + 2 < count, text[after + 1] == 0x80, (0x98...0x9D).contains(text[after + 2]) || text[after + 2] == 0xA6 {
                after += 3
            } else {
                break
            }
        }
        guard after < count else { return true }
        let next = text[after]
        guard next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == 0xC2 else { return false }
        var word = after
        while word < count, text[word] == 0x20 || text[word] == 0x09 { word += 1 }
        if word < count, isLower(text[word]) { return false }
        if text[position] == 0x2E {
            var wordStart = position
            while wordStart > 0, isUpper(text[wordStart - 1]) || isLower(text[wordStart - 1]) || isDigit(text[wordStart - 1]) || text[wordStart - 1] == 0x2E {
                wordStart -= 1
            }
            if wordStart > 0 && text[wordStart - 1] >= 0x80 { return true }
            if position - wordStart == 1 && isUpper(text[wordStart]) { return false }
            if position > wordStart && abbreviations.contains(Hash.foldedASCII(text, from: wordStart, to: position, count: count)) { return false }
        }
        return true
    }

    /// The end of the sentence that contains `position`: after its closing punctuation, or at
    /// the end of the line.
    static func sentenceEnd(_ text: UnsafePointer<UInt8>, count: Int, from position: Int) -> Int {
        var index = position
        while index < count {
            let byte = text[index]
            if byte == 0x0A || byte == 0x0D { return index }
            if byte == 0x2E || byte == 0x21 || byte == 0x3F {
                if endsSentence(text, count: count, at: index, length: 1) { return closingEnd(text, count: count, after: index + 1) }
                index += 1
            } else if byte == 0xE2, index + 2 < count, text[index + 1] == 0x80, text[index + 2] == 0xA6 {
                if endsSentence(text, count: count, at: index, length: 3) { return closingEnd(text, count: count, after: index + 3) }
                index += 3
            } else if byte == 0xE2, index + 2 < count, text[index + 1] == 0x80, text[index + 2] == 0xA8 || text[index + 2] == 0xA9 {
                return index
            } else {
                index += 1
            }
        }
        return count
    }

    /// Past any closing quotes and brackets after a sentence's last mark.
    private static func closingEnd(_ text: UnsafePointer<UInt8>, count: Int, after position: Int) -> Int {
        var index = position
        while index < count {
            let byte = text[index]
            if byte == 0x22 || byte == 0x27 || byte == 0x29 || byte == 0x5D || byte == 0x2E || byte == 0x21 || byte == 0x3F {
                index += 1
            } else if byte == 0xE2, index + 2 < count, text[index + 1] == 0x80, (0x98...0x9D).contains(text[index + 2]) {
                index += 3
            } else {
                break
            }
        }
        return index
    }
}
