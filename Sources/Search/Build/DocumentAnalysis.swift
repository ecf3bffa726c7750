/// A batch of documents' terms, as the tokenizer and stemmer found them: the first pass
/// of building an index, run on every core at once (batches are independent).
///
/// Inverted within the batch: an *entry* is one distinct stem of one document, and the
/// entries are stored stem by stem (each stem's in document order), so the next pass
/// reads each stem's postings as one contiguous run per batch instead of hopping
/// through memory. Everything is flat, one array per property, so that ten thousand
/// documents make a few hundred arrays rather than millions.
///
/// Stems are numbered by the analyzer that read the batch (`AnalyzerVocabulary`), which
/// reads several batches in turn so that each surface form is stemmed once per core.
struct AnalyzedBatch: Sendable {
    /// Documents in the batch.
    var documentCount = 0
    /// Where each stem's entries start; one extra at the end.
    var stemStarts: [Int32] = [0]
    /// Each entry's document, numbered within the batch.
    var documents: [Int32] = []
    /// Occurrences per field: `SearchField.allCases.count` values per entry.
    var frequencies: [UInt16] = []
    /// Where each entry's positions start in `positions`; one extra at the end.
    var positionStarts: [Int32] = [0]
    /// Token positions, entry by entry (fields concatenated, `fieldGap` apart).
    var positions: [Int32] = []
    /// Where each entry was before the batch was inverted: the index into `windows`,
    /// which stay in reading order (only a few of them are read, so they are not moved).
    var sourceEntries: [Int32] = []
    /// Each entry's excerpt, by source entry: the words around its first occurrence in
    /// the best field.
    var windows: [TextWindow] = []
    /// Which of its stem's surface forms each entry's document has: bit `r` for the form of
    /// rank `r` (`AnalyzerVocabulary.forms`, in order of first appearance per stem; ranks
    /// from 32 on have no bit). Moved with the entries when inverted: the term pass reads
    /// every one of a stem with several forms, and reading them by source entry missed the
    /// cache at each posting.
    var formMasks: [UInt32] = []
    /// Tokens per field, `SearchField.allCases.count` values per document.
    var lengths: [Int32] = []
    /// Each document's excerpt for a stem found only in the title, tags or entity names.
    var fallbacks: [TextWindow] = []

    /// Positions of fields are this far apart, so no phrase spans two.
    static let fieldGap: Int32 = 1_000

    var entryCount: Int { documents.count }

    /// The entries of the stem numbered `stem` by the batch's analyzer (none if the
    /// analyzer met it only in a later batch).
    func entries(of stem: Int) -> Range<Int> {
        stem + 1 < stemStarts.count ? Int(stemStarts[stem])..<Int(stemStarts[stem + 1]) : 0..<0
    }
}

/// The stems an analyzer met, over all the batches it read, numbered in order of first
/// appearance, and the surface forms of each.
struct AnalyzerVocabulary: Sendable {
    var stems: [String] = []
    /// In order of first appearance; a form's *rank* is its place among its stem's.
    var forms: [(form: String, stem: Int32)] = []
}

/// Some words of one field of a document, as UTF-8 byte offsets into that field's text.
struct TextWindow: Sendable, Equatable {
    var field: SearchField?
    var start: Int32
    var end: Int32
    /// Whether text was cut off before and after, for the "…" marks.
    var cutBefore: Bool
    var cutAfter: Bool

    static let none = TextWindow(field: nil, start: 0, end: 0, cutBefore: false, cutAfter: false)

    /// The words `radius` either side of token `index` of `tokens`.
    init(field: SearchField, tokens: TokenBuffer, around index: Int, radius: Int) {
        let first = max(0, index - radius)
        let last = min(tokens.count - 1, index + radius)
        self.init(field: field, start: tokens.sourceStarts[first], end: tokens.sourceEnds[last],
                  cutBefore: first > 0, cutAfter: last < tokens.count - 1)
    }

    init(field: SearchField?, start: Int32, end: Int32, cutBefore: Bool, cutAfter: Bool) {
        self.field = field
        self.start = start
        self.end = end
        self.cutBefore = cutBefore
        self.cutAfter = cutAfter
    }

    /// The window's text in `document`, whitespace collapsed, with "…" where it was cut.
    func text(in document: SearchDocument) -> String {
        guard let field, let source = document.fields[field] else { return "" }
        let words = source.utf8.withContiguousStorageIfAvailable { collapsed($0) }
            ?? Array(source.utf8).withUnsafeBufferPointer { collapsed($0) }
        return (cutBefore ? "…" : "") + words + (cutAfter ? "…" : "")
    }

    private func collapsed(_ utf8: UnsafeBufferPointer<UInt8>) -> String {
        guard start >= 0, Int(end) <= utf8.count, start <= end else { return "" }
        return WhitespaceCollapsing.collapse(UnsafeBufferPointer(rebasing: utf8[Int(start)..<Int(end)]))
    }
}

