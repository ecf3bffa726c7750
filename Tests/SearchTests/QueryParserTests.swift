import Foundation
import Testing
@testable import Search

@Suite("Query language")
struct QueryParserTests {
    let parser = QueryParser()
    typealias Term = SearchQuery.Term

    @Test func wordsAllMatchAndTheLastIsAPrefixWhileTyping() {
        let typing = parser.parse("nscale GPU")
        #expect(typing.terms == [Term("nscale"), Term("gpu", isPrefix: true)])
        let finished = parser.parse("nscale GPU ")
        #expect(finished.terms == [Term("nscale"), Term("gpu")])
    }

    @Test func phrasesAnywhereAndExclusions() {
        let query = parser.parse(#"funding "series c" Europe -debt -"private credit" “data centre”"#)
        #expect(query.terms == [Term("funding"), Term("europe")])
        #expect(query.phrases == [["series", "c"], ["data", "centre"]])
        #expect(query.excludedTerms == ["debt"])
        #expect(query.excludedPhrases == [["private", "credit"]])
        #expect(query.notes.isEmpty)
    }

    @Test func filters() {
        let query = parser.parse(#"tag:gpu entity:nscale year:2025 after:2025-01-01 before:2026-1-1 tag:"data centres" power"#)
        #expect(query.tags == ["gpu", "data centres"])
        #expect(query.entities == ["nscale"])
        #expect(query.years == [2025])
        #expect(query.after == "2025-01-01")
        #expect(query.before == "2026-01-01")
        #expect(query.terms == [Term("power", isPrefix: true)])
    }

    @Test func malformedQueriesStillRunAndSayWhatWasIgnored() {
        let unclosed = parser.parse(#"gpu "series c"#)
        #expect(unclosed.terms == [Term("gpu"), Term("series"), Term("c")])
        #expect(unclosed.notes == [#"ignored an unclosed quote; read "series c" as words"#])

        let badFilters = parser.parse("tag: year:abc after:soon power ")
        #expect(badFilters.terms == [Term("power")])
        #expect(badFilters.tags.isEmpty && badFilters.years.isEmpty && badFilters.after == nil)
        #expect(badFilters.notes == ["ignored tag: with no value", "ignored year:abc, not a year",
                                     "ignored after:soon, not a date (write YYYY-MM-DD)"])
    }

    @Test func unknownFiltersAndOddInputAreWords() {
        #expect(parser.parse("foo:bar ").terms == [Term("foo"), Term("bar")])
        #expect(parser.parse("10:30 ").terms == [Term("10"), Term("30")])
        #expect(parser.parse("").isEmpty)
        #expect(parser.parse("   -  \" ").isEmpty)
        #expect(parser.parse("GB200-based $2.7B ").terms == [Term("gb200"), Term("based"), Term("$2.7b")])
        #expect(parser.parse(#""one""#).terms == [Term("one")])
    }
}

/// The query parser trims filter values with Foundation's whitespace and newlines, and
/// query.js with `[\p{White_Space}\u200B]`: the two sets must be the same for the engines
/// to agree.
@Suite("One whitespace")
struct WhitespaceAgreementTests {
    @Test func foundationsWhitespaceIsUnicodeWhiteSpaceAndZeroWidthSpace() {
        var disagree: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let javascript = scalar.properties.isWhitespace || value == 0x200B
            if CharacterSet.whitespacesAndNewlines.contains(scalar) != javascript { disagree.append(value) }
        }
        #expect(disagree.isEmpty, "\(disagree.map { String($0, radix: 16) })")
    }

    @Test func aZeroWidthSpaceAroundAFilterValueIsTrimmed() {
        #expect(QueryParser().parse("tag:\"\u{200B}gpu \"").tags == ["gpu"])
    }
}
