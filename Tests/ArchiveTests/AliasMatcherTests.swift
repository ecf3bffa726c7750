import Testing
@testable import Archive

@Suite("Alias matcher")
struct AliasMatcherTests {
    /// The matched substrings and keys, which read better in failures than byte ranges.
    private func found(_ patterns: [AliasPattern], in text: String) -> [String] {
        let bytes = Array(text.utf8)
        return AliasMatcher(patterns: patterns).matches(in: text).map { match in
            String(decoding: bytes[match.range], as: UTF8.self) + "#\(match.key)"
        }
    }

    @Test func isCaseSensitiveByDefault() {
        let meta = [AliasPattern(text: "Meta", key: 1)]
        #expect(found(meta, in: "Meta and meta and META") == ["Meta#1"])
    }

    @Test func ignoreCaseMatchesAnyASCIICase() {
        let nvidia = [AliasPattern(text: "nvidia", ignoreCase: true, key: 7)]
        #expect(found(nvidia, in: "NVIDIA, Nvidia, nvidia, nVidia") == ["NVIDIA#7", "Nvidia#7", "nvidia#7", "nVidia#7"])
    }

    @Test func ignoreCaseComparesNonASCIIBytesExactly() {
        let zurich = [AliasPattern(text: "Zürich", ignoreCase: true, key: 1)]
        #expect(found(zurich, in: "ZÜRICH zürich") == ["zürich#1"])
    }

    @Test(arguments: ["Nvidia", "Nvidia's", "Nvidia’s", "(Nvidia)", "Nvidia-backed", "Nvidia.", "Nvidia—AMD",
                      "a\u{A0}Nvidia\u{A0}b", "“Nvidia”", "see Nvidia, AMD"])
    func matchesBetweenNonWordCharacters(text: String) {
        #expect(found([AliasPattern(text: "Nvidia", key: 0)], in: text) == ["Nvidia#0"])
    }

    @Test(arguments: ["Nvidias", "NvidiaX", "xNvidia", "Nvidia_ext", "_Nvidia", "éNvidia", "Nvidiaé", "3Nvidia", "Nvidia2",
                      "Nvidia\u{301}", "日Nvidia"])
    func rejectsMatchesInsideWords(text: String) {
        #expect(found([AliasPattern(text: "Nvidia", key: 0)], in: text).isEmpty)
    }

    @Test func patternsMayContainPunctuationAndDigits() {
        let patterns = ["Microsoft Azure", "crates.io", "Qwen3-Omni", "X.AI", "GB300", "Zürich"].enumerated().map {
            AliasPattern(text: $0.element, key: $0.offset)
        }
        let text = "Microsoft Azure hosts crates.io; Qwen3-Omni, X.AI's GB300s, GB300 in Zürich’s lab."
        #expect(found(patterns, in: text) == ["Microsoft Azure#0", "crates.io#1", "Qwen3-Omni#2", "X.AI#3", "GB300#4", "Zürich#5"])
    }

    @Test func patternEndsThatAreNotWordCharactersNeedNoBoundary() {
        let patterns = [AliasPattern(text: "$NVDA", key: 0), AliasPattern(text: "C++", key: 1)]
        #expect(found(patterns, in: "buy$NVDA now; C++20 and C++") == ["$NVDA#0", "C++#1", "C++#1"])
        // The word-character end still needs its boundary.
        #expect(found(patterns, in: "$NVDAQ") == [])
    }

    @Test func longestMatchWins() {
        let patterns = [AliasPattern(text: "Microsoft", key: 0), AliasPattern(text: "Microsoft Azure", key: 1)]
        #expect(found(patterns, in: "Microsoft Azure and Microsoft") == ["Microsoft Azure#1", "Microsoft#0"])
        let stargate = [AliasPattern(text: "Stargate Norway", key: 1), AliasPattern(text: "Stargate", key: 0)]
        #expect(found(stargate, in: "Stargate, then Stargate Norway.") == ["Stargate#0", "Stargate Norway#1"])
    }

    @Test func leftmostMatchWinsOverLongerLaterOne() {
        let patterns = [AliasPattern(text: "New York", key: 0), AliasPattern(text: "York Times Company", key: 1),
                        AliasPattern(text: "Times", key: 2)]
        #expect(found(patterns, in: "New York Times Company") == ["New York#0", "Times#2"])
    }

    @Test func rejectedCandidatesBlockNothing() {
        let patterns = [AliasPattern(text: "Meta", key: 0), AliasPattern(text: "Metaverse", key: 1),
                        AliasPattern(text: "Stargate", key: 2), AliasPattern(text: "Stargate Norway", key: 3)]
        #expect(found(patterns, in: "Metaverses Meta") == ["Meta#0"])
        // The longer name fails its end boundary, so the shorter one stands.
        #expect(found(patterns, in: "Stargate Norwayish") == ["Stargate#2"])
        // The longer name fails its case check, so the shorter one stands.
        #expect(found(patterns, in: "Stargate norway") == ["Stargate#2"])
    }

    @Test func firstGivenPatternWinsTies() {
        let duplicates = [AliasPattern(text: "OpenAI", key: 5), AliasPattern(text: "OpenAI", key: 9)]
        #expect(found(duplicates, in: "OpenAI") == ["OpenAI#5"])
        let mixed = [AliasPattern(text: "Meta", key: 1), AliasPattern(text: "meta", ignoreCase: true, key: 2)]
        #expect(found(mixed, in: "Meta META") == ["Meta#1", "META#2"])
        let reversed = [AliasPattern(text: "meta", ignoreCase: true, key: 2), AliasPattern(text: "Meta", key: 1)]
        #expect(found(reversed, in: "Meta") == ["Meta#2"])
    }

