/// The positions of the stems one query reads, each decoded once: phrases, proximity
/// and the typed-form discount all read the same stems' positions.
struct PositionCache {
    let index: StoredIndex
    private var decoded: [String: StemPositions] = [:]

    init(index: StoredIndex) {
        self.index = index
    }

    /// One stem's positions by document, and each document's form mask.
    struct StemPositions {
        /// Document ids in id order, as the postings list them.
        var documents: [Int] = []
        var byDocument: [Int: [Int32]] = [:]
        /// In `documents` order; empty when the stem has one form.
        var formMasks: [UInt32] = []
    }

    mutating func of(_ entry: TermEntry) throws -> StemPositions {
        if let known = decoded[entry.stem] { return known }
        let postings = try index.postings(entry)
        let positions = try index.positions(entry)
        guard postings.count == positions.lists.count else { throw IndexFormatError("the positions of '\(entry.stem)' do not match its postings") }
        var result = StemPositions(documents: postings.map(\.document), formMasks: positions.formMasks)
        for (posting, list) in zip(postings, positions.lists) { result.byDocument[posting.document] = list }
        decoded[entry.stem] = result
        return result
    }
}
