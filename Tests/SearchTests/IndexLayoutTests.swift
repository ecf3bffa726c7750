import Testing
@testable import Search

/// The file budget: never more than `documents / 50 + 20` files with the page and its
/// script, and the files a one-word query reads kept small within it.
@Suite("Index layout")
struct IndexLayoutTests {
    @Test(arguments: [0, 1, 49, 50, 664, 1_000, 10_000, 100_000])
    func theLayoutStaysWithinTheLimit(documents: Int) {
        let limit = IndexLayout.fileLimit(documentCount: documents)
        for (terms, postings, positions) in [(0, 0, 0), (5_000, 0, 2_000), (10_000_000, 12_000_000, 30_000_000), (200_000_000, 90_000_000, 300_000_000)] {
            let layout = IndexLayout(documentCount: documents, termBytes: terms, documentBytes: documents * 80, postingsBytes: postings,
                                     positionsBytes: positions, limit: limit, resultsShown: 10)
            #expect(layout.total + IndexLayout.pageFiles <= limit, "\(documents) documents, \(terms) term bytes: \(layout)")
            #expect(layout.terms >= 1 && layout.documents >= 1 && layout.positions >= 1 && layout.excerpts >= 1 && layout.facets >= 1)
            #expect(postings == 0 ? layout.postings == 0 : layout.postings >= 1)
        }
    }

    @Test func termShardsTakeTheFilesWhenDocumentsAreFewBytes() {
        // 1,000 documents: their titles fit one small chunk, so almost every spare file
        // goes to term shards (a one-word query reads one shard, and every chunk of its results).
        let layout = IndexLayout(documentCount: 1_000, termBytes: 10_000_000, documentBytes: 80_000, postingsBytes: 1_200_000,
                                 positionsBytes: 3_000_000, limit: 40, resultsShown: 10)
        #expect(layout.terms > 20)
        #expect(layout.documents <= 3)
    }

    @Test func documentChunksGetFilesWhenThereAreMany() {
        // 10,000 documents: ten results fall in ten chunks, so chunks must be small too.
        let layout = IndexLayout(documentCount: 10_000, termBytes: 18_000_000, documentBytes: 1_000_000, postingsBytes: 12_000_000,
                                 positionsBytes: 30_000_000, limit: 220, resultsShown: 10)
        #expect(layout.documents > 40)
        #expect(layout.terms > layout.documents)
    }

    @Test func aBuiltIndexHasNoMoreFilesThanTheLimit() {
        let documents = (0..<600).map { number in
            SearchDocument(fields: [.title: "Issue \(number) on word\(number % 97) and word\(number % 89)",
                                    .body: (0..<200).map { "term\(($0 * 7 + number) % 1_500)" }.joined(separator: " ")],
                           date: "2025-01-01", url: "issues/\(number)/")
        }
        let files = IndexWriter().files(for: IndexBuilder().build(documents))
        #expect(files.count + IndexLayout.pageFiles <= IndexLayout.fileLimit(documentCount: 600))
        #expect(files.filter { $0.name.hasPrefix("terms-") }.count > 1)
    }
}
