/// Every posting of one stem after an edit, in document order: those of the last whole
/// build's analysis (`CollectedPostings`), leaving out the documents changed since, with
/// the changed documents' own merged in where they fall. What the term pass weighs again
/// for a stem an edit touched.
///
/// A view, not a copy: the postings are read from the batches where they lie, so
/// gathering a stem that ten thousand documents hold allocates nothing per posting.
/// Its forms are worked out again, since an edit can bring a new spelling or take away
/// the last of one, and a form's place among them is its bit in each posting's mask.
struct StemPostings {
    let stem: String
    /// Sorted by bytes, as in a whole build.
    let forms: [String]
    /// Documents holding the stem.
    let count: Int
    /// The highest weight of any of its postings.
    let highestWeight: Double
    private let base: CollectedPostings
    private let baseNumber: Int?
    private let skipping: [Bool]
    /// The changed documents that hold the stem: id, analysis, entry, and mask.
    private let edited: [(id: Int, analysis: SingleDocumentAnalysis, entry: Int, mask: UInt32)]
    /// Each base form's place in `forms` (a base form no document has any more maps to 0,
    /// and no posting has its bit).
    private let placeOfBaseForm: [Int]

    /// Gathers `stem`'s postings: those in `base` of the documents not marked in
    /// `skipping`, and those of `replaced` (sorted by document id). Nil when the stem has
    /// more forms than a mask holds: their bits depend on the order the whole build read
    /// the documents in, so only a whole build can make them. `weigher` weighs the
    /// postings for `highestWeight` on the way.
    init?(stem: String, base: CollectedPostings, skipping: [Bool], replaced: [(id: Int, analysis: SingleDocumentAnalysis)],
          weigher: Weigher) {
        self.stem = stem
        self.base = base
        self.skipping = skipping
        let baseNumber = base.stemNumbers[stem].map(Int.init)
        self.baseNumber = baseNumber
        let baseForms = baseNumber.map { base.forms[$0] } ?? []
        guard baseForms.count <= TermPositions.maskedForms else { return nil }
        let holding = replaced.compactMap { document in document.analysis.entry(of: stem).map { (document.id, document.analysis, $0) } }
        let editedForms = holding.map { $0.1.forms(of: stem, entry: $0.2) }

        // Which base forms the unchanged documents still have, how many documents hold the
        // stem, and the highest saturation.
        var present: UInt64 = 0
        var count = holding.count
        var highest = 0.0
        if let baseNumber {
            base.forEachPosting(of: baseNumber, skipping: skipping) { posting, places in
                present |= places
                count += 1
                highest = max(highest, weigher.saturation(posting))
            }
        }
        self.count = count
        var formSet = Set<String>()
        for place in baseForms.indices where present & (1 << UInt64(place)) != 0 { formSet.insert(baseForms[place]) }
        for forms in editedForms { formSet.formUnion(forms) }
        forms = formSet.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        guard forms.count <= TermPositions.maskedForms else { return nil }
        var placeOfForm: [String: Int] = [:]
        for (place, form) in forms.enumerated() { placeOfForm[form] = place }
        placeOfBaseForm = baseForms.map { placeOfForm[$0] ?? 0 }
        let hasForms = forms.count > 1
        let edited = zip(holding, editedForms).map { document, forms in
            (id: document.0, analysis: document.1, entry: document.2, mask: hasForms ? forms.reduce(0) { $0 | 1 << UInt32(placeOfForm[$1]!) } : UInt32(0))
        }
        for (number, document) in edited.enumerated() { Self.handOut(document, number: number) { highest = max(highest, weigher.saturation($0)) } }
        self.edited = edited
        highestWeight = weigher.idf(frequency: count) * highest
    }

    /// Calls `body` with each posting, in document order, as `CollectedPostings` hands
    /// them out; a changed document's has a negative `batch` (see `window(batch:entry:)`).
    func forEachPosting(_ body: (CollectedPostings.Posting) -> Void) {
        let hasForms = forms.count > 1
        // `next` is captured by the closure alone (not by a nested function), so its
        // accesses are checked when compiling rather than at each posting.
        var next = 0
        if let baseNumber {
            placeOfBaseForm.withUnsafeBufferPointer { placeOfBaseForm in
                base.forEachPosting(of: baseNumber, skipping: skipping) { posting, places in
                    while next < edited.count, edited[next].id < posting.document {
                        handOutEdited(next, body)
                        next += 1
                    }
                    var mask: UInt32 = 0
                    if hasForms {
                        var places = places
                        while places != 0 {
                            let place = places.trailingZeroBitCount
                            places &= places - 1
                            mask |= 1 << UInt32(placeOfBaseForm[place])
                        }
                    }
                    body(CollectedPostings.Posting(document: posting.document, batch: posting.batch, entry: posting.entry,
                                                   frequencies: posting.frequencies, positions: posting.positions, formMask: mask))
                }
            }
        }
        while next < edited.count {
            handOutEdited(next, body)
            next += 1
        }
    }

    /// Calls `body` with the posting of the changed document `number` (of `edited`).
    private func handOutEdited(_ number: Int, _ body: (CollectedPostings.Posting) -> Void) {
        Self.handOut(edited[number], number: number, body)
    }

    private static func handOut(_ document: (id: Int, analysis: SingleDocumentAnalysis, entry: Int, mask: UInt32), number: Int,
                                _ body: (CollectedPostings.Posting) -> Void) {
        let fieldCount = SearchField.allCases.count
        let (id, analysis, entry, mask) = document
        let batch = analysis.batch
        batch.frequencies.withUnsafeBufferPointer { frequencies in
            batch.positions.withUnsafeBufferPointer { positions in
                let first = Int(batch.positionStarts[entry]), end = Int(batch.positionStarts[entry + 1])
                body(CollectedPostings.Posting(document: id, batch: -1 - number, entry: entry,
                                               frequencies: UnsafeBufferPointer(rebasing: frequencies[(entry * fieldCount)..<((entry + 1) * fieldCount)]),
                                               positions: UnsafeBufferPointer(rebasing: positions[first..<end]), formMask: mask))
            }
        }
    }

    /// The excerpt window of the posting `forEachPosting` handed out with `batch` and `entry`.
    func window(batch: Int, entry: Int) -> TextWindow {
        guard batch < 0 else { return base.window(batch: batch, entry: entry) }
        let analysis = edited[-1 - batch].analysis
        return analysis.batch.windows[Int(analysis.batch.sourceEntries[entry])]
    }
}
