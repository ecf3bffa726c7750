/// A term's entry brought up to date by changing only the postings of the edited
/// documents, for a stem whose documents are the same before and after the edit.
///
/// Most of the words an edited issue holds are common ones that thousands of issues hold,
/// and an edit rarely adds or takes away the last of one in its issue. Then nothing the
/// other postings were weighed with has moved (the number of documents holding the stem,
/// the rounded averages, the scale), so their impacts, positions and excerpts stay as
/// they were in the last build's entry, and only the edited documents' are made again:
/// their impacts replaced in the postings, their positions spliced into the positions,
/// and the best documents chosen again from the impacts. Weighing every posting again,
/// as `StemPostings` does, gives the same entry; this reads bytes instead.
struct TermPatch: Sendable {
    /// The entry's place in the last build's terms.
    let place: Int
    /// Each edited document that holds the stem: its id, its new analysis, its entry there
    /// and its new weight.
    let edits: [(id: Int, analysis: SingleDocumentAnalysis, entry: Int, weight: Double)]
    /// The stem's highest weight after the edit.
    let highestWeight: Double
    /// Documents holding the stem, as before.
    let documentCount: Int

    /// A patch for `stem`, whose entry is at `place` in `previous.terms`, or nil when the
    /// edit changes which documents hold it or which forms they have, or when an edited
    /// document may have held its highest weight (then only weighing every posting again
    /// finds the new highest). `changes` are the changed documents' analyses before and
    /// after; `oldWeigher` and `weigher` weigh with the lengths before and after.
    init?(stem: String, place: Int, previous: IndexState, changes: [(id: Int, old: SingleDocumentAnalysis, new: SingleDocumentAnalysis)],
          oldWeigher: Weigher, weigher: Weigher) {
        let record = previous.terms[place]
        guard record.forms.count <= TermPositions.maskedForms else { return nil }
        let idf = weigher.idf(frequency: record.documentFrequency)
        let oldHighest = previous.highestWeights[place]
        var highest = oldHighest
        var edits: [(id: Int, analysis: SingleDocumentAnalysis, entry: Int, weight: Double)] = []
        for change in changes {
            let oldEntry = change.old.entry(of: stem), newEntry = change.new.entry(of: stem)
            guard let oldEntry, let newEntry else {
                if oldEntry == nil, newEntry == nil { continue }
                return nil
            }
            guard Set(change.old.forms(of: stem, entry: oldEntry)) == Set(change.new.forms(of: stem, entry: newEntry)) else { return nil }
            let old = Self.weight(of: change.old, entry: oldEntry, id: change.id, idf: idf, weigher: oldWeigher)
            guard old < oldHighest else { return nil }
            let new = Self.weight(of: change.new, entry: newEntry, id: change.id, idf: idf, weigher: weigher)
            highest = max(highest, new)
            edits.append((change.id, change.new, newEntry, new))
        }
        self.place = place
        documentCount = record.documentFrequency
        self.edits = edits.sorted { $0.id < $1.id }
        highestWeight = highest
    }

    private static func weight(of analysis: SingleDocumentAnalysis, entry: Int, id: Int, idf: Double, weigher: Weigher) -> Double {
        var weight = 0.0
        analysis.posting(entry, document: id) { weight = weigher.weight($0, idf: idf) }
        return weight
    }

