import Testing
@testable import Search

@Suite("Entity cards: a query that names a thing")
struct NamedThingFinderTests {
    let finder = NamedThingFinder([
        NamedThing(names: ["Microsoft", "MSFT"], key: "microsoft"),
        NamedThing(names: ["Microsoft Azure", "Azure"], key: "microsoft-azure"),
        NamedThing(names: ["Nscale"], key: "nscale"),
        NamedThing(names: ["Société Générale"], key: "societe-generale"),
    ])
    let parser = QueryParser()

    @Test func findsANameOrAliasAnywhereInTheQuery() {
        #expect(finder.find(in: parser.parse("nscale funding "))?.key == "nscale")
        #expect(finder.find(in: parser.parse("msft capex "))?.key == "microsoft")
        #expect(finder.find(in: parser.parse("gpu "))?.key == nil)
    }

    @Test func theLongestNameWins() {
        #expect(finder.find(in: parser.parse("microsoft azure outage "))?.key == "microsoft-azure")
        #expect(finder.find(in: parser.parse(#""Microsoft Azure""#))?.key == "microsoft-azure")
    }

    @Test func caseAccentsAndPunctuationDoNotMatter() {
        #expect(finder.find(in: parser.parse("societe generale "))?.key == "societe-generale")
        #expect(finder.find(in: parser.parse("NSCALE"))?.key == "nscale")
    }

    @Test func aPartOfANameIsNotTheName() {
        #expect(finder.find(in: parser.parse("generale "))?.key == nil)
    }
}
