import Testing
import Markup

/// The one sentence splitter, used by entity pages and by `entities suggest`.
@Suite("Sentences around a span")
struct SentenceTests {
    /// The sentence around the first occurrence of `name` in `text`.
    private func sentence(around name: String, in text: String, reach: Int = Sentence.reach) -> String {
        let bytes = Array(text.utf8)
        return Sentence.around(bytes.firstRange(of: Array(name.utf8))!, in: bytes, reach: reach).0
    }

    @Test func endsAtTerminalsFollowedBySpace() {
        let text = "Nvidia shipped. Then AMD answered! Did Intel? Yes."
        #expect(sentence(around: "AMD", in: text) == "Then AMD answered!")
        #expect(sentence(around: "Intel", in: text) == "Did Intel?")
        #expect(sentence(around: "Nvidia", in: text) == "Nvidia shipped.")
    }

    @Test func abbreviationsInitialsAndLowercaseNextWordsDoNotEndSentences() {
        #expect(sentence(around: "Feifei", in: "It rose. Researcher Dr. Feifei Li said so. Next.") == "Researcher Dr. Feifei Li said so.")
        #expect(sentence(around: "export", in: "Before. The U.S. export rules changed. After.") == "The U.S. export rules changed.")
        #expect(sentence(around: "Kennedy", in: "Before. John F. Kennedy spoke. After.") == "John F. Kennedy spoke.")
        #expect(sentence(around: "chips", in: "Before. It sold approx. Nine chips. After.") == "It sold approx. Nine chips.")
        #expect(sentence(around: "GPUs", in: "Rates rose 5 p.c. so GPUs cost more. After.") == "Rates rose 5 p.c. so GPUs cost more.")
    }

    @Test func closingQuotesEllipsesAndNewlinesEndSentences() {
        #expect(sentence(around: "Azure", in: "He said “it works.” Azure grew.") == "Azure grew.")
        #expect(sentence(around: "Azure", in: "It waited… Azure grew.") == "Azure grew.")
        #expect(sentence(around: "Azure", in: "A heading\nAzure grew without a stop\nNext line") == "Azure grew without a stop")
    }

    @Test func longSentencesAreCutAtSpacesAroundTheSpan() {
        let filler = String(repeating: "word ", count: 40)
        let bytes = Array("\(filler)Nvidia \(filler)end.".utf8)
        let (text, highlight) = Sentence.around(bytes.firstRange(of: Array("Nvidia".utf8))!, in: bytes, reach: 20)
        #expect(text == "…word word word word Nvidia word word word word…")
        #expect(Array(text.utf8)[highlight].elementsEqual("Nvidia".utf8))
    }
}
