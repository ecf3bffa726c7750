/// Every batch's analysis joined into one: stems numbered across the whole archive, and
/// for each stem, where its postings are in each batch.
///
/// The batches stay as they are (each already inverted, stem by stem), so a stem's
/// postings are one contiguous run per batch, read in batch order, which is document
/// order. Nothing is copied: joining is only numbering.
struct CollectedPostings: Sendable {
    /// Every stem, numbered in order of first appearance.
    let stems: [String]
    /// The surface forms of each stem.
    let forms: [Set<String>]
    /// Documents holding each stem.
    let documentFrequencies: [Int]
    let batches: [AnalyzedBatch]
    /// The id of each batch's first document.
    let documentBases: [Int32]
    /// For each batch, each stem's number in its analyzer's vocabulary, or -1.
    let batchStems: [[Int32]]
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
        var frequencies = [Int](repeating: 0, count: stems.count)
        var batches: [AnalyzedBatch] = []
        var batchStems: [[Int32]] = []
        for ((_, analyzerBatches), global) in zip(analyzed, globalOfAnalyzer) {
            var local = [Int32](repeating: -1, count: stems.count)
            for (number, stem) in global.enumerated() { local[Int(stem)] = Int32(number) }
            for batch in analyzerBatches {
                for (number, stem) in global.enumerated() { frequencies[Int(stem)] += batch.entries(of: number).count }
                batches.append(batch)
                batchStems.append(local)
            }
        }
        var base: Int32 = 0
        documentBases = batches.map { batch in
            defer { base += Int32(batch.documentCount) }
            return base
        }
        self.stems = stems
        self.forms = forms
        self.documentFrequencies = frequencies
        self.batches = batches
        self.batchStems = batchStems
        lengths = batches.flatMap(\.lengths)
        fallbacks = batches.flatMap(\.fallbacks)
    }

    /// Calls `body` with each posting of `stem`, in document order (batch by batch).
    ///
    /// The term pass reads every posting of the archive twice through this, so it hands
    /// out views into the batches' arrays rather than copies: reading a batch's arrays
    /// one element at a time cost more in reference counting than in reading.
    func forEachPosting(of stem: Int, _ body: (Posting) -> Void) {
        let fieldCount = SearchField.allCases.count
        for number in batches.indices {
            let local = batchStems[number][stem]
            guard local >= 0 else { continue }
            let range = batches[number].entries(of: Int(local))
            guard !range.isEmpty else { continue }
            let base = Int(documentBases[number])
            batches[number].documents.withUnsafeBufferPointer { documents in
                batches[number].frequencies.withUnsafeBufferPointer { frequencies in
                    batches[number].positionStarts.withUnsafeBufferPointer { starts in
                        batches[number].positions.withUnsafeBufferPointer { positions in
                            for entry in range {
                                let first = Int(starts[entry]), end = Int(starts[entry + 1])
                                body(Posting(document: base + Int(documents[entry]), batch: number, entry: entry,
                                             frequencies: UnsafeBufferPointer(rebasing: frequencies[(entry * fieldCount)..<((entry + 1) * fieldCount)]),
                                             positions: UnsafeBufferPointer(rebasing: positions[first..<end])))
                            }
                        }
                    }
                }
            }
        }
    }
}