    @Test func emptyPatternsFindNothing() {
        #expect(AliasMatcher(patterns: []).isEmpty)
        #expect(AliasMatcher(patterns: []).matches(in: "anything").isEmpty)
        let blank = AliasMatcher(patterns: [AliasPattern(text: "", key: 0)])
        #expect(blank.isEmpty)
        #expect(blank.matches(in: "anything").isEmpty)
        let mixed = AliasMatcher(patterns: [AliasPattern(text: "", key: 0), AliasPattern(text: "Rust", key: 1)])
        #expect(!mixed.isEmpty)
        #expect(mixed.matches(in: "") == [])
        #expect(mixed.matches(in: "Rust") == [AliasMatch(range: 0..<4, key: 1)])
    }

    @Test func rangesAreUTF8ByteOffsets() {
        let matcher = AliasMatcher(patterns: [AliasPattern(text: "Nvidia", key: 3)])
        #expect(matcher.matches(in: "Café — Nvidia") == [AliasMatch(range: 10..<16, key: 3)])
        let bytes: [UInt8] = Array("x Nvidia y".utf8)
        let viaBuffer = bytes.withUnsafeBufferPointer { matcher.matches(in: $0) }
        #expect(viaBuffer == [AliasMatch(range: 2..<8, key: 3)])
        #expect(matcher.matches(in: UnsafeBufferPointer(start: nil, count: 0)) == [])
    }

    @Test func malformedUTF8CountsAsNonWord() {
        let matcher = AliasMatcher(patterns: [AliasPattern(text: "Nvidia", key: 0)])
        let bytes: [UInt8] = [0xC3] + Array("Nvidia".utf8) + [0xE2, 0x80]
        #expect(bytes.withUnsafeBufferPointer { matcher.matches(in: $0) } == [AliasMatch(range: 1..<7, key: 0)])
    }

    @Test func searchesConcurrentlyFromOneMatcher() async {
        let matcher = AliasMatcher(patterns: [AliasPattern(text: "Rust", key: 0), AliasPattern(text: "Swift", key: 1)])
        let text = String(repeating: "Rust and Swift, ", count: 200)
        let counts = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { matcher.matches(in: text).count } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 400, count: 8))
    }

    @Test func agreesWithBruteForceOnRandomInputs() {
        var random = AliasMatcherRandom(seed: 2026)
        let patternPieces = ["a", "b", "A", "é", "-", " ", "ab", "’"]
        let textPieces = ["a", "b", "A", "B", "é", "’", " ", "-", "_", "ab", "Ab", "—"]
        for _ in 0..<400 {
            let patterns = (0..<Int(random.next() % 8)).map { index in
                AliasPattern(text: random.string(from: patternPieces, count: 1 + Int(random.next() % 4)),
                             ignoreCase: random.next() % 2 == 0, key: index)
            }
            let matcher = AliasMatcher(patterns: patterns)
            for _ in 0..<20 {
                let text = random.string(from: textPieces, count: Int(random.next() % 80))
                let expected = Self.bruteForce(patterns, in: text)
                #expect(matcher.matches(in: text) == expected, "patterns \(patterns.map(\.text)) text \"\(text)\"")
            }
        }
    }

    /// The specification, directly: every pattern at every offset, then leftmost-longest-first selection.
    private static func bruteForce(_ patterns: [AliasPattern], in text: String) -> [AliasMatch] {
        let bytes = Array(text.utf8)
        func lower(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }
        func isWord(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.isASCII { return scalar == "_" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) }
            return [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                    .nonspacingMark, .spacingMark, .decimalNumber].contains(scalar.properties.generalCategory)
        }
        var candidates: [(start: Int, end: Int, index: Int)] = []
        for (index, pattern) in patterns.enumerated() where !pattern.text.isEmpty {
            let needle = Array(pattern.text.utf8)
            guard needle.count <= bytes.count else { continue }
            for start in 0...(bytes.count - needle.count) {
                let end = start + needle.count
                let window = bytes[start..<end]
                let equal = pattern.ignoreCase ? window.map(lower) == needle.map(lower) : Array(window) == needle
                guard equal else { continue }
                let before = String(decoding: bytes[..<start], as: UTF8.self).unicodeScalars.last
                let after = String(decoding: bytes[end...], as: UTF8.self).unicodeScalars.first
                if isWord(pattern.text.unicodeScalars.first!), let before, isWord(before) { continue }
                if isWord(pattern.text.unicodeScalars.last!), let after, isWord(after) { continue }
                candidates.append((start, end, index))
            }
        }
        candidates.sort { ($0.start, -$0.end, $0.index) < ($1.start, -$1.end, $1.index) }
        var result: [AliasMatch] = []
        var cursor = 0
        for candidate in candidates where candidate.start >= cursor {
            result.append(AliasMatch(range: candidate.start..<candidate.end, key: patterns[candidate.index].key))
            cursor = candidate.end
        }
        return result
    }
}

/// A small seeded generator, so the randomized test is reproducible.
private struct AliasMatcherRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func string(from pieces: [String], count: Int) -> String {
        (0..<count).map { _ in pieces[Int(next() % UInt64(pieces.count))] }.joined()
    }
}