/// Tokenizes and stems documents into `AnalyzedBatch`es, a batch at a time, stemming
/// each surface form once per analyzer and keeping every per-document table in reused
/// arrays indexed by stem number (no dictionary per document, no array per stem).
struct DocumentAnalyzer {
    /// Words either side of a match in an excerpt.
    let radius: Int
    private let tokenizer = Tokenizer()
    private(set) var vocabulary = AnalyzerVocabulary()
    /// The batch so far, document by document (inverted by `finishBatch`).
    private var batch = AnalyzedBatch()
    /// Documents read, over all batches: the stamp in `seenIn`.
    private var documentsRead: Int32 = 0
    private var entryStems: [Int32] = []
    private var documentStarts: [Int32] = [0]
    /// Surface form → its number (its place in `vocabulary.forms`).
    private var formNumbers = WordTable()
    /// Each form's stem and its rank among that stem's forms, by form number.
    private var stemOfForm: [Int32] = []
    private var rankOfForm: [Int32] = []
    /// Forms met so far per stem.
    private var formsOfStem: [Int32] = []
    private var stemNumbers: [String: Int32] = [:]

    // Per-document scratch, indexed by stem number; valid where `seenIn` is the current
    // document.
    private var seenIn: [Int32] = []
    private var entryOfStem: [Int32] = []
    // Per-document scratch, indexed by entry (relative to the document's first).
    private var windowRanks: [Int] = []
    private var windowTokens: [Int32] = []
    // Per-document scratch, one per token: its entry and position.
    private var tokenEntries: [Int32] = []
    private var tokenPositions: [Int32] = []
    private var fieldTokens = TokenBuffer()
    /// The entries whose excerpt window moved into the field being read.
    private var bestHere: [Int32] = []

    init(radius: Int) {
        self.radius = radius
    }

    /// Which field an excerpt is best taken from (lower is better); nil for none.
    private static func excerptRank(_ field: SearchField) -> Int? {
        switch field {
        case .body: return 0
        case .summary: return 1
        case .headings: return 2
        default: return nil
        }
    }

    mutating func analyze(_ document: SearchDocument) {
        let fieldCount = SearchField.allCases.count
        let documentNumber = documentsRead
        documentsRead += 1
        batch.documentCount += 1
        let firstEntry = entryStems.count
        var lengths = [Int32](repeating: 0, count: fieldCount)
        var fallback = TextWindow.none
        var offset: Int32 = 0
        tokenEntries.removeAll(keepingCapacity: true)
        tokenPositions.removeAll(keepingCapacity: true)
        windowRanks.removeAll(keepingCapacity: true)
        windowTokens.removeAll(keepingCapacity: true)
        for field in SearchField.allCases {
            guard let text = document.fields[field], !text.isEmpty else { continue }
            tokenizer.scan(text, into: &fieldTokens)
            let count = fieldTokens.count
            lengths[field.rawValue] = Int32(count)
            let rank = Self.excerptRank(field)
            bestHere.removeAll(keepingCapacity: true)
            for index in 0..<count {
                let form = Int(formNumber(of: index))
                let stem = stemOfForm[form]
                let entry: Int
                if seenIn[Int(stem)] == documentNumber {
                    entry = Int(entryOfStem[Int(stem)])
                } else {
                    seenIn[Int(stem)] = documentNumber
                    entry = entryStems.count - firstEntry
                    entryOfStem[Int(stem)] = Int32(entry)
                    entryStems.append(stem)
                    batch.frequencies.append(contentsOf: repeatElement(0, count: fieldCount))
                    batch.windows.append(.none)
                    batch.formMasks.append(0)
                    windowRanks.append(Int.max)
                    windowTokens.append(0)
                }
                batch.frequencies[(firstEntry + entry) * fieldCount + field.rawValue] &+= 1
                let formRank = rankOfForm[form]
                if formRank < 32 { batch.formMasks[firstEntry + entry] |= 1 << UInt32(formRank) }
                tokenEntries.append(Int32(entry))
                tokenPositions.append(offset + Int32(index))
                if let rank, rank < windowRanks[entry] {
                    windowRanks[entry] = rank
                    windowTokens[entry] = Int32(index)
                    bestHere.append(Int32(entry))
                }
            }
            // Windows need the tokens after the match too, so they are cut once the field is read.
            for entry in bestHere {
                batch.windows[firstEntry + Int(entry)] = TextWindow(field: field, tokens: fieldTokens,
                                                                    around: Int(windowTokens[Int(entry)]), radius: radius)
            }
            if count > 0, field == .summary || (field == .body && fallback.field == nil) {
                fallback = TextWindow(field: field, tokens: fieldTokens, around: radius, radius: radius)
            }
            offset += Int32(count) + AnalyzedBatch.fieldGap
        }
        // Positions, entry by entry, in token order (so each entry's are ascending).
        let entries = entryStems.count - firstEntry
        let base = batch.positions.count
        var next = [Int32](repeating: 0, count: entries + 1)
        for entry in tokenEntries { next[Int(entry) + 1] += 1 }
        for entry in 0..<entries { next[entry + 1] += next[entry] }
        for entry in 0..<entries { batch.positionStarts.append(Int32(base) + next[entry + 1]) }
        batch.positions.append(contentsOf: repeatElement(0, count: tokenEntries.count))
        for (token, entry) in tokenEntries.enumerated() {
            batch.positions[base + Int(next[Int(entry)])] = tokenPositions[token]
            next[Int(entry)] += 1
        }
        for entry in firstEntry..<entryStems.count where batch.windows[entry].field == nil {
            batch.windows[entry] = fallback
        }
        batch.lengths.append(contentsOf: lengths)
        batch.fallbacks.append(fallback)
        documentStarts.append(Int32(entryStems.count))
    }

