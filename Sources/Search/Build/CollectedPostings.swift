/// Every batch's analysis joined into one: stems numbered across the whole archive, and
/// for each stem, where its postings are in each batch.
///
/// The batches stay as they are (each already inverted, stem by stem), so a stem's
/// postings are one contiguous run per batch, read in batch order, which is document
/// order. Nothing is copied: joining is only numbering.
struct CollectedPostings: Sendable {
    /// Every stem, numbered in order of first appearance.
    let stems: [String]
    /// Each stem's number.
    let stemNumbers: [String: Int32]
    /// The surface forms of each stem, sorted by bytes: a form's place here is its bit
    /// in a posting's form mask.
    let forms: [[String]]
    /// Documents holding each stem.
    let documentFrequencies: [Int]
    let batches: [AnalyzedBatch]
    /// The id of each batch's first document.
    let documentBases: [Int32]
    /// For each batch, each stem's number in its analyzer's vocabulary, or -1.
    let batchStems: [[Int32]]
    /// Each batch's analyzer.
    let batchAnalyzers: [Int]
    /// Per analyzer, where each of its stems' forms start in `formPlaces` (one extra at the end).
    let formStarts: [[Int32]]
    /// Per analyzer, its forms stem by stem in rank order: each one's place in `forms`.
    let formPlaces: [[Int32]]
    /// Tokens per field, `SearchField.allCases.count` values per document.
    let lengths: [Int32]
    /// Each document's fallback excerpt window.
    let fallbacks: [TextWindow]

    /// One posting as the term pass reads it: where it is, and views of its batch's
    /// arrays (valid only inside `forEachPosting`).
    struct Posting {
        /// The document's id in the whole index.
        let document: Int
        let batch: Int
        let entry: Int
        /// Occurrences per field, `SearchField.allCases.count` of them.
        let frequencies: UnsafeBufferPointer<UInt16>
        /// Token positions, ascending.
        let positions: UnsafeBufferPointer<Int32>
        /// Which of the stem's `forms` the document has (bit i for forms[i], i below `TermPositions.maskedForms`);
        /// 0 when the stem has one form.
        let formMask: UInt32
    }

