import Foundation
import Testing
@testable import Search

/// The tokenizer, query parser, named-thing finder and edit distance against the vectors
/// their browser twins (Sources/Search/Browser/tokenizer.js and query.js, tested by
/// Tests/SearchTests/Browser/*.test.js) are held to, so a query splits alike in both.
///
/// The inputs are listed here; the outputs in Vectors/tokenizer.json and query.json are
/// Swift's. After changing either, rewrite the files with
/// `BROADSHEET_WRITE_VECTORS=1 swift test --filter TokenizerVectorTests`.
@Suite("Tokenizer and query vectors shared with JavaScript")
struct TokenizerVectorTests {
    // MARK: Inputs

    static let tokenizerInputs: [String] = [
        // Nothing, and only spaces.
        "", "   ", " \t\n\r\u{0B}\u{0C} ", "\u{00A0}\u{2009}\u{3000}",
        // Plain English and punctuation.
        "hello", "Hello, World!", "The quick brown fox jumps over the lazy dog.",
        "AI-driven (data) centres—in Europe/Asia", "state-of-the-art well-known e-mail",
        "snake_case_name __init__ a_b", "C++ C# .NET F# R&D", "#hashtag @mention user@example.com",
        "https://example.com/path/to?query=1&b=2#frag", "<p>HTML &amp; tags</p> **bold** _italic_ `code`",
        "tab\tseparated\nnew line\r\nwindows", "---", "...", "'''", "$$$", "\u{0}null\u{7F}control",
        // Folding: accents, special letters, case.
        "Café CRÈME, naïve Straße Øresund", "Ærø", "straße STRASSE ẞ", "naïve coöperate", "ÀÉÎÕÜ àéîõü çÇ ñÑ",
        "Łódź Đorđe Þór ðe œuvre Œdipus æsir", "İstanbul ISTANBUL ıstanbul", "ŞĞÜÖÇ şğüöç",
        "Tiếng Việt, Đà Nẵng", "ǰ ǅungla ǈ ŉ", "K Kelvin Å Angström", "ﬁnance ﬂow", "Ｆｕｌｌｗｉｄｔｈ １２３",
        "𝐀𝐁𝐂 𝟏𝟐𝟑", "Ⓐ ⓑ", "\u{105C9}",
        // Combining accents written as their own scalars.
        "Cafe\u{301} au lait", "e\u{301}", "\u{301}e", "\u{301}", "a\u{301}\u{302}\u{303}b", "GPUs\u{301}",
        "a\u{345} ᾳ", "soft\u{AD}hyphen", "zero\u{200B}width joiner\u{200D}here",
        // Other scripts.
        "Ελληνικά ΣΟΦΙΑ σοφία ς", "Русский язык Ёлка", "한국어 텍스트", "हिन्दी", "العربية ٣٤٥ ٫", "עברית", "१२३",
        "H₂O x² ½ Ⅻ ①",
        // Numbers.
        "2.7 1,000 $2.7B 3.5x v1.2.3", "1,000,000 1,00 1, 000 ,5 5, .5 5. 1.2.3.", "3.14159 0.5",
        "$ 5 $5 $$5 $ $a a$5 5$", "$2.7B $100M $1,000 $0.5", "1.5x 2x 10X", "v2.0. End.", "costs $ 5 or $",
        "1.000,50 3,5% 10^6 2e10 0x1F", "10:30 12/05/2025 2025-01-01", "1990s 80s",
        // Model names and acronym plurals.
        "GB200 H100 Qwen3 GPUs H100s LLMs", "GPUs, H100s and LLMs; 100s of APIs. Gas, yes, this, Qwen3s, Ms, GPU's",
        "GPU’s GPUS Gpus gPUs AIs AI's", "MSs Ms ABs AAs 1As A1s USs ABCss", "s S ss SS sS Ss", "A B C I a",
        "LLMs’ views", "H100s, B200s and GB200s", "Qwen2.5-72B GPT-4o Llama-3.1-405B", "DeepSeek-V3 o1-preview",
        "123abc ABC123 abc123def", "ÉTUDEs GPUés", "GPU😀s",
        // Apostrophes.
        "Nvidia's Nvidia’s rock 'n' roll", "users' view the users’ view", "don't won’t o'clock O'Neil",
        "'quoted' ‘single’ “double”", "it''s a''b a'’b", "1's 2’s 1'2 a'1", "a' 'a a'' a’ ’a", "5'6\" x'é", "Nvidia’ś",
        "a.b a,b a'b a’b",
        // Chinese and Japanese.
        "数据中心", "数据center center数据", "ひらがな カタカナ", "の", "東京 GPU 大阪", "数据・中心 データー",
        "𠀀𠀁 CJK extension B", "数\u{301}据", "é数 数é a数b 数1 1数", "$数 $5数", "ｶﾀｶﾅ ㄅㄆ 〇一二 々", "！？。、",
        "数据中心的GPU集群 H100s",
        // The edges of the CJK ranges: compatibility ideographs, extensions, and the unassigned scalars inside.
        "豈﨎 㐀㐁 \u{2FA1D}\u{2FA1E}", "\u{303F}\u{3040}\u{30FF}\u{3100}", "\u{33FF}\u{3400}\u{4DBF}\u{4DC0}",
        "\u{9FFF}\u{A000} \u{F8FF}\u{F900}\u{FAFF}\u{FB00}", "\u{1FFFF}\u{20000}\u{2FA1F}\u{2FA20}",
        // Emoji and symbols.
        "emoji 😀 test 👍🏽 🇬🇧 👨‍👩‍👧", "\u{FEFF}BOM start", "€5 £10 ¥100 5€",
        // Longer mixed text.
        "The $2.7B deal: Nvidia’s GB200 NVL72 racks (1,000+ GPUs) in 数据中心, café-style.",
        "Ünïcode GB200",
    ]

