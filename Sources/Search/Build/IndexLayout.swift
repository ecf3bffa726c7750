/// How many files of each kind an index gets, within the file limit.
///
/// A static host may cap the number of files a site has, so the index never writes
/// one file per document: at most `documents / 50 + 20` files in all (search page
/// and script included), shared out so that a one-word query, which reads one term
/// shard and a few document chunks, reads small files.
struct IndexLayout: Sendable, Equatable {
    var terms: Int
    var postings: Int
    var positions: Int
    var documents: Int
    var excerpts: Int
    var facets: Int

    /// Files the caller writes beside the index: the search page and its script.
    static let pageFiles = 2

    /// The file limit for `documentCount` documents.
    static func fileLimit(documentCount: Int) -> Int { documentCount / 50 + 20 }

    /// The layout for an index of `documentCount` documents whose term data takes
    /// about `termBytes`, within `limit` files in all.
    init(documentCount: Int, termBytes: Int, postingsBytes: Int, positionsBytes: Int, limit: Int) {
        // The manifest and the caller's two files come off the top.
        let available = max(6, limit - Self.pageFiles - 1)
        func share(_ fraction: Double, cap: Int) -> Int { max(1, min(cap, Int(Double(available) * fraction))) }
        let perFile = 24_000
        terms = share(0.40, cap: max(1, termBytes / perFile))
        documents = share(0.25, cap: max(1, (documentCount + 15) / 16))
        excerpts = share(0.10, cap: max(1, (documentCount + 31) / 32))
        postings = postingsBytes == 0 ? 0 : share(0.10, cap: max(1, postingsBytes / (4 * perFile)))
        positions = share(0.10, cap: max(1, positionsBytes / (4 * perFile)))
        facets = share(0.05, cap: max(1, (documentCount + 4_095) / 4_096))
    }

    var total: Int { 1 + terms + postings + positions + documents + excerpts + facets }
}
