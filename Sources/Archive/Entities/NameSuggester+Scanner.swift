import Foundation

extension NameSuggester {
    /// Scans one document into a tally.
    struct Scanner {
        let text: UnsafePointer<UInt8>
        let count: Int
        let document: Int32

        private let lowercaseWords: LowercaseWords
        // Held here so that the hot loop does not go through lazily initialised globals.
        private let letters = NameSuggester.letterTable
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

        init(text: UnsafePointer<UInt8>, count: Int, document: Int32, lowercaseWords: LowercaseWords) {
            self.text = text
            self.count = count
            self.document = document
            self.lowercaseWords = lowercaseWords
        }

        mutating func scan(into tally: inout Tally) {
            while index < count {
                let byte = text[index]
                if byte == 0x20 {
                    index &+= 1
                } else if letters[Int(byte)] == 2 {
                    scanLowercaseWord(into: &tally)
                } else if letters[Int(byte)] != 0 || byte == 0x5F {
                    scanToken(into: &tally)
                } else if byte < 0x80 {
                    scanPunctuation(byte, into: &tally)
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

        /// An ASCII byte that is not a letter, digit, `_` or space.
        private mutating func scanPunctuation(_ byte: UInt8, into tally: inout Tally) {
            switch ByteClass(ascii: byte) {
            case .space:
                break
            case .newline:
                endLine(into: &tally)
                startSentence(at: index + 1)
            case .period, .stop:
                cleanGap = false
                lineEndsWithStop = true
                if NameSuggester.endsSentence(text, count: count, at: index, length: 1) {
                    flushRun()
                    startSentence(at: index + 1)
                }
            case .colon:
                cleanGap = false
                atSentenceStart = true
            case .comma:
                cleanGap = false
                lineHasProse = true
            case .ampersand:
                // " & " between capitalised words is a connector ("Procter & Gamble").
                let spaced = index > 0 && text[index - 1] == 0x20 && index + 1 < count && text[index + 1] == 0x20
                if spaced && cleanGap && !run.isEmpty && pendingConnectors.count < 2 {
                    pendingConnectors.append(RunWord(start: index, end: index + 1, folded: NameSuggester.andHash, isConnector: true, sentenceInitial: false))
                } else {
                    cleanGap = false
                }
            case .dollar:
                cleanGap = false
                scanTicker()
            case .at, .hash:
                cleanGap = false
                if byte == 0x40 { lineHasProse = true }
                if NameSuggester.isWordStart(text, count: count, at: index + 1) { nextTokenIsSymbol = true }
            case .other:
                cleanGap = false
                if byte == 0x28 || byte == 0x3B { lineHasProse = true }
            case .apostrophe, .hyphen, .slash, .upper, .lower, .digit, .underscore:
                cleanGap = false
            }
            index += 1
        }

        private mutating func startSentence(at offset: Int) {
            sentenceStart = offset
            atSentenceStart = true
            cleanGap = false
        }

        // MARK: Tokens

        /// Most tokens: a word of lowercase ASCII letters followed by a space. Anything else that
        /// starts with a lowercase letter goes to `scanToken`.
        private mutating func scanLowercaseWord(into tally: inout Tally) {
            let start = index
            let (end, flags) = NameSuggester.asciiAlphanumerics(text, from: start, count: count)
            guard flags == 2, end < count, text[end] == 0x20 else {
                scanToken(into: &tally)
                return
            }
            index = end + 1  // and the space
            atSentenceStart = false
            let gapWasClean = cleanGap
            cleanGap = true
            lineEndsWithStop = false
            lineWords += 1
            if nextTokenIsSymbol {
                nextTokenIsSymbol = false
                flushRun()
                cleanGap = false
                return
            }
            let folded = Hash.foldedASCII(text, from: start, to: end, count: count)
            if end - start >= 5 { lowercaseWords.insert(folded) }
            if end - start > 4 {
                lineHasProse = true
                if !run.isEmpty { flushRun() }
                return
            }
            if !gapWasClean { flushRun() }
            handleLowercase(start: start, end: end, folded: folded, possessive: false)
        }

        /// A short lowercase word: a heading's function word, a connector inside a run, or the end of a run.
        private mutating func handleLowercase(start: Int, end: Int, folded: UInt64, possessive: Bool) {
            if !lineHasProse && (end - start > 4 || !titleFunctionWords.contains(folded)) { lineHasProse = true }
            if end - start <= 4 && !run.isEmpty && !possessive && pendingConnectors.count < 2 && connectors.contains(folded) {
                pendingConnectors.append(RunWord(start: start, end: end, folded: folded, isConnector: true, sentenceInitial: false))
            } else {
                flushRun()
            }
        }

        /// Reads one token starting at a word character: letters and digits, joined by `-`, `.`,
        /// apostrophes, `&` between capitals ("AT&T") and `,` between digits ("27,000").
        private mutating func scanToken(into tally: inout Tally) {
            let start = index
            // Bits: 1 capital, 2 lowercase, 4 digit, 8 non-ASCII.
            var flags: UInt8 = 0
            var firstUpper = false, firstLower = false
            var hyphenated = false, lastSegmentStart = start
            var apostrophe = -1, apostropheLength = 0
            var position = start
            let lead = text[start]
            if lead < 0x80 {
                firstUpper = letters[Int(lead)] == 1
                firstLower = letters[Int(lead)] == 2
            } else {
                let (scalar, _) = NameSuggester.decode(text, at: start, count: count)
                firstUpper = NameSuggester.classify(scalar) == .upper
                firstLower = !firstUpper && scalar.properties.isLowercase
            }
            scanning: while position < count {
                // ASCII letters and digits, the bulk of the text, eight bytes at a time.
                let (runEnd, runFlags) = NameSuggester.asciiAlphanumerics(text, from: position, count: count)
                flags |= runFlags
                position = runEnd
                guard position < count else { break }
                let byte = text[position]
                if byte < 0x80 {
                    switch ByteClass(ascii: byte) {
                    case .underscore:
                        flags |= 8  // hashed the slow way: `_` has no lowercase bit to OR in
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
            let last = text[end - 1]
            if last == 0x73 || last == 0x53 {
                if apostrophe >= 0, apostrophe + apostropheLength + 1 == end {
                    end = apostrophe
                    possessive = true
                } else if index < count {
                    var apostropheEnd = -1
                    if text[index] == 0x27 { apostropheEnd = index + 1 }
                    else if text[index] == 0xE2, index + 2 < count, text[index + 1] == 0x80, text[index + 2] == 0x99 { apostropheEnd = index + 3 }
                    if apostropheEnd > 0, !NameSuggester.isWordStart(text, count: count, at: apostropheEnd) {
                        possessive = true
                        index = apostropheEnd
                    }
                }
            }
            // Plural products: "GB200s", "H100s", "MI300Xs".
            if hasDigit && hasUpper && !possessive && end - start >= 3 && text[end - 1] == 0x73
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
                if end - start >= 5 { lowercaseWords.insert(folded) }
                handleLowercase(start: start, end: end, folded: folded, possessive: possessive)
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
            let initial = words.lowerBound == 0 && firstWord.sentenceInitial
            let end = suffix?.upperBound ?? run[words.upperBound - 1].end
            lineRuns.append(PendingRun(kind: kind, keptInHeadings: false, keyStart: keyStart, keyEnd: lineKeys.count,
                                       sentenceInitial: initial, followsThe: followsThe,
                                       place: place(firstWord.start, end, sentence: runSentenceStart)))
        }

        // MARK: Lines

        /// Whether the sentence at `place` has fewer than 30 bytes besides the name.
        private func isShort(_ place: Place) -> Bool {
            let end = NameSuggester.sentenceEnd(text, count: count, from: Int(place.end))
            return end - Int(place.sentenceStart) - Int(place.end - place.start) < 30
        }

        /// Records the line's candidates and word uses; a title-case heading (3–14 words, at
        /// least 3 capitalised, no lowercase word but title-case function words, no `,` `(` `;`
        /// `@`, and no closing `.` `!` `?`) gives only its products and tickers.
        private mutating func endLine(into tally: inout Tally) {
            flushRun()
            let heading = !lineHasProse && lineCapitals >= 3 && lineWords <= 14 && !lineEndsWithStop
            if !lineRuns.isEmpty {
                lineKeys.withUnsafeBufferPointer { keys in
                    for pending in lineRuns where pending.keptInHeadings || !heading {
                        let (index, isExample) = tally.record(pending.kind, sentenceInitial: pending.sentenceInitial, followsThe: pending.followsThe,
                                                              text: UnsafeBufferPointer(rebasing: keys[pending.keyStart..<pending.keyEnd]), at: pending.place)
                        if isExample { tally.entries[index].shortExample = isShort(pending.place) }
                    }
                }
                lineRuns.removeAll(keepingCapacity: true)
                lineKeys.removeAll(keepingCapacity: true)
            }
            if !heading {
                for folded in lineCapitalised { tally.capitalised.update(folded) { $0 += 1 } }
            }
            lineCapitalised.removeAll(keepingCapacity: true)
            lineWords = 0
            lineCapitals = 0
            lineHasProse = false
            lineEndsWithStop = false
        }
    }
}
