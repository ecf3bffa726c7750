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

    /// One batch's postings of one stem: entries `range` of `batch`.
    struct Run {
        let batch: AnalyzedBatch
        let documentBase: Int32
        let range: Range<Int>
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

    /// Where `stem`'s postings are, batch by batch (so in document order).
    func runs(of stem: Int) -> [Run] {
        batches.indices.compactMap { number in
            let local = batchStems[number][stem]
            guard local >= 0, !batches[number].entries(of: Int(local)).isEmpty else { return nil }
            return Run(batch: batches[number], documentBase: documentBases[number], range: batches[number].entries(of: Int(local)))
        }
    }
}
