/// Every posting of one stem, gathered after an edit from the last whole build's
/// analysis (`CollectedPostings`, leaving out the documents changed since) and the
/// changed documents' own analyses, in document order: what the term pass weighs again
/// for a stem an edit touched.
///
/// Its forms are worked out again too, since an edit can bring a new spelling or take
/// away the last of one, and a form's place among them is its bit in each posting's mask.
struct StemPostings {
    let stem: String
    /// Sorted by bytes, as in a whole build.
    let forms: [String]
    private(set) var documents: [Int32] = []
    private(set) var frequencies: [UInt16] = []
    private(set) var positionStarts: [Int32] = [0]
    private(set) var positions: [Int32] = []
    private(set) var masks: [UInt32] = []
    private(set) var windows: [TextWindow] = []

    var count: Int { documents.count }

    /// Gathers `stem`'s postings: those in `base` (its number there, if it has one) of
    /// the documents not in `skipping`, and those of `replaced` (sorted by document id).
    /// Nil when the stem has more forms than a mask holds: their bits depend on the order
    /// the whole build read the documents in, so only a whole build can make them.
    init?(stem: String, base: CollectedPostings, skipping: [Bool], replaced: [(id: Int, analysis: SingleDocumentAnalysis)]) {
        self.stem = stem
        let fieldCount = SearchField.allCases.count
        let baseNumber = base.stemNumbers[stem].map(Int.init)
        let baseForms = baseNumber.map { base.forms[$0] } ?? []
        guard baseForms.count <= TermPositions.maskedForms else { return nil }

        // The base's postings, with their forms as places in `baseForms`.
        var baseDocuments: [Int32] = [], baseFrequencies: [UInt16] = [], baseStarts: [Int32] = [0], basePositions: [Int32] = []
        var basePlaces: [UInt64] = [], baseWindows: [TextWindow] = []
        var present: UInt64 = 0
        if let baseNumber {
            base.forEachPosting(of: baseNumber, skipping: skipping) { posting, places in
                baseDocuments.append(Int32(posting.document))
                baseFrequencies.append(contentsOf: posting.frequencies)
                basePositions.append(contentsOf: posting.positions)
                baseStarts.append(Int32(basePositions.count))
                basePlaces.append(places)
                baseWindows.append(base.window(batch: posting.batch, entry: posting.entry))
                present |= places
            }
        }
        let edited = replaced.compactMap { document in document.analysis.entry(of: stem).map { (document.id, document.analysis, $0) } }

        var formSet = Set<String>()
        for place in baseForms.indices where present & (1 << UInt64(place)) != 0 { formSet.insert(baseForms[place]) }
        let editedForms = edited.map { $0.1.forms(of: stem, entry: $0.2) }
        for forms in editedForms { formSet.formUnion(forms) }
        forms = formSet.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        guard forms.count <= TermPositions.maskedForms else { return nil }
        var placeOfForm: [String: Int] = [:]
        for (place, form) in forms.enumerated() { placeOfForm[form] = place }
        let hasForms = forms.count > 1
        let newPlaceOfBase = baseForms.map { placeOfForm[$0] }

        // Both lists are in document order: merge them.
        var nextBase = 0, nextEdited = 0
        while nextBase < baseDocuments.count || nextEdited < edited.count {
            if nextEdited == edited.count || (nextBase < baseDocuments.count && Int(baseDocuments[nextBase]) < edited[nextEdited].0) {
                let index = nextBase
                nextBase += 1
                var mask: UInt32 = 0
                if hasForms {
                    var places = basePlaces[index]
                    while places != 0 {
                        let place = places.trailingZeroBitCount
                        places &= places - 1
                        if let new = newPlaceOfBase[place] { mask |= 1 << UInt32(new) }
                    }
                }
                append(document: baseDocuments[index], frequencies: baseFrequencies[(index * fieldCount)..<((index + 1) * fieldCount)],
                       positions: basePositions[Int(baseStarts[index])..<Int(baseStarts[index + 1])], mask: mask, window: baseWindows[index])
            } else {
                let (id, analysis, entry) = edited[nextEdited]
                var mask: UInt32 = 0
                if hasForms { for form in editedForms[nextEdited] { mask |= 1 << UInt32(placeOfForm[form]!) } }
                nextEdited += 1
                let batch = analysis.batch
                append(document: Int32(id), frequencies: batch.frequencies[(entry * fieldCount)..<((entry + 1) * fieldCount)],
                       positions: batch.positions[Int(batch.positionStarts[entry])..<Int(batch.positionStarts[entry + 1])],
                       mask: mask, window: batch.windows[Int(batch.sourceEntries[entry])])
            }
        }
    }

    private mutating func append(document: Int32, frequencies: ArraySlice<UInt16>, positions: ArraySlice<Int32>, mask: UInt32, window: TextWindow) {
        documents.append(document)
        self.frequencies.append(contentsOf: frequencies)
        self.positions.append(contentsOf: positions)
        positionStarts.append(Int32(self.positions.count))
        masks.append(mask)
        windows.append(window)
    }

    /// Calls `body` with each posting, in document order, as `CollectedPostings` hands
    /// them out (`entry` is the posting's place here; `batch` is 0).
    func forEachPosting(_ body: (CollectedPostings.Posting) -> Void) {
        let fieldCount = SearchField.allCases.count
        frequencies.withUnsafeBufferPointer { frequencies in
            positions.withUnsafeBufferPointer { positions in
                for entry in documents.indices {
                    let first = Int(positionStarts[entry]), end = Int(positionStarts[entry + 1])
                    body(CollectedPostings.Posting(document: Int(documents[entry]), batch: 0, entry: entry,
                                                   frequencies: UnsafeBufferPointer(rebasing: frequencies[(entry * fieldCount)..<((entry + 1) * fieldCount)]),
                                                   positions: UnsafeBufferPointer(rebasing: positions[first..<end]), formMask: masks[entry]))
                }
            }
        }
    }
}