    /// The documents read since the last batch, inverted: entries regrouped stem by stem,
    /// each stem's in document order. Done here, while the batch is small enough to stay
    /// in cache.
    mutating func finishBatch() -> AnalyzedBatch {
        defer {
            batch = AnalyzedBatch()
            entryStems.removeAll(keepingCapacity: true)
            documentStarts = [0]
        }
        let fieldCount = SearchField.allCases.count
        var inverted = AnalyzedBatch()
        inverted.documentCount = batch.documentCount
        inverted.lengths = batch.lengths
        inverted.fallbacks = batch.fallbacks
        var starts = [Int32](repeating: 0, count: vocabulary.stems.count + 1)
        for stem in entryStems { starts[Int(stem) + 1] += 1 }
        for stem in vocabulary.stems.indices { starts[stem + 1] += starts[stem] }
        var next = starts
        var order = [Int32](repeating: 0, count: entryStems.count)
        for (entry, stem) in entryStems.enumerated() {
            order[Int(next[Int(stem)])] = Int32(entry)
            next[Int(stem)] += 1
        }
        var documentOfEntry = [Int32](repeating: 0, count: entryStems.count)
        for document in 0..<batch.documentCount {
            for entry in Int(documentStarts[document])..<Int(documentStarts[document + 1]) { documentOfEntry[entry] = Int32(document) }
        }
        inverted.stemStarts = starts
        // Gathered element by element into arrays made to size: a copy call per entry
        // (six frequencies, two or three positions) cost more than the copying.
        var documents = [Int32](repeating: 0, count: order.count)
        var frequencies = [UInt16](repeating: 0, count: batch.frequencies.count)

        var formMasks = [UInt32](repeating: 0, count: order.count)
        var positions = [Int32](repeating: 0, count: batch.positions.count)
        var positionStarts = [Int32](repeating: 0, count: order.count + 1)
        var written = 0
        for slot in order.indices {
            let entry = Int(order[slot])
            documents[slot] = documentOfEntry[entry]
            formMasks[slot] = batch.formMasks[entry]
            for field in 0..<fieldCount { frequencies[slot * fieldCount + field] = batch.frequencies[entry * fieldCount + field] }

            for index in Int(batch.positionStarts[entry])..<Int(batch.positionStarts[entry + 1]) {
                positions[written] = batch.positions[index]
                written += 1
            }
            positionStarts[slot + 1] = Int32(written)
        }
        inverted.documents = documents
        inverted.frequencies = frequencies
        inverted.sourceEntries = order
        inverted.windows = batch.windows
        inverted.formMasks = formMasks
        inverted.positions = positions
        inverted.positionStarts = positionStarts
        return inverted
    }

    /// The number of token `index`'s surface form, stemming it if the form is new.
    private mutating func formNumber(of index: Int) -> Int32 {
        let start = index == 0 ? 0 : Int(fieldTokens.ends[index - 1]), end = Int(fieldTokens.ends[index])
        let known = fieldTokens.bytes.withUnsafeBufferPointer { formNumbers.number(of: UnsafeBufferPointer(rebasing: $0[start..<end])) }
        if let known { return known }
        let bytes = Array(fieldTokens.bytes[start..<end])
        let form = String(decoding: bytes, as: UTF8.self)
        let stemText = fieldTokens.isCJK[index] ? form : EnglishStemmer.stem(form)
        let stem: Int32
        if let known = stemNumbers[stemText] {
            stem = known
        } else {
            stem = Int32(vocabulary.stems.count)
            stemNumbers[stemText] = stem
            vocabulary.stems.append(stemText)
            seenIn.append(-1)
            entryOfStem.append(0)
            formsOfStem.append(0)
        }
        let number = bytes.withUnsafeBufferPointer { formNumbers.add($0) }
        vocabulary.forms.append((form, stem))
        stemOfForm.append(stem)
        rankOfForm.append(formsOfStem[Int(stem)])
        formsOfStem[Int(stem)] += 1
        return number
    }
}
