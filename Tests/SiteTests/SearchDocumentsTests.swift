import Foundation
import Archive
import Search
import Testing
@testable import Site

/// The site hands search the issues' text by field, and searching the seed archive
/// in memory finds what a reader would expect.
@Suite("Search documents from the archive")
struct SearchDocumentsTests {
    static let archive: NewsletterArchive = try! ContentLayout(root: TestSupport.repository).loadArchive(includeDrafts: false)

    static let engine = try! SearchEngine(documents: SearchDocuments.make(archive), things: SearchDocuments.namedThings(archive))

    private func slugs(_ text: String) -> [String] {
        (try? Self.engine.search(text).hits.map { String($0.url.dropFirst("issues/".count).dropLast()) }) ?? ["search failed"]
    }

    @Test func oneDocumentPerIssueWithEveryField() throws {
        let documents = SearchDocuments.make(Self.archive)
        #expect(documents.count == Self.archive.issues.count)
        let first = try #require(documents.first)
        #expect(first.fields[.title] == Self.archive.issues[0].title)
        #expect(first.fields[.body]?.isEmpty == false)
        #expect(first.fields[.entities]?.isEmpty == false, "the seed issues mention registered entities")
        #expect(first.date == Self.archive.issues[0].date.isoDate)
        #expect(first.url == "issues/\(Self.archive.issues[0].slug)/")
        #expect(first.tags.map(\.slug) == Self.archive.issues[0].tagSlugs)
    }

    @Test func searchingTheSeedArchive() throws {
        #expect(slugs("series c ").first == "2026-03-09-nscale-series-c")
        #expect(slugs("alibaba ").first == "2025-09-27-alibaba-53b-ai-plan")
        #expect(Set(slugs("entity:nscale")).isSuperset(of: ["2026-03-09-nscale-series-c", "2026-04-14-nscale-norway-microsoft"]))
        #expect(slugs("zzzzqqq ").isEmpty)
    }

    @Test func aQueryNamingAnEntityFindsItsCard() throws {
        let finder = NamedThingFinder(SearchDocuments.namedThings(Self.archive))
        #expect(finder.find(in: QueryParser().parse("nscale funding "))?.key == "nscale")
        let card = try #require(try Self.engine.search("nscale funding ").entity)
        #expect(card.kind == "company" && card.url == "entities/nscale/" && card.mentions > 0)
    }
}
