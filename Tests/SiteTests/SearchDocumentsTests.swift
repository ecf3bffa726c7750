import Foundation
import Archive
import Search
import Testing
@testable import Site

/// The site hands search the issues' text by field, and searching the seed archive
/// in memory finds what a reader would expect.
@Suite("Search documents from the archive")
struct SearchDocumentsTests {
    static let archive: Archive = try! ContentLayout(root: TestSupport.repository).loadArchive(includeDrafts: false)

    static let engine: SearchEngine = {
        var index = InvertedIndex()
        for document in SearchDocuments.make(archive) { index.add(document) }
        return SearchEngine(index: index)
    }()

    private func slugs(_ text: String) -> [String] {
        Self.engine.search(QueryParser().parse(text)).hits.map { Self.archive.issues[$0.document].slug }
    }

    @Test func oneDocumentPerIssueWithEveryField() throws {
        let documents = SearchDocuments.make(Self.archive)
        #expect(documents.count == Self.archive.issues.count)
        let first = try #require(documents.first)
        #expect(first.fields[.title] == Self.archive.issues[0].title)
        #expect(first.fields[.body]?.isEmpty == false)
        #expect(first.fields[.entities]?.isEmpty == false, "the seed issues mention registered entities")
        #expect(first.date == Self.archive.issues[0].date.isoDate)
    }

    @Test func searchingTheSeedArchive() {
        #expect(slugs("series c ").first == "2026-03-09-nscale-series-c")
        #expect(slugs("alibaba ").first == "2025-09-27-alibaba-53b-ai-plan")
        #expect(Set(slugs("entity:nscale")).isSuperset(of: ["2026-03-09-nscale-series-c", "2026-04-14-nscale-norway-microsoft"]))
        #expect(slugs("zzzzqqq ").isEmpty)
    }

    @Test func aQueryNamingAnEntityFindsItsCard() {
        let finder = NamedThingFinder(SearchDocuments.namedThings(Self.archive))
        #expect(finder.find(in: QueryParser().parse("nscale funding "))?.key == "nscale")
    }
}
