import Foundation

/// Splits text into search tokens, on UTF-8 bytes.
///
/// - Words are runs of letters and digits, lowercased with diacritics folded
///   (`Café` → `cafe`); an apostrophe inside a word stays (`nvidia's`, for the stemmer).
/// - Numbers and model names stay whole: `2.7`, `1,000` (as `1000`), `GB200`, `H100`,
///   `Qwen3`, and a `$` before a digit (`$2.7B` → `$2.7b`).
/// - An acronym's plural is its singular: `GPUs` → `gpu`, `H100s` → `h100`, `LLMs` →
///   `llm` (the stemmer cannot tell `gpus` from `this`, but the capitals can).
/// - Chinese and Japanese (Han, Hiragana, Katakana) are written without spaces, so a
///   run of them is indexed as overlapping character bigrams (`数据中心` → `数据`, `据中`,
///   `中心`); a lone character is its own token.
///
/// ASCII, nearly all of an English archive, takes a byte-at-a-time path with no
/// allocation per character; other scalars are decoded and folded one by one
/// (`ScalarFolding`).
public struct Tokenizer: Sendable {
    /// A tokenizer.
    public init() {}

    /// The tokens of `text`, in order.
    public func tokens(_ text: String) -> [Token] {
        let buffer = scan(text)
        return (0..<buffer.count).map { index in
            Token(text: String(decoding: buffer.text(of: index), as: UTF8.self), position: index,
                  range: Int(buffer.sourceStarts[index])..<Int(buffer.sourceEnds[index]), isCJK: buffer.isCJK[index])
        }
    }

    /// Just the token texts of `text`.
    public func words(_ text: String) -> [String] {
        tokens(text).map(\.text)
    }

    /// The tokens of `text` as flat arrays, reusing `buffer`'s storage: the index
    /// builder's path, which makes no String per token.
    func scan(_ text: String, into buffer: inout TokenBuffer) {
        var storage = TokenBuffer()
        swap(&storage, &buffer)  // the scanner owns the storage while it scans, so nothing is copied
        storage.removeAll()
        var text = text
        buffer = text.withUTF8 { utf8 in  // the string's own bytes, not a copy
            var scanner = TokenScanner(utf8, into: storage)
            return scanner.scan()
        }
    }

    func scan(_ text: String) -> TokenBuffer {
        var buffer = TokenBuffer()
        scan(text, into: &buffer)
        return buffer
    }
}

/// A text's tokens as parallel flat arrays: each token's folded UTF-8, where it ends in
/// `bytes`, where it was in the source, and whether it is a CJK bigram.
struct TokenBuffer: Sendable {
    /// Every token's folded text, one after another.
    var bytes: [UInt8] = []
    /// Where each token's text ends in `bytes` (it starts where the one before ends).
    var ends: [Int32] = []
    /// The token's UTF-8 byte range in the source.
    var sourceStarts: [Int32] = []
    var sourceEnds: [Int32] = []
    var isCJK: [Bool] = []

    var count: Int { ends.count }

    func text(of index: Int) -> ArraySlice<UInt8> {
        bytes[(index == 0 ? 0 : Int(ends[index - 1]))..<Int(ends[index])]
    }

    mutating func append<C: Collection>(_ text: C, source: Range<Int>, isCJK cjk: Bool) where C.Element == UInt8 {
        bytes.append(contentsOf: text)
        commit(source: source, isCJK: cjk)
    }

    /// Appends a run of ASCII letters and digits, lowercased: setting bit 5 lowercases a
    /// capital and leaves lowercase letters and digits as they are.
    mutating func appendFolded(_ run: UnsafeBufferPointer<UInt8>) {
        let start = bytes.count
        bytes.append(contentsOf: run)
        bytes.withUnsafeMutableBufferPointer { stored in
            for index in start..<stored.count { stored[index] |= 0x20 }
        }
    }

    /// Ends a token whose folded bytes are already at the end of `bytes`.
    mutating func commit(source: Range<Int>, isCJK cjk: Bool) {
        ends.append(Int32(bytes.count))
        sourceStarts.append(Int32(source.lowerBound))
        sourceEnds.append(Int32(source.upperBound))
        isCJK.append(cjk)
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        sourceStarts.removeAll(keepingCapacity: true)
        sourceEnds.removeAll(keepingCapacity: true)
        isCJK.removeAll(keepingCapacity: true)
    }
}