    static let things: [NamedThing] = [
        NamedThing(names: ["Microsoft", "MSFT"], key: "microsoft"),
        NamedThing(names: ["Microsoft Azure", "Azure"], key: "microsoft-azure"),
        NamedThing(names: ["Nscale"], key: "nscale"),
        NamedThing(names: ["Société Générale"], key: "societe-generale"),
        NamedThing(names: ["Nvidia", "NVDA"], key: "nvidia"),
        NamedThing(names: ["GB200"], key: "gb200"),
        NamedThing(names: ["GB200 NVL72"], key: "gb200-nvl72"),
        NamedThing(names: ["Amazon Web Services", "AWS"], key: "aws"),
        NamedThing(names: ["Apple Inc.", "Apple"], key: "apple"),
        NamedThing(names: ["Apple Records", "Apple"], key: "apple-records"),
        NamedThing(names: ["数据中心"], key: "data-centre"),
        NamedThing(names: ["—", ""], key: "nameless"),
        NamedThing(names: ["Nvidia’s lab"], key: "nvidia-lab"),
    ]

    static let queryInputs: [String] = [
        // Nothing.
        "", "   ", #"   -  " "#, "-", "- gpu", "gpu -", "--double",
        // Words, and the last one a prefix while it is typed.
        "nscale GPU", "nscale GPU ", "gpu\t", "GPUs", "café", "Nvidia’s", "GB200-based $2.7B ", "GB200-based",
        "数据中心 GPU", "数据", "H100s LLMs", "12:30pm", "gpu\u{3000}nvidia", "gpu\u{A0}nvidia\u{85}x",
        // Phrases anywhere, exclusions.
        #"funding "series c" Europe -debt -"private credit" “data centre”"#, #""one""#, #""one" "#,
        #"-"excluded phrase" gpu"#, #"-"single" "#, "-gpu -tag:x nvidia", #"""#, #""" ""#, #""!!!" gpu"#,
        #"x "a b" y"#, #""a b"c"#, #"say"hello"world"#, "„German quotes“", #"“curly” gpu"#,
        // Unclosed quotes.
        #"gpu "series c"#, #"-"unclosed"#, #"a "b "c" d"#,
        // Filters.
        #"tag:gpu entity:nscale year:2025 after:2025-01-01 before:2026-1-1 tag:"data centres" power"#,
        "TAG:GPU Year:2024 ENTITY:Nvidia AFTER:2024-06 BEFORE:2025", #"tag:"data centres" "#,
        #"tag:"  spaced  ""#, "tag:\"\u{200B}zero width\u{200B}\" x", "tag:\"\u{00A0}no-break\u{3000}\" x", #"tag:"" x"#, #"tag:"unclosed value"#, #"tag:"a"b"#, #"tag:"a""b""#, #"tag:"a":"b""#,
        "tag: year:abc after:soon power ", "entity:", "entity:   x", "tag::x", "entity:Nscale:UK", "a:b:c", ":tag", ":",
        "foo:bar ", "10:30 ", #"foo:"bar baz" qux"#, "year: 2025", "year:2025 year:2024 ",
        "year:abc", "year:0", "year:10000", "year:9999", "year:+2025", "year:02025", "year:-5", "year:٢٠٢٥", "year:2025.0",
        "after:2025-13-01", "after:2025-02-30", "after:2025-00-10", "after:2025-01-32", "before:2025", "after:2025-3",
        "after:2025-03-9", "after:+202", "after:2025-+1-+1", "after:0000", "after:25-01-01", "after:2025-001-01",
        "after:2025-01-01-01", "after:2025-", "after:-2025", "after:２０２５", "after:2025-01-01 after:2024-01-01",
        "-tag:gpu", #"-tag:"data centres""#,
        // A colon with a combining mark after it is another character to Swift.
        "tag:\u{301}gpu", "gpu:\u{301}", "foo:\u{301}bar ",
        // Named things.
        "microsoft azure outage ", #""Microsoft Azure""#, #"microsoft "big deal" azure "#, "societe generale ",
        "SOCIÉTÉ GÉNÉRALE", "generale ", "msft capex", "-microsoft nvidia", "tag:microsoft", "apple ", "aws",
        "amazon web services", "gb200 nvl72 ", "GB200", "nvidia's lab", "nvidia lab",
    ]