    /// The patched entry, impacts on `scale`; nil when the best documents after the edit
    /// include one whose excerpt the entry does not hold (then the stem is weighed again).
    func apply(to previous: IndexState, scale: Double, documents: [SearchDocument], options: IndexOptions) -> TermRecord? {
        let record = previous.terms[place]
        let count = record.documentFrequency
        let universe = documents.count

        // Every document holding the stem, in id order, and its impact.
        var ids: [Int]
        var impacts: [UInt8]
        var codingByte: UInt8 = 0
        var codedIDs: ArraySlice<UInt8> = []
        if let postings = record.postings {
            guard postings.count > count else { return nil }
            codingByte = postings[0]
            codedIDs = postings[1..<(postings.count - count)]
            guard let decoded = try? (codingByte == 0 ? PostingCoding.gaps : .bitmap).decode(Array(codedIDs), count: count, universe: universe) else { return nil }
            ids = decoded
            impacts = Array(postings[(postings.count - count)...])
        } else {
            let sorted = record.top.sorted { $0.document < $1.document }
            ids = sorted.map(\.document)
            impacts = sorted.map(\.impact)
        }
        var editAt: [Int: Int] = [:]
        for (number, edit) in edits.enumerated() {
            guard let index = Self.index(of: edit.id, in: ids) else { return nil }
            impacts[index] = IndexBuilder.impact(edit.weight, scale: scale)
            editAt[index] = number
        }

        // The best documents, chosen as the term pass chooses them.
        var best = TopSelection(capacity: options.topCount)
        for index in impacts.indices { best.offer(index, impact: impacts[index], place: (0, 0)) }
        var excerpts: [Int: String] = [:]
        for hit in record.top { excerpts[hit.document] = hit.excerpt }
        var top: [TopHit] = []
        for index in best.indices {
            let document = ids[index]
            if let number = editAt[index] {
                let batch = edits[number].analysis.batch
                top.append(TopHit(document: document, impact: impacts[index],
                                  excerpt: batch.windows[Int(batch.sourceEntries[edits[number].entry])].text(in: documents[document])))
            } else if let excerpt = excerpts[document] {
                top.append(TopHit(document: document, impact: impacts[index], excerpt: excerpt))
            } else {
                return nil
            }
        }

        var postings: [UInt8]?
        if record.postings != nil {
            var bytes = [codingByte]
            bytes.append(contentsOf: codedIDs)
            bytes.append(contentsOf: impacts)
            postings = bytes
        }
        guard let positions = splicedPositions(record, at: editAt) else { return nil }
        return TermRecord(stem: record.stem, forms: record.forms, documentFrequency: count, top: top, facets: record.facets,
                          postings: postings, positions: positions)
    }

    /// The entry's positions with those of the edited documents (`at`: posting index → edit)
    /// encoded again; nil if the bytes do not read as `count` postings.
    ///
    /// Each posting's positions are a count and that many gaps (and a form mask when the
    /// stem has several forms), all varints: a posting is skipped by counting the bytes
    /// that end a varint, and the unchanged runs between edited postings are copied whole.
    private func splicedPositions(_ record: TermRecord, at editAt: [Int: Int]) -> [UInt8]? {
        let hasForms = record.forms.count > 1
        let edited = editAt.keys.sorted()
        // The byte range of each edited posting.
        var ranges: [Range<Int>] = []
        let found: Bool = record.positions.withUnsafeBufferPointer { bytes in
            var offset = 0
            var next = 0
            for index in 0..<record.documentFrequency {
                guard next < edited.count else { return true }
                let start = offset
                var count = 0, shift = 0
                while true {
                    guard offset < bytes.count, shift < 63 else { return false }
                    let byte = bytes[offset]
                    offset += 1
                    count |= Int(byte & 0x7F) << shift
                    if byte & 0x80 == 0 { break }
                    shift += 7
                }
                var remaining = count + (hasForms ? 1 : 0)
                while remaining > 0 {
                    guard offset < bytes.count else { return false }
                    if bytes[offset] & 0x80 == 0 { remaining -= 1 }
                    offset += 1
                }
                if index == edited[next] {
                    ranges.append(start..<offset)
                    next += 1
                }
            }
            return next == edited.count
        }
        guard found else { return nil }
        var placeOfForm: [String: Int] = [:]
        if hasForms { for (place, form) in record.forms.enumerated() { placeOfForm[form] = place } }
        var writer = ByteWriter()
        var copied = 0
        for (index, range) in zip(edited, ranges) {
            writer.raw(record.positions[copied..<range.lowerBound])
            copied = range.upperBound
            let edit = edits[editAt[index]!]
            let batch = edit.analysis.batch
            let positions = batch.positions[Int(batch.positionStarts[edit.entry])..<Int(batch.positionStarts[edit.entry + 1])]
            writer.varint(positions.count)
            var previous: Int32 = -1
            for value in positions {
                writer.varint(Int(value - previous - 1))
                previous = value
            }
            if hasForms {
                var mask = 0
                for form in edit.analysis.forms(of: record.stem, entry: edit.entry) {
                    guard let place = placeOfForm[form] else { return nil }
                    if place < TermPositions.maskedForms { mask |= 1 << place }
                }
                writer.varint(mask)
            }
        }
        writer.raw(record.positions[copied...])
        return writer.bytes
    }

    private static func index(of id: Int, in ids: [Int]) -> Int? {
        var low = 0, high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < ids.count && ids[low] == id ? low : nil
    }
}