    /// Joins what each analyzer read: its vocabulary and its batches, which hold
    /// consecutive documents in order.
    init(_ analyzed: [(vocabulary: AnalyzerVocabulary, batches: [AnalyzedBatch])]) {
        var numbers: [String: Int32] = [:]
        var stems: [String] = []
        var forms: [Set<String>] = []
        var globalOfAnalyzer: [[Int32]] = []
        for (vocabulary, _) in analyzed {
            let global = vocabulary.stems.map { stem -> Int32 in
                if let known = numbers[stem] { return known }
                let number = Int32(stems.count)
                numbers[stem] = number
                stems.append(stem)
                forms.append([])
                return number
            }
            for (form, stem) in vocabulary.forms { forms[Int(global[Int(stem)])].insert(form) }
            globalOfAnalyzer.append(global)
        }
        let sortedForms = forms.map { $0.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) } }
        var placeOfForm: [String: Int32] = [:]
        for list in sortedForms { for (place, form) in list.enumerated() { placeOfForm[form] = Int32(place) } }
        var formStarts: [[Int32]] = []
        var formPlaces: [[Int32]] = []
        for (vocabulary, _) in analyzed {
            var starts = [Int32](repeating: 0, count: vocabulary.stems.count + 1)
            for (_, stem) in vocabulary.forms { starts[Int(stem) + 1] += 1 }
            for stem in vocabulary.stems.indices { starts[stem + 1] += starts[stem] }
            var next = starts
            var places = [Int32](repeating: 0, count: vocabulary.forms.count)
            for (form, stem) in vocabulary.forms {
                places[Int(next[Int(stem)])] = placeOfForm[form]!
                next[Int(stem)] += 1
            }
            formStarts.append(starts)
            formPlaces.append(places)
        }
        var frequencies = [Int](repeating: 0, count: stems.count)
        var batches: [AnalyzedBatch] = []
        var batchStems: [[Int32]] = []
        var batchAnalyzers: [Int] = []
        for (analyzer, ((_, analyzerBatches), global)) in zip(analyzed, globalOfAnalyzer).enumerated() {
            var local = [Int32](repeating: -1, count: stems.count)
            for (number, stem) in global.enumerated() { local[Int(stem)] = Int32(number) }
            for batch in analyzerBatches {
                for (number, stem) in global.enumerated() { frequencies[Int(stem)] += batch.entries(of: number).count }
                batches.append(batch)
                batchStems.append(local)
                batchAnalyzers.append(analyzer)
            }
        }
        var base: Int32 = 0
        documentBases = batches.map { batch in
            defer { base += Int32(batch.documentCount) }
            return base
        }
        self.stems = stems
        stemNumbers = numbers
        self.forms = sortedForms
        self.batchAnalyzers = batchAnalyzers
        self.formStarts = formStarts
        self.formPlaces = formPlaces
        self.documentFrequencies = frequencies
        self.batches = batches
        self.batchStems = batchStems
        lengths = batches.flatMap(\.lengths)
        fallbacks = batches.flatMap(\.fallbacks)
    }

    /// The excerpt window of entry `entry` of batch `batch`.
    func window(batch: Int, entry: Int) -> TextWindow {
        batches[batch].windows[Int(batches[batch].sourceEntries[entry])]
    }

    /// Calls `body` with each posting of `stem`, in document order (batch by batch).
    ///
    /// The term pass reads every posting of the archive twice through this, so it hands
    /// out views into the batches' arrays rather than copies: reading a batch's arrays
    /// one element at a time cost more in reference counting than in reading.
    func forEachPosting(of stem: Int, _ body: (Posting) -> Void) {
        // A mask has bits for the first `maskedForms` places only, and none for a stem of one form.
        let kept: UInt64 = forms[stem].count > 1 ? (1 << UInt64(TermPositions.maskedForms)) - 1 : 0
        forEachPosting(of: stem, skipping: nil) { posting, places in
            body(Posting(document: posting.document, batch: posting.batch, entry: posting.entry, frequencies: posting.frequencies,
                         positions: posting.positions, formMask: UInt32(places & kept)))
        }
    }

    /// Calls `body` with each posting of `stem` whose document is not marked in
    /// `skipping` (nil: every posting), in document order, and the places in `forms[stem]`
    /// of the forms the document has (bit p for place p), unfiltered; its `formMask` is 0.
    /// `StemPostings` gathers a stem's postings again after an edit with this. Places
    /// from 64 on have no bit. A stem of one form has no masks to read: its places are
    /// always bit 0.
    ///
    /// Reads the batches through pointers, as `forEachPosting(of:_:)` does: a copy of a
    /// batch, or an array of arrays read by subscript, retained and released its arrays
    /// for every posting.
    func forEachPosting(of stem: Int, skipping: [Bool]?, _ body: (Posting, _ places: UInt64) -> Void) {
        let fieldCount = SearchField.allCases.count
        let readsForms = forms[stem].count > 1
        (skipping ?? []).withUnsafeBufferPointer { skipping in
            for number in batches.indices {
                let local = batchStems[number][stem]
                guard local >= 0 else { continue }
                let range = batches[number].entries(of: Int(local))
                guard !range.isEmpty else { continue }
                let base = Int(documentBases[number])
                let analyzer = batchAnalyzers[number]
                let firstForm = Int(formStarts[analyzer][Int(local)])
                formPlaces[analyzer].withUnsafeBufferPointer { formPlaces in
                    batches[number].documents.withUnsafeBufferPointer { documents in
                        batches[number].formMasks.withUnsafeBufferPointer { formMasks in
                            batches[number].frequencies.withUnsafeBufferPointer { frequencies in
                                batches[number].positionStarts.withUnsafeBufferPointer { starts in
                                    batches[number].positions.withUnsafeBufferPointer { positions in
                                        for entry in range {
                                            let document = base + Int(documents[entry])
                                            guard skipping.isEmpty || !skipping[document] else { continue }
                                            var places: UInt64 = 0
                                            var ranks = readsForms ? formMasks[entry] : 1
                                            while ranks != 0 {
                                                let rank = ranks.trailingZeroBitCount
                                                ranks &= ranks - 1
                                                places |= 1 << UInt64(formPlaces[firstForm + rank])
                                            }
                                            let first = Int(starts[entry]), end = Int(starts[entry + 1])
                                            body(Posting(document: document, batch: number, entry: entry,
                                                         frequencies: UnsafeBufferPointer(rebasing: frequencies[(entry * fieldCount)..<((entry + 1) * fieldCount)]),
                                                         positions: UnsafeBufferPointer(rebasing: positions[first..<end]), formMask: 0), places)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
