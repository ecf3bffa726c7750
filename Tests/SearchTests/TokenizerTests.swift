import Testing
@testable import Search

@Suite("Tokenizer")
struct TokenizerTests {
    let tokenizer = Tokenizer()

    @Test func wordsAreLowercasedAndFolded() {
        #expect(tokenizer.words("Café CRÈME, naïve Straße Øresund") == ["cafe", "creme", "naive", "strasse", "oresund"])
        // A combining accent written as its own scalar folds the same way.
        #expect(tokenizer.words("Cafe\u{301} au lait") == ["cafe", "au", "lait"])
    }

    @Test func numbersAndModelNamesStayWhole() {
        #expect(tokenizer.words("GB200 and H100 beat Qwen3 by 2.7x; $2.7B raised, 1,000 GPUs.")
                == ["gb200", "and", "h100", "beat", "qwen3", "by", "2.7x", "$2.7b", "raised", "1000", "gpu"])
        #expect(tokenizer.words("v2.0. End.") == ["v2.0", "end"])
        #expect(tokenizer.words("costs $ 5 or $") == ["costs", "5", "or"])
    }

    @Test func acronymPluralsAreTheirSingular() {
        #expect(tokenizer.words("GPUs, H100s and LLMs; 100s of APIs. Gas, yes, this, Qwen3s, Ms, GPU's")
                == ["gpu", "h100", "and", "llm", "100s", "of", "api", "gas", "yes", "this", "qwen3s", "ms", "gpu's"])
    }

    @Test func apostrophesInsideWordsStay() {
        #expect(tokenizer.words("Nvidia's chips, Nvidia’s lead, the users' view") == ["nvidia's", "chips", "nvidia's", "lead", "the", "users", "view"])
    }

    @Test func punctuationAndMarkupSplit() {
        #expect(tokenizer.words("AI-driven (data) centres—in Europe/Asia") == ["ai", "driven", "data", "centres", "in", "europe", "asia"])
    }

    @Test func chineseAndJapaneseBecomeBigrams() {
        let tokens = tokenizer.tokens("数据中心 GPU 東京")
        #expect(tokens.map(\.text) == ["数据", "据中", "中心", "gpu", "東京"])
        #expect(tokens.map(\.position) == [0, 1, 2, 3, 4])
        #expect(tokens[0].isCJK && !tokens[3].isCJK)
        #expect(tokenizer.words("の") == ["の"])
        #expect(tokenizer.words("カタカナ") == ["カタ", "タカ", "カナ"])
    }

    @Test func rangesPointIntoTheUTF8() {
        let text = "Ünïcode GB200"
        let tokens = tokenizer.tokens(text)
        let bytes = Array(text.utf8)
        #expect(tokens.map { String(decoding: bytes[$0.range], as: UTF8.self) } == ["Ünïcode", "GB200"])
    }

    @Test func malformedUTF8NeverCrashes() {
        let broken = String(decoding: [0x61, 0xFF, 0x62, 0xE2, 0x82], as: UTF8.self)
        #expect(tokenizer.words(broken) == ["a", "b"])
    }
}
