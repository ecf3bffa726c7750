/// The fixed word lists and the byte-level helpers `NameSuggester` uses: hashing, character
/// classes and the shapes of product-like tokens.
extension NameSuggester {
    /// A 64-bit hash over 8-byte chunks. Words and candidate keys are compared by it on the hot
    /// path; a word's hash is taken over its bytes folded to lowercase.
    enum Hash {
        static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

        @inline(__always)
        static func mix(_ hash: UInt64, _ chunk: UInt64) -> UInt64 {
            let product = (hash ^ chunk) &* 0x9E37_79B9_7F4A_7C15
            return product ^ (product >> 29)
        }

        /// The hash of `count` bytes at `bytes`, each ORed with 0x20 if `lowercasing` (exact
        /// lowercase for ASCII tokens: letters, digits and the joiners `-.'&,_` all have that bit
        /// once lowered). `readable` bytes from `bytes` on may be read.
        @inline(__always)
        static func chunks(_ bytes: UnsafePointer<UInt8>, count: Int, readable: Int, lowercasing: Bool) -> UInt64 {
            let fold: UInt64 = lowercasing ? 0x2020_2020_2020_2020 : 0
            var hash = seed ^ UInt64(truncatingIfNeeded: count)
            var offset = 0
            let raw = UnsafeRawPointer(bytes)
            while offset + 8 <= count {
                hash = mix(hash, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) | fold)
                offset += 8
            }
            let rest = count - offset
            if rest > 0 {
                let mask: UInt64 = (1 << UInt64(rest * 8)) &- 1
                var chunk: UInt64 = 0
                if offset + 8 <= readable {
                    chunk = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                } else {
                    for index in 0..<rest { chunk |= UInt64(bytes[offset + index]) << UInt64(index * 8) }
                }
                hash = mix(hash, (chunk | fold) & mask)
            }
            return mix(hash, 0x5851_F42D_4C95_7F2D)
        }

        /// The hash of `bytes` as they are.
        static func exact(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
            guard let base = bytes.baseAddress else { return mix(seed, 0x5851_F42D_4C95_7F2D) }
            return chunks(base, count: bytes.count, readable: bytes.count, lowercasing: false)
        }

        /// The hash of the ASCII token `text[start..<end]`, folded to lowercase; `count` bytes
        /// of `text` may be read.
        @inline(__always)
        static func foldedASCII(_ text: UnsafePointer<UInt8>, from start: Int, to end: Int, count: Int) -> UInt64 {
            chunks(text + start, count: end - start, readable: count - start, lowercasing: true)
        }

        /// The hash of `text[start..<end]` folded to lowercase: ASCII letters, and the Latin-1
        /// capitals À–Þ (UTF-8 `C3 80`–`C3 9E`), which covers the accented capitals of European
        /// names; curly apostrophes hash as `'`. Other scalars are hashed as they are. Equal to
        /// `foldedASCII` for ASCII text.
        static func folded(_ text: UnsafePointer<UInt8>, from start: Int, to end: Int) -> UInt64 {
            var lowered: [UInt8] = []
            lowered.reserveCapacity(end - start)
            var index = start
            var afterC3 = false
            while index < end {
                var byte = text[index]
                if byte == 0xE2, index + 2 < end, text[index + 1] == 0x80, text[index + 2] == 0x99 || text[index + 2] == 0x98 {
                    lowered.append(0x27)
                    afterC3 = false
                    index += 3
                    continue
                }
                if byte >= 0x41 && byte <= 0x5A {
                    byte |= 0x20
                } else if afterC3 && byte >= 0x80 && byte <= 0x9E && byte != 0x97 {
                    byte |= 0x20
                }
                afterC3 = byte == 0xC3
                lowered.append(byte)
                index += 1
            }
            return lowered.withUnsafeBufferPointer { exact($0) }
        }

