/// One document analysed on its own, as `DocumentAnalyzer` reads it in a whole build:
/// what an edit replaces in the index kept by `IndexMemory`.
///
/// The analyzer's numbering of stems and forms is its own, but what a document yields
/// (each stem's frequencies, positions, excerpt window and forms) does not depend on the
/// documents read before it, so this gives the same postings as the whole build did.
struct SingleDocumentAnalysis: Sendable {
    let vocabulary: AnalyzerVocabulary
    /// One entry per stem, in the vocabulary's order.
    let batch: AnalyzedBatch
    /// Each stem's number in `vocabulary`.
    let stemNumbers: [String: Int32]
    /// Each stem's forms, by rank (the bit order of `batch.formMasks`).
    let formsOfStem: [[String]]

    init(_ document: SearchDocument, radius: Int) {
        var analyzer = DocumentAnalyzer(radius: radius)
        analyzer.analyze(document)
        batch = analyzer.finishBatch()
        vocabulary = analyzer.vocabulary
        var numbers: [String: Int32] = [:]
        for (number, stem) in vocabulary.stems.enumerated() { numbers[stem] = Int32(number) }
        stemNumbers = numbers
        var forms = [[String]](repeating: [], count: vocabulary.stems.count)
        for (form, stem) in vocabulary.forms { forms[Int(stem)].append(form) }
        formsOfStem = forms
    }

    /// Tokens per field.
    var lengths: [Int32] { batch.lengths }

    /// The excerpt window for a stem found only in the title, tags or entity names.
    var fallback: TextWindow { batch.fallbacks.first ?? .none }

    /// The batch entry of `stem`, if the document has it (one entry per stem: the batch
    /// holds one document).
    func entry(of stem: String) -> Int? {
        stemNumbers[stem].map { Int(batch.stemStarts[Int($0)]) }
    }

    /// The forms of `stem` the document has, given its entry.
    func forms(of stem: String, entry: Int) -> [String] {
        guard let number = stemNumbers[stem] else { return [] }
        var ranks = batch.formMasks[entry]
        var forms: [String] = []
        while ranks != 0 {
            let rank = ranks.trailingZeroBitCount
            ranks &= ranks - 1
            forms.append(formsOfStem[Int(number)][rank])
        }
        return forms
    }

    /// Calls `body` with the posting of entry `entry`, numbered `document` in the index
    /// (its form mask left 0).
    func posting(_ entry: Int, document: Int, _ body: (CollectedPostings.Posting) -> Void) {
        let fieldCount = SearchField.allCases.count
        batch.frequencies.withUnsafeBufferPointer { frequencies in
            batch.positions.withUnsafeBufferPointer { positions in
                let first = Int(batch.positionStarts[entry]), end = Int(batch.positionStarts[entry + 1])
                body(CollectedPostings.Posting(document: document, batch: 0, entry: entry,
                                               frequencies: UnsafeBufferPointer(rebasing: frequencies[(entry * fieldCount)..<((entry + 1) * fieldCount)]),
                                               positions: UnsafeBufferPointer(rebasing: positions[first..<end]), formMask: 0))
            }
        }
    }
}
