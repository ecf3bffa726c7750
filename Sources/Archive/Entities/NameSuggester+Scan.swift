extension NameSuggester {
    /// What a stretch of documents yields: candidates, and the word uses `resolve` weighs.
    struct Scan {
        var tallies: [Candidate: Tally] = [:]
        /// Mid-sentence uses of each capitalised word (by `key`) outside headings.
        var capitalised: [UInt64: Int] = [:]
        /// Words of five bytes or more that some line writes in lowercase.
        var lowercase: Set<UInt64> = []

        mutating func absorb(_ other: Scan) {
            for (candidate, tally) in other.tallies { tallies[candidate, default: Tally()].absorb(tally) }
            capitalised.merge(other.capitalised, uniquingKeysWith: +)
            lowercase.formUnion(other.lowercase)
        }

        mutating func read(_ text: [UInt8], document: Int) { for line in text.split(separator: 0x0A) { read(line: line.indices, of: text, document: document) } }

        /// Finds a line's runs of capitalised words, products and tickers. A title-case heading
        /// (up to 14 words, 3 capitalised, no lowercase word but "of", "for"…, no `,` `(` `;`
        /// `@`, no closing stop) gives only its products and tickers.
        mutating func read(line: Range<Int>, of text: [UInt8], document: Int) {
            let (tokens, punctuatedAsProse, endsWithStop) = NameSuggester.tokens(of: line, in: text)
            var found: [(candidate: Candidate, range: Range<Int>, followsThe: Bool)] = []
            var run: [Token] = [], connectors: [Token] = [], midSentenceCapitals: [UInt64] = []
            var prose = punctuatedAsProse, capitals = 0
            let (breakers, connectorWords, titleFunctionWords) = (NameSuggester.breakers, NameSuggester.connectorWords, NameSuggester.titleFunctionWords)
            /// The run as a candidate: trimmed, then `version` appended, if it is well formed.
            func candidate(_ kind: NameSuggestion.Reason, version: Token? = nil) -> (Candidate, Range<Int>, Bool)? {
                let words = run.map { String(decoding: text[$0.range], as: UTF8.self) }
                let kept = trimmed(words[...], keepingEnd: version != nil)
                let name = kept.words + (version.map { [String(decoding: text[$0.range], as: UTF8.self)] } ?? [])
                guard !kept.words.isEmpty, isWellFormed(name, kind: kind) else { return nil }
                let end = version?.range.upperBound ?? run[kept.dropped + kept.words.count - 1].range.upperBound
                let initial = kept.dropped == 0 && run[0].startsSentence
                return (Candidate(text: name.joined(separator: " "), kind: kind, sentenceInitial: initial), run[kept.dropped].range.lowerBound..<end, kept.followsThe)
            }
            func flush() {
                guard !run.isEmpty else { return }
                if run.count >= 2, let name = candidate(.name) { found.append(name) }
                run.removeAll(keepingCapacity: true)
                connectors.removeAll(keepingCapacity: true)
            }
            for token in tokens {
                if !token.cleanGap { flush() }
                if token.isProduct || token.shape == .ticker {
                    found.append((Candidate(text: String(decoding: text[token.range], as: UTF8.self), kind: token.isProduct ? .product : .ticker), token.range, false))
                }
                let key = token.shape == .capitalised || token.shape == .lowercase ? NameSuggester.key(text[token.range]) : 0
                switch token.shape {
                case .capitalised:
                    capitals += 1
                    if !token.startsSentence { midSentenceCapitals.append(key) }
                    if breakers.contains(key) { flush(); break }
                    if !connectors.isEmpty { (run, connectors) = (run + connectors, []) }
                    run.append(token)
                case .lowercase:
                    if token.range.count >= 5 { lowercase.insert(key) }
                    prose = prose || token.range.count >= 5 || !titleFunctionWords.contains(key)
                    if !run.isEmpty, connectors.count < 2, !token.isPossessive, connectorWords.contains(key) { connectors.append(token) } else { flush() }
                case .ampersand where !run.isEmpty && connectors.count < 2:
                    connectors.append(token)
                case .number where !run.isEmpty && connectors.isEmpty && isVersion(token.range, in: text):
                    if let product = candidate(.product, version: token) { found.append(product) }
                    flush()
                default:
                    flush()
                }
                if token.isPossessive { flush() }
            }
            flush()
            let heading = !prose && capitals >= 3 && tokens.filter { $0.shape != .ampersand }.count <= 14 && !endsWithStop
            for (candidate, range, followsThe) in found where !heading || !candidate.text.contains(" ") && candidate.kind != .name {
                tallies[candidate, default: Tally()].add(at: range, in: text, document: document, followsThe: followsThe)
            }
            if !heading { for capital in midSentenceCapitals { capitalised[capital, default: 0] += 1 } }
        }
    }
}