    static let editPairs: [(String, String)] = [
        ("nvidia", "nvidia"), ("nvidia", "nvdia"), ("nvidia", "nivdia"), ("nvidia", "nvidai"), ("nvidia", "vnidia"),
        ("nvidia", "nvidiaa"), ("nvidia", "anvidia"), ("nvidia", "nvxdia"), ("nvidia", "nvxdxa"), ("nvidia", "invdia"),
        ("nvidia", "nvida"), ("nvidia", "nvd"), ("ab", "ba"), ("abc", "cab"), ("abc", "acb"), ("", ""), ("", "a"),
        ("a", ""), ("", "ab"), ("a", "b"), ("ab", "a"), ("café", "cafe"), ("café", "cafè"), ("é", "e"), ("数据", "数"),
        ("数据", "数字"), ("gpu", "gpus"), ("gpus", "gpu"), ("h100", "h10"), ("abcd", "badc"),
    ]

    // MARK: Vectors

    struct TokenVector: Codable {
        var text: String
        var position: Int
        var isCJK: Bool
        /// Swift's range, in UTF-8 bytes.
        var utf8: [Int]
        /// The same range in UTF-16 code units: JavaScript's `start` and `end`.
        var utf16: [Int]
        /// The text the range covers.
        var source: String
    }

    struct TokenizerCase: Codable {
        var input: String
        var tokens: [TokenVector]
    }

