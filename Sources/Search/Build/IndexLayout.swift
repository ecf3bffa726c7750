import Foundation

/// How many files of each kind an index gets, within the file limit.
///
/// A static host may cap the number of files a site has, so the index never writes
/// one file per document: at most `documents / 50 + 20` files in all (search page
/// and script included). Postings, positions, fallback excerpts and facets get small
/// fixed shares; the rest is split between term shards and document chunks so that
/// the commonest query, one word, whose first page is one term shard and the document
/// chunks of its ten results, loads as few bytes as it can.
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

    /// No term shard is made smaller than this much term data (before compression), and
    /// no postings or positions file smaller than four times it.
    static let termBytesPerFile = 24_000
    /// No document chunk holds fewer documents than this.
    static let documentsPerChunk = 16

    /// The layout for an index of `documentCount` documents whose term data takes about
    /// `termBytes` and whose titles, URLs, dates and tags take about `documentBytes`,
    /// within `limit` files in all; `resultsShown` is how many documents a one-word
    /// query's first page shows.
    init(documentCount: Int, termBytes: Int, documentBytes: Int, postingsBytes: Int, positionsBytes: Int,
         limit: Int, resultsShown: Int) {
        // The manifest and the caller's two files come off the top.
        let available = max(6, limit - Self.pageFiles - 1)
        func share(_ fraction: Double, cap: Int) -> Int { max(1, min(cap, Int(Double(available) * fraction))) }
        let perFile = Self.termBytesPerFile
        excerpts = share(0.05, cap: max(1, (documentCount + 31) / 32))
        postings = postingsBytes == 0 ? 0 : share(0.10, cap: max(1, postingsBytes / (4 * perFile)))
        positions = share(0.10, cap: max(1, positionsBytes / (4 * perFile)))
        facets = share(0.05, cap: max(1, (documentCount + 4_095) / 4_096))
        let pool = max(2, available - excerpts - postings - positions - facets)
        let termCap = max(1, termBytes / perFile)
        let documentCap = max(1, (documentCount + Self.documentsPerChunk - 1) / Self.documentsPerChunk)
        // A one-word query reads one shard (termBytes / terms) and the chunks its results
        // fall in: of d chunks, ten documents spread at random touch d(1 - (1 - 1/d)^10).
        func cost(_ terms: Int, _ documents: Int) -> Double {
            let chunks = Double(documents) * (1 - pow(1 - 1 / Double(documents), Double(resultsShown)))
            return Double(termBytes) / Double(terms) + chunks * Double(documentBytes) / Double(documents)
        }
        var best = (terms: 1, documents: 1)
        for terms in 1..<pool {
            let split = (terms: min(terms, termCap), documents: min(pool - terms, documentCap))
            if cost(split.terms, split.documents) < cost(best.terms, best.documents) { best = split }
        }
        terms = best.terms
        documents = best.documents
    }

    var total: Int { 1 + terms + postings + positions + documents + excerpts + facets }
}