        static func folded(_ word: some StringProtocol) -> UInt64 {
            var bytes = Array(word.utf8)
            return bytes.withUnsafeMutableBufferPointer { buffer in
                folded(buffer.baseAddress!, from: 0, to: buffer.count)
            }
        }

        static func foldedSet(_ words: [String]) -> WordSet {
            WordSet(words.map { folded($0) })
        }

        /// The slot of `key` in a table of `1 << bits` slots (Fibonacci hashing: FNV's low bits
        /// alone mix poorly).
        @inline(__always)
        static func slot(_ key: UInt64, bits: Int) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
        }
    }

    /// A fixed set of word hashes, probed linearly; much cheaper than `Set` on the hot path.
    struct WordSet: Sendable {
        private let keys: [UInt64]
        private let bits: Int

        init(_ hashes: [UInt64]) {
            var bits = 4
            while (1 << bits) < hashes.count * 4 { bits += 1 }
            var keys = [UInt64](repeating: 0, count: 1 << bits)
            for hash in hashes where hash != 0 {
                var slot = Hash.slot(hash, bits: bits)
                while keys[slot] != 0 && keys[slot] != hash { slot = (slot + 1) & (keys.count - 1) }
                keys[slot] = hash
            }
            self.keys = keys
            self.bits = bits
        }

        @inline(__always)
        func contains(_ hash: UInt64) -> Bool {
            keys.withUnsafeBufferPointer { keys in
                var slot = Hash.slot(hash, bits: bits)
                while true {
                    let key = keys[slot]
                    if key == hash { return true }
                    if key == 0 { return false }
                    slot = (slot + 1) & (keys.count - 1)
                }
            }
        }

        func union(_ other: WordSet) -> WordSet {
            WordSet(keys.filter { $0 != 0 } + other.keys.filter { $0 != 0 })
        }
    }

    /// A growing map from 64-bit hashes (0 stands for 1) to values, probed linearly; each key
    /// sits beside its value, so a lookup costs one cache miss at most.
    struct HashMap<Value> {
        private var slots: [(key: UInt64, value: Value)]
        private var bits: Int
        private var count = 0
        private let initial: Value

        /// `initial` fills empty slots and is what `update` starts a new key from.
        init(initial: Value, bits: Int = 12) {
            self.initial = initial
            self.bits = bits
            slots = Array(repeating: (0, initial), count: 1 << bits)
        }

        @inline(__always)
        private func find(_ key: UInt64) -> (slot: Int, found: Bool) {
            slots.withUnsafeBufferPointer { slots in
                var slot = Hash.slot(key, bits: bits)
                while true {
                    let stored = slots[slot].key
                    if stored == key { return (slot, true) }
                    if stored == 0 { return (slot, false) }
                    slot = (slot + 1) & (slots.count - 1)
                }
            }
        }

        subscript(_ hash: UInt64) -> Value? {
            let (slot, found) = find(hash == 0 ? 1 : hash)
            return found ? slots[slot].value : nil
        }

        /// Changes the value for `hash`, starting from `initial` if it has none.
        @inline(__always)
        mutating func update(_ hash: UInt64, _ body: (inout Value) -> Void) {
            let key = hash == 0 ? 1 : hash
            var (slot, found) = find(key)
            if !found {
                if (count + 1) * 2 > slots.count {
                    grow()
                    slot = find(key).slot
                }
                slots[slot].key = key
                count += 1
            }
            body(&slots[slot].value)
        }

        private mutating func grow() {
            let old = slots
            bits += 1
            slots = Array(repeating: (0, initial), count: 1 << bits)
            for entry in old where entry.key != 0 {
                slots[find(entry.key).slot] = entry
            }
        }
    }

    /// What an ASCII byte is to the scanner.
    enum ByteClass: UInt8 {
        case other, space, newline, upper, lower, digit, underscore
        case apostrophe, hyphen, period, comma, ampersand, stop, colon, dollar, at, hash, slash

        /// The class of an ASCII byte (< 0x80).
        @inline(__always)
        init(ascii byte: UInt8) {
            self = switch byte {
            case 0x41...0x5A: .upper
            case 0x61...0x7A: .lower
            case 0x20, 0x09, 0x0B, 0x0C: .space
            case 0x30...0x39: .digit
            case 0x0A, 0x0D: .newline
            case 0x5F: .underscore
            case 0x27: .apostrophe
            case 0x2D: .hyphen
            case 0x2E: .period
            case 0x2C: .comma
            case 0x26: .ampersand
            case 0x21, 0x3F: .stop
            case 0x3A: .colon
            case 0x24: .dollar
            case 0x40: .at
            case 0x23: .hash
            case 0x2F: .slash
            default: .other
            }
        }
    }

    /// Decodes the UTF-8 sequence at `index` (whose lead byte is ≥ 0x80): the scalar and its
    /// length, or U+FFFD and 1 for a malformed byte, so that damaged text never stops the scan.
    @inline(__always)
    static func decode(_ text: UnsafePointer<UInt8>, at index: Int, count: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(text[index])
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: (length, value) = (2, lead & 0x1F)
        case 0xE0...0xEF: (length, value) = (3, lead & 0x0F)
        case 0xF0...0xF4: (length, value) = (4, lead & 0x07)
        default: return ("\u{FFFD}", 1)
        }
        guard index + length <= count else { return ("\u{FFFD}", 1) }
        for offset in 1..<length {
            let byte = UInt32(text[index + offset])
            guard byte & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | (byte & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return ("\u{FFFD}", 1) }
        return (scalar, length)
    }

    /// What a non-ASCII scalar is to the scanner.
    enum ScalarClass {
        case upper, letter, space, newline, apostrophe, ellipsis, closingQuote, other
    }

    static func classify(_ scalar: Unicode.Scalar) -> ScalarClass {
        switch scalar.value {
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .space
        case 0x2028, 0x2029, 0x0085: return .newline
        case 0x2019, 0x2018: return .apostrophe
        case 0x2026: return .ellipsis
        case 0x201D, 0x00BB, 0x203A: return .closingQuote
        // Without a property lookup: Latin-1 letters, and the punctuation, currency and symbol
        // blocks that newsletters use most (dashes, quotes, bullets, €, arrows, emoji).
        case 0x00C0...0x00D6, 0x00D8...0x00DE: return .upper
        case 0x00DF...0x00F6, 0x00F8...0x00FF: return .letter
        case 0x0080...0x00BF, 0x00D7, 0x00F7, 0x2000...0x27BF, 0x2900...0x2BFF, 0x1F000...0x1FAFF: return .other
        default: break
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .titlecaseLetter: return .upper
        case .lowercaseLetter, .modifierLetter, .otherLetter, .nonspacingMark, .spacingMark, .decimalNumber:
            return .letter
        default: return .other
        }
    }

    /// Whether a token is product-like: letters and digits mixed, at least one capital, and
    /// not an amount, a unit quantity, an ordinal or a reporting period.
    ///
    /// `token` is the token's text after possessive and plural stripping. Excluded:
    /// - tokens that start with a number whose remainder is letters only: amounts and units
    ///   (`4.8B`, `53B`, `10GW`, `300MW`, `1Gbps`, `128K`), ordinals (`2nd`), `3D`, `5G`, `4K`;
    /// - reporting periods: quarters and halves (`Q3`, `H1`, `Q4-2025`), fiscal and calendar
    ///   years (`FY2025`, `FY25`, `CY24`).
    static func isProductLike(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        guard token.count >= 2, token.count <= 40 else { return false }
        var hasUpper = false, hasDigit = false, hasLetter = false
        for byte in token {
            if byte >= 0x41 && byte <= 0x5A { hasUpper = true; hasLetter = true }
            else if byte >= 0x61 && byte <= 0x7A { hasLetter = true }
            else if byte >= 0x30 && byte <= 0x39 { hasDigit = true }
            else if byte >= 0x80 { hasLetter = true }
        }
        guard hasUpper, hasDigit, hasLetter else { return false }
        if token[0] >= 0x30 && token[0] <= 0x39 {
            // Skip the number (digits with `.` and `,`), then see whether only letters follow.
            var index = 0
            while index < token.count, let byte = Optional(token[index]),
                  (byte >= 0x30 && byte <= 0x39) || byte == 0x2E || byte == 0x2C {
                index += 1
            }
            var lettersOnly = true
            while index < token.count {
                let byte = token[index]
                if !((byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)) { lettersOnly = false; break }
                index += 1
            }
            if lettersOnly { return false }
        }
        return !isReportingPeriod(token)
    }

    /// `Q1`–`Q4`, `H1`, `H2` (optionally followed by `-…` or `/…`), and `FY`/`CY` + 2 or 4 digits.
    static func isReportingPeriod(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = token[0]
        if token.count >= 2, first == UInt8(ascii: "Q") || first == UInt8(ascii: "H") {
            let digit = token[1]
            let inRange = first == UInt8(ascii: "Q") ? (0x31...0x34).contains(digit) : (0x31...0x32).contains(digit)
            if inRange && (token.count == 2 || token[2] == UInt8(ascii: "-") || token[2] == UInt8(ascii: "/")) { return true }
        }
        if token.count == 4 || token.count == 6, (first == UInt8(ascii: "F") || first == UInt8(ascii: "C")), token[1] == UInt8(ascii: "Y") {
            return token[2...].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
        return false
    }

    /// Lowercase words allowed inside a name between two capitalised words ("Bank of America").
    static let connectors: WordSet = Hash.foldedSet(["of", "de", "van", "von", "der", "la", "le", "du", "and"])

    /// The connector "and" (and "&"): a run joined by it is split when both sides are names in their own right.
    static let andHash = Hash.folded("and")
    static let theHash = Hash.folded("the")

    /// Capitalised words that never belong to a name and split a run where they stand: job
    /// titles ("Nvidia CEO Jensen Huang" → "Jensen Huang", "Yahoo President" → "Yahoo"), generic
    /// technology acronyms ("Nvidia GPUs") and units ("6 GW AMD").
    static let breakers: WordSet = Hash.foldedSet([
        "ceo", "cfo", "coo", "cto", "cio", "cmo", "ciso", "cpo", "cso", "svp", "evp", "vp", "md",
        "ceos", "cfos", "ctos", "cios",
        "president", "chairman", "chairwoman", "chairperson", "chief", "executive", "officer", "founder",
        "co-founder", "cofounder", "minister", "deputy", "secretary", "senator", "governor", "chancellor",
        "commissioner", "director", "analyst", "analysts", "spokesperson", "spokesman", "spokeswoman",
        "professor", "ambassador", "mayor", "representative", "congressman", "congresswoman", "admiral",
        "colonel", "captain",
        "agi", "gpu", "gpus", "cpu", "cpus", "tpu", "tpus", "npu", "npus", "dpu", "dpus", "asic", "asics",
        "llm", "llms", "slm", "slms", "api", "apis", "ml", "hpc", "saas", "iaas", "paas", "ipo", "ipos",
        "capex", "opex", "tco", "roi", "sla", "slas", "faq", "faqs", "pdf", "url", "urls", "http", "https",
        "gw", "mw", "kw", "gwh", "mwh", "twh", "kwh", "tb", "gb", "pb", "mb", "kb", "gbps", "tbps", "mbps",
        "usd", "eur", "gbp", "rmb", "cny", "jpy", "am", "pm", "gmt", "utc", "est", "pst", "cet",
    ])

    /// Demonyms: a run never ends with one ("Would Alibaba European consumers…" → "Alibaba").
    static let demonyms: WordSet = Hash.foldedSet(demonymList)

    static let demonymList = [
        "american", "european", "chinese", "british", "english", "french", "german", "japanese", "korean",
        "indian", "russian", "canadian", "australian", "italian", "spanish", "portuguese", "dutch", "swedish",
        "norwegian", "danish", "finnish", "irish", "scottish", "welsh", "swiss", "austrian", "belgian",
        "polish", "czech", "greek", "turkish", "israeli", "saudi", "emirati", "qatari", "iranian", "arab",
        "taiwanese", "singaporean", "malaysian", "indonesian", "vietnamese", "thai", "filipino", "brazilian",
        "mexican", "argentine", "chilean", "african", "nigerian", "kenyan", "egyptian", "asian", "western",
        "eastern", "northern", "southern", "nordic", "ukrainian",
    ]

    /// Words that are not a name on their own: a run made only of these and common words is
    /// no candidate ("European AI", "US AI", "Chinese"), though one may be part of a name
    /// ("Scale AI", "European Commission").
    static let generic: WordSet = demonyms.union(Hash.foldedSet(["ai", "us", "uk", "eu", "usa", "uae", "un"]))

    /// Small words that title-case headings leave lowercase ("What This Means for Developers");
    /// a line whose other words are all capitalised is a heading.
    static let titleFunctionWords: WordSet = Hash.foldedSet([
        "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "by", "with",
        "from", "into", "onto", "over", "per", "via", "vs", "as", "up", "out", "off", "is", "are", "be",
    ])

    /// Words before a `.` that does not end a sentence ("Dr. Feifei Li", "U.S. export controls").
    static let abbreviations: WordSet = Hash.foldedSet([
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "ltd", "corp", "co", "plc", "llc", "vs",
        "e.g", "i.e", "u.s", "u.k", "u.n", "e.u", "no", "nos", "approx", "est", "fig", "vol", "gen", "gov",
        "sen", "rep", "lt", "col", "capt", "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    ])

    /// Common English words: a run of capitalised words loses these from its start, so a run
    /// made only of them ("Why This Matters", "In June") or of one name after them ("However
    /// Nvidia", "The Register") is no candidate. Sentence starters, function words, pronouns,
    /// weekdays, months, numbers, titles and honorifics, and the structural nouns of documents.
    static let commonWords: WordSet = Hash.foldedSet(commonWordList)

    static let commonWordList: [String] = [
        // Articles, determiners, quantifiers.
        "a", "an", "the", "this", "that", "these", "those", "each", "every", "either", "neither", "some", "any",
        "no", "all", "both", "few", "many", "much", "more", "most", "less", "least", "other", "another", "such",
        "several", "enough", "own", "same", "various", "certain",
        // Pronouns and contractions.
        "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "he", "him", "his", "she",
        "her", "hers", "it", "its", "they", "them", "their", "theirs", "one", "ones", "myself", "ourselves",
        "yourself", "himself", "herself", "itself", "themselves", "someone", "somebody", "something", "anyone",
        "anybody", "anything", "everyone", "everybody", "everything", "nobody", "nothing", "none",
        "i'm", "i've", "i'll", "i'd", "we're", "we've", "we'll", "we'd", "you're", "you've", "you'll", "you'd",
        "it's", "it'll", "that's", "there's", "here's", "what's", "who's", "let's", "don't", "doesn't", "didn't",
        "can't", "won't", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "couldn't",
        "wouldn't", "shouldn't", "they're", "they've", "they'll", "he's", "she's", "where's", "how's",
        // Prepositions and conjunctions.
        "in", "on", "at", "by", "for", "from", "to", "of", "with", "without", "within", "into", "onto", "over",
        "under", "above", "below", "after", "before", "during", "since", "until", "till", "through", "throughout",
        "across", "along", "among", "amongst", "around", "about", "against", "between", "behind", "beyond",
        "despite", "except", "inside", "outside", "near", "off", "out", "per", "plus", "via", "toward",
        "towards", "upon", "amid", "amidst", "beside", "besides", "like", "unlike", "than", "up", "down",
        "and", "or", "but", "nor", "so", "yet", "if", "unless", "because", "although", "though", "while",
        "whilst", "whereas", "whether", "as", "once", "when", "whenever", "where", "wherever", "why", "how",
        "who", "whom", "whose", "what", "which", "whatever", "whichever",
        // Sentence starters and adverbs.
        "however", "meanwhile", "moreover", "furthermore", "nevertheless", "nonetheless", "therefore", "thus",
        "hence", "instead", "also", "still", "even", "just", "only", "already", "again", "then", "now", "today",
        "tomorrow", "yesterday", "tonight", "recently", "currently", "finally",
        "last", "previously", "later", "earlier", "soon", "often", "sometimes",
        "always", "never", "perhaps", "maybe", "indeed", "overall", "additionally", "similarly", "likewise",
        "consequently", "accordingly", "according", "ultimately", "essentially", "clearly", "obviously",
        "notably", "importantly", "interestingly", "surprisingly", "unfortunately", "fortunately", "sadly",
        "honestly", "frankly", "simply", "actually", "really", "here", "there", "yes", "not", "ok", "okay",
        "well", "anyway", "otherwise", "elsewhere", "together", "almost", "nearly", "roughly",
        "approximately", "specifically", "particularly", "especially", "generally", "typically", "instead",
        "regardless", "given", "based", "following", "including", "according", "speaking", "meantime",
        "elsewhere", "again", "altogether", "further", "rather", "quite", "very", "too", "ever",
        // Auxiliaries and the commonest verbs.
        "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "have", "has",
        "had", "having", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "need",
        "needs", "let", "get", "gets", "got", "make", "makes", "made", "go", "goes", "going", "went", "say",
        "says", "said", "see", "sees", "seen", "look", "looks", "think", "know", "want", "take", "takes", "took",
        "give", "gives", "use", "uses", "used", "find", "keep", "read", "watch", "meet", "join", "click",
        "sign", "subscribe", "share", "reply", "thanks", "thank", "welcome", "hi", "hello", "hey", "dear",
        "please", "note", "update", "updated", "breaking", "exclusive", "sponsored", "advertisement",
        // Headline words.
        "big", "top", "key", "latest", "major", "good", "bad", "early", "late",
        "former", "current", "recent", "full", "true", "why", "what", "matters",
        "inside", "bottom", "line", "takeaways", "takeaway", "summary", "introduction", "conclusion",
        "appendix", "contents", "overview", "background", "analysis", "opinion", "commentary", "editorial",
        // Time.
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "week", "weeks", "weekend", "month", "months", "year", "years", "day", "days", "morning",
        "afternoon", "evening", "night", "quarter", "spring", "summer", "autumn", "fall", "winter", "christmas",
        // Numbers.
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
        "thirty", "fifty", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion",
        "billions", "trillion", "dozen", "dozens", "half",
        // Structure of documents and numbered things ("Figure 3", "Phase 2", "Top 10").
        "figure", "table", "chapter", "section", "page", "part", "step", "phase", "stage", "tier", "level",
        "issue", "episode", "volume", "round", "number", "item", "article", "slide", "source", "sources",
        "image", "photo", "credits", "edition", "version", "gen", "generation", "class", "type",
        "option", "plan", "rule", "point", "points", "lesson", "question", "answer", "example", "case",
        "series",
        // Honorifics, which precede names ("Dr Feifei Li"; job titles are breakers).
        "mr", "mrs", "ms", "dr", "prof", "sir", "dame", "prime", "vice", "head", "manager", "judge",
        "investor", "investors", "reporter", "editor", "author", "host", "guest", "sen", "rep", "gov",
        // Generic words that lead runs in prose ("Rival AMD", "Shares of Nvidia", "AI Compute"), but
        // may end a name ("Scale AI"), so they are not breakers.
        "ai", "rival", "rivals", "shares", "stock", "stocks", "chipmaker", "startup", "giant", "firm", "company",
        "companies", "report", "reports", "market", "markets",
    ]
}