    struct QueryVector: Codable {
        struct Term: Codable {
            var text: String
            var isPrefix: Bool
        }
        var terms: [Term]
        var phrases: [[String]]
        var excludedTerms: [String]
        var excludedPhrases: [[String]]
        var tags: [String]
        var entities: [String]
        var years: [Int]
        var after: String?
        var before: String?
        var notes: [String]

        init(_ query: SearchQuery) {
            terms = query.terms.map { Term(text: $0.text, isPrefix: $0.isPrefix) }
            phrases = query.phrases
            excludedTerms = query.excludedTerms
            excludedPhrases = query.excludedPhrases
            tags = query.tags
            entities = query.entities
            years = query.years
            after = query.after
            before = query.before
            notes = query.notes
        }

        enum CodingKeys: String, CodingKey {
            case terms, phrases, excludedTerms, excludedPhrases, tags, entities, years, after, before, notes
        }

        /// Writes `after` and `before` as null when absent, as JavaScript's parse gives them.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(terms, forKey: .terms)
            try container.encode(phrases, forKey: .phrases)
            try container.encode(excludedTerms, forKey: .excludedTerms)
            try container.encode(excludedPhrases, forKey: .excludedPhrases)
            try container.encode(tags, forKey: .tags)
            try container.encode(entities, forKey: .entities)
            try container.encode(years, forKey: .years)
            try container.encode(after, forKey: .after)
            try container.encode(before, forKey: .before)
            try container.encode(notes, forKey: .notes)
        }
    }

    struct QueryCase: Codable {
        var input: String
        var query: QueryVector
        var isEmpty: Bool
        /// The key of the thing `NamedThingFinder(things)` finds, or null.
        var named: String?

        enum CodingKeys: String, CodingKey { case input, query, isEmpty, named }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(input, forKey: .input)
            try container.encode(query, forKey: .query)
            try container.encode(isEmpty, forKey: .isEmpty)
            try container.encode(named, forKey: .named)
        }
    }

    struct Thing: Codable {
        var names: [String]
        var key: String
    }

    struct EditCase: Codable {
        var a: String
        var b: String
        var withinOne: Bool
    }

    struct TokenizerFile: Codable {
        var about: String
        var cases: [TokenizerCase]
    }

    struct QueryFile: Codable {
        var about: String
        var things: [Thing]
        var cases: [QueryCase]
        var editDistance: [EditCase]
    }

    static func tokenizerCase(_ input: String) -> TokenizerCase {
        let bytes = Array(input.utf8)
        let utf16Offset = { (offset: Int) in
            input.utf16.distance(from: input.utf16.startIndex, to: input.utf8.index(input.utf8.startIndex, offsetBy: offset))
        }
        let tokens = Tokenizer().tokens(input).map { token in
            TokenVector(text: token.text, position: token.position, isCJK: token.isCJK,
                        utf8: [token.range.lowerBound, token.range.upperBound],
                        utf16: [utf16Offset(token.range.lowerBound), utf16Offset(token.range.upperBound)],
                        source: String(decoding: bytes[token.range], as: UTF8.self))
        }
        return TokenizerCase(input: input, tokens: tokens)
    }

    static func queryCase(_ input: String, finder: NamedThingFinder) -> QueryCase {
        let query = QueryParser().parse(input)
        return QueryCase(input: input, query: QueryVector(query), isEmpty: query.isEmpty, named: finder.find(in: query)?.key)
    }

    static func editCase(_ a: String, _ b: String) -> EditCase {
        EditCase(a: a, b: b, withinOne: EditDistance.withinOne(Array(a.utf8), Array(b.utf8)))
    }

    // MARK: Files

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Vectors")
    static let writing = ProcessInfo.processInfo.environment["BROADSHEET_WRITE_VECTORS"] == "1"
    static let rewrite = "rewrite them with BROADSHEET_WRITE_VECTORS=1 swift test --filter TokenizerVectorTests"

    /// One line of JSON, keys sorted: byte-exact, where `==` on Swift strings is canonical equivalence.
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// A JSON object with one array element a line, so a change shows as a one-line diff.
    static func write(_ fields: [(String, String)], to name: String) throws {
        let body = try fields.map { key, value in "  \(try json(key)): \(value)" }.joined(separator: ",\n")
        try Data("{\n\(body)\n}\n".utf8).write(to: folder.appendingPathComponent(name), options: .atomic)
    }

    static func lines<T: Encodable>(_ items: [T]) throws -> String {
        items.isEmpty ? "[]" : "[\n    " + (try items.map { try json($0) }.joined(separator: ",\n    ")) + "\n  ]"
    }

    static func read<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(contentsOf: folder.appendingPathComponent(name)))
    }

    // MARK: Tests

    @Test func tokenizerGivesTheRecordedTokens() throws {
        if Self.writing {
            let about = "Tokens of each input (Swift: TokenizerVectorTests, which writes this file; JavaScript: Tests/SearchTests/Browser/tokenizer.test.js). utf8 is Swift's range, utf16 JavaScript's start and end, source the text they cover."
            try Self.write([("about", try Self.json(about)), ("cases", try Self.lines(Self.tokenizerInputs.map(Self.tokenizerCase)))],
                           to: "tokenizer.json")
        }
        let file = try Self.read(TokenizerFile.self, "tokenizer.json")
        #expect(file.cases.count >= 80)
        #expect(try file.cases.map { try Self.json($0.input) } == Self.tokenizerInputs.map(Self.json),
                "Vectors/tokenizer.json lists other inputs than this test: \(Self.rewrite)")
        for recorded in file.cases {
            let recordedLine = try Self.json(recorded), swiftLine = try Self.json(Self.tokenizerCase(recorded.input))
            #expect(recordedLine == swiftLine, "recorded \(recordedLine), Swift gives \(swiftLine)")
        }
    }

    @Test func queryParserFinderAndEditDistanceGiveTheRecordedResults() throws {
        let finder = NamedThingFinder(Self.things)
        if Self.writing {
            let about = "Parsed queries, the thing NamedThingFinder(things) finds in each, and EditDistance.withinOne on UTF-8 bytes (Swift: TokenizerVectorTests, which writes this file; JavaScript: Tests/SearchTests/Browser/query.test.js)."
            try Self.write([
                ("about", try Self.json(about)),
                ("things", try Self.lines(Self.things.map { Thing(names: $0.names, key: $0.key) })),
                ("cases", try Self.lines(Self.queryInputs.map { Self.queryCase($0, finder: finder) })),
                ("editDistance", try Self.lines(Self.editPairs.map(Self.editCase))),
            ], to: "query.json")
        }
        let file = try Self.read(QueryFile.self, "query.json")
        #expect(file.cases.count >= 40)
        #expect(try file.things.map(Self.json) == Self.things.map { try Self.json(Thing(names: $0.names, key: $0.key)) },
                "Vectors/query.json lists other things than this test: \(Self.rewrite)")
        #expect(try file.cases.map { try Self.json($0.input) } == Self.queryInputs.map(Self.json),
                "Vectors/query.json lists other queries than this test: \(Self.rewrite)")
        #expect(try file.editDistance.map { try Self.json([$0.a, $0.b]) } == Self.editPairs.map { try Self.json([$0.0, $0.1]) },
                "Vectors/query.json lists other word pairs than this test: \(Self.rewrite)")
        let recordedFinder = NamedThingFinder(file.things.map { NamedThing(names: $0.names, key: $0.key) })
        for recorded in file.cases {
            let recordedLine = try Self.json(recorded), swiftLine = try Self.json(Self.queryCase(recorded.input, finder: recordedFinder))
            #expect(recordedLine == swiftLine, "recorded \(recordedLine), Swift gives \(swiftLine)")
        }
        for recorded in file.editDistance {
            #expect(try Self.json(recorded) == Self.json(Self.editCase(recorded.a, recorded.b)), "\(recorded.a) / \(recorded.b)")
        }
    }
}