/// The state of one pass over a text's bytes.
struct TokenScanner {
    /// The text, valid while the scan runs.
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var tokens: TokenBuffer
    /// How many bytes of the word being built there are: its folded bytes are the last
    /// this many of `tokens.bytes`, written in place (no other token is added while a
    /// word is being built), so a word is never copied.
    private var wordLength = 0
    private var wordStart = 0
    private var wordEnd = 0
    /// Whether every letter of the word so far was an ASCII capital (digits allowed).
    private var wordIsCapitals = true
    private var wordHasCapital = false
    /// Whether the word's last letter was written as a lowercase `s` after capitals.
    private var acronymPlural = false
    /// Pending CJK characters of the current run, as source byte ranges (a run is
    /// contiguous in the source, so a bigram is the bytes from one start to the next end).
    private var cjkRun: [Range<Int>] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>, into buffer: TokenBuffer = TokenBuffer()) {
        self.bytes = bytes
        self.tokens = buffer
    }

    mutating func scan() -> TokenBuffer {
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                scanASCII(byte)
            } else {
                scanScalar()
            }
        }
        finishWord()
        finishCJK()
        return tokens
    }

    // MARK: ASCII

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    private func peek(_ offset: Int) -> UInt8? {
        offset >= 0 && offset < bytes.count ? bytes[offset] : nil
    }

    private mutating func scanASCII(_ byte: UInt8) {
        if Self.isLetter(byte) || Self.isDigit(byte) {
            finishCJK()
            // The whole run of ASCII letters and digits at once: most of any text.
            if wordLength == 0 { wordStart = index }
            var at = index
            var length = wordLength
            while at < bytes.count {
                let next = bytes[at]
                let isLetter = Self.isLetter(next)
                guard isLetter || Self.isDigit(next) else { break }
                let isCapital = next >= 0x41 && next <= 0x5A
                acronymPlural = next == 0x73 && wordIsCapitals && wordHasCapital && length >= 2
                if isLetter && !isCapital { wordIsCapitals = false }
                if isCapital { wordHasCapital = true }
                length += 1
                at += 1
            }
            tokens.appendFolded(UnsafeBufferPointer(rebasing: bytes[index..<at]))
            wordLength = length
            wordEnd = at
            index = at
            return
        }
        let next = peek(index + 1)
        let previousIsDigit = wordLength > 0 && Self.isDigit(tokens.bytes[tokens.bytes.count - 1])
        let nextIsDigit = next.map(Self.isDigit) ?? false
        switch byte {
        case 0x2E where previousIsDigit && nextIsDigit:  // 2.7
            acronymPlural = false
            append(byte, from: index, to: index + 1)
        case 0x2C where previousIsDigit && nextIsDigit:  // 1,000 → 1000
            wordEnd = index + 1
        case 0x27 where wordLength > 0 && (next.map(Self.isLetter) ?? false):  // nvidia's
            acronymPlural = false
            wordIsCapitals = false
            append(byte, from: index, to: index + 1)
        case 0x24 where wordLength == 0 && nextIsDigit:  // $2.7B
            finishCJK()
            append(byte, from: index, to: index + 1)
        default:
            finishWord()
            finishCJK()
        }
        index += 1
    }

    // MARK: Other scalars

    private mutating func scanScalar() {
        let start = index
        let length = Self.sequenceLength(bytes[index])
        let end = min(bytes.count, index + length)
        index = end
        guard let scalar = Self.decode(bytes[start..<end]) else {
            finishWord()
            finishCJK()
            return
        }
        if scalar == "\u{2019}", wordLength > 0, let next = peek(end), Self.isLetter(next) {
            append(0x27, from: start, to: end)  // Nvidia’s, with a typographic apostrophe
            return
        }
        if Self.isCJK(scalar) {
            finishWord()
            cjkRun.append(start..<end)
            return
        }
        if (0x2000...0x206F).contains(scalar.value) {  // General Punctuation: dashes, quotes, spaces
            finishWord()
            finishCJK()
            return
        }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil {
            finishCJK()
            wordIsCapitals = false
            acronymPlural = false
            append(ScalarFolding.fold(scalar), from: start, to: end)
        } else if properties.generalCategory == .nonspacingMark && wordLength > 0 {
            wordEnd = end  // a combining accent: folded away
        } else {
            finishWord()
            finishCJK()
        }
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF,  // Hiragana, Katakana
             0x3400...0x4DBF,  // CJK extension A
             0x4E00...0x9FFF,  // CJK unified ideographs
             0xF900...0xFAFF,  // compatibility ideographs
             0x20000...0x2FA1F:  // extensions B–F and supplements
            return true
        default:
            return false
        }
    }

    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC0...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF7: return 4
        default: return 1
        }
    }

    private static func decode(_ slice: Slice<UnsafeBufferPointer<UInt8>>) -> Unicode.Scalar? {
        var iterator = slice.makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    // MARK: Building tokens

    private mutating func append(_ folded: UInt8, from start: Int, to end: Int) {
        if wordLength == 0 { wordStart = start }
        tokens.bytes.append(folded)
        wordLength += 1
        wordEnd = end
    }

    private mutating func append(_ folded: [UInt8], from start: Int, to end: Int) {
        if wordLength == 0 { wordStart = start }
        tokens.bytes.append(contentsOf: folded)
        wordLength += folded.count
        wordEnd = end
    }

    private mutating func dropWordByte() {
        tokens.bytes.removeLast()
        wordLength -= 1
    }

    private mutating func finishWord() {
        defer {
            wordIsCapitals = true
            wordHasCapital = false
            acronymPlural = false
        }
        guard wordLength > 0 else { return }
        defer { wordLength = 0 }
        if acronymPlural, tokens.bytes.last == 0x73 { dropWordByte() }
        // A trailing apostrophe or a lone `$` is not part of the word.
        while wordLength > 0, tokens.bytes.last == 0x27 { dropWordByte() }
        if wordLength == 1, tokens.bytes.last == 0x24 { dropWordByte() }
        if wordLength > 0 { tokens.commit(source: wordStart..<wordEnd, isCJK: false) }
    }

    private mutating func finishCJK() {
        guard !cjkRun.isEmpty else { return }
        if cjkRun.count == 1 {
            tokens.append(bytes[cjkRun[0]], source: cjkRun[0], isCJK: true)
        } else {
            for pair in 0..<(cjkRun.count - 1) {
                let range = cjkRun[pair].lowerBound..<cjkRun[pair + 1].upperBound
                tokens.append(bytes[range], source: range, isCJK: true)
            }
        }
        cjkRun.removeAll(keepingCapacity: true)
    }
}
