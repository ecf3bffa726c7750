/// One word being stemmed: its letters, its regions R1 and R2, and the Porter2 steps.
///
/// `Y` (0x59) marks a `y` that acts as a consonant (at the start, or after a vowel),
/// as the algorithm prescribes; it is turned back into `y` at the end.
struct StemState {
    private(set) var word: [UInt8]
    private var r1 = 0
    private var r2 = 0

    private static let upperY: UInt8 = 0x59
    private static let apostrophe: UInt8 = 0x27

    init(_ word: [UInt8]) {
        self.word = word
    }

    var result: [UInt8] { word.map { $0 == Self.upperY ? 0x79 : $0 } }

    mutating func run() {
        prelude()
        markRegions()
        step0()
        step1a()
        step1b()
        step1c()
        step2()
        step3()
        step4()
        step5()
    }

    // MARK: Letters

    static func isVowel(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: return true  // a e i o u y
        default: return false
        }
    }

    private func vowel(at index: Int) -> Bool { Self.isVowel(word[index]) }

    private func ends<Suffix: Collection<UInt8>>(with suffix: Suffix) -> Bool {
        word.count >= suffix.count && word[(word.count - suffix.count)...].elementsEqual(suffix)
    }

    /// The longest of `suffixes` the word ends with (the first of equal length). A loop, not
    /// `filter` and `max`, so that stemming a word allocates nothing here.
    private func longestSuffix(_ suffixes: [[UInt8]]) -> [UInt8]? {
        var best: [UInt8]?
        for suffix in suffixes where suffix.count > (best?.count ?? -1) && ends(with: suffix) { best = suffix }
        return best
    }

    private mutating func replace(_ count: Int, with replacement: String) {
        word.removeLast(count)
        word.append(contentsOf: replacement.utf8)
    }

    /// Whether the letters before `end` finish with a short syllable: a consonant
    /// other than w, x or Y, after a vowel, after a consonant; or a vowel at the start
    /// followed by a consonant.
    private func endsWithShortSyllable(before end: Int) -> Bool {
        if end >= 3 {
            let last = word[end - 1]
            if !Self.isVowel(last), last != 0x77, last != 0x78, last != Self.upperY,
               vowel(at: end - 2), !vowel(at: end - 3) {
                return true
            }
        }
        if end == 2 && vowel(at: 0) && !vowel(at: 1) { return true }
        // 2025: "past" counts as short, so "pasted" and "pasting" keep their e ("paste").
        return end >= 4 && word[(end - 4)..<end].elementsEqual("past".utf8)
    }

    // MARK: Setup

    private mutating func prelude() {
        if word.first == Self.apostrophe { word.removeFirst() }
        if word.first == 0x79 { word[0] = Self.upperY }
        var index = 1
        while index < word.count {
            if word[index] == 0x79, vowel(at: index - 1) { word[index] = Self.upperY }
            index += 1
        }
    }

    /// Prefixes after which R1 starts, where the usual rule would put it too early.
    static let regionPrefixes: [[UInt8]] = ["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter"].map { Array($0.utf8) }

    private mutating func markRegions() {
        r1 = word.count
        r2 = word.count
        if let prefix = Self.regionPrefixes.first(where: { word.starts(with: $0) }) {
            r1 = prefix.count
        } else if let start = regionStart(from: 0) {
            r1 = start
        } else {
            return
        }
        r2 = regionStart(from: r1) ?? word.count
    }

    /// The position after the first consonant that follows a vowel, from `start`.
    private func regionStart(from start: Int) -> Int? {
        var index = start
        while index < word.count, !vowel(at: index) { index += 1 }
        while index < word.count, vowel(at: index) { index += 1 }
        return index < word.count ? index + 1 : nil
    }

    // MARK: Steps

    private mutating func step0() {
        if let suffix = longestSuffix(["'s'", "'s", "'"].map { Array($0.utf8) }) {
            word.removeLast(suffix.count)
        }
    }

    private mutating func step1a() {
        guard let suffix = longestSuffix(["sses", "ied", "ies", "s", "us", "ss"].map { Array($0.utf8) }) else { return }
        switch String(decoding: suffix, as: UTF8.self) {
        case "sses":
            word.removeLast(2)
        case "ied", "ies":
            replace(3, with: word.count > 4 ? "i" : "ie")
        case "s":
            // Delete if a vowel comes somewhere before the letter just before the s.
            if word.count >= 3, word[..<(word.count - 2)].contains(where: Self.isVowel) { word.removeLast() }
        default:
            break
        }
    }

    /// Stems that keep their -eed (`proceed`, `exceed`, `succeed`) or -ing (`inning`,
    /// `outing`, `canning`, `herring`, `earring`, `evening`) whole.
    static let keepsEED: Set<[UInt8]> = Set(["proc", "exc", "succ"].map { Array($0.utf8) })
    static let keepsING: Set<[UInt8]> = Set(["inn", "out", "cann", "herr", "earr", "even"].map { Array($0.utf8) })

    private mutating func step1b() {
        guard let suffix = longestSuffix(["eed", "eedly", "ed", "edly", "ing", "ingly"].map { Array($0.utf8) }) else { return }
        let start = word.count - suffix.count
        let stem = Array(word[..<start])
        if suffix.starts(with: Array("eed".utf8)) {
            if start >= r1, !Self.keepsEED.contains(stem) { replace(suffix.count, with: "ee") }
            return
        }
        if suffix == Array("ing".utf8) {
            if stem.count == 2, !Self.isVowel(stem[0]), stem[1] == 0x79 {
                // A consonant and y before -ing: "hying" → "hie", "vying" → "vie", as "dying" → "die".
                word = [stem[0], 0x69, 0x65]
                return
            }
            if Self.keepsING.contains(stem) { return }
        }
        guard stem.contains(where: Self.isVowel) else { return }
        word.removeLast(suffix.count)
        if ends(with: Array("at".utf8)) || ends(with: Array("bl".utf8)) || ends(with: Array("iz".utf8)) {
            word.append(0x65)
        } else if endsWithDouble {
            // Not for a/e/o at the start followed by the double ("add", "egg", "off").
            let aeoAtStart = word.count == 3 && [0x61, 0x65, 0x6F].contains(word[0])
            if !aeoAtStart { word.removeLast() }
        } else if word.count == r1, endsWithShortSyllable(before: word.count) {
            word.append(0x65)
        }
    }

    private var endsWithDouble: Bool {
        guard word.count >= 2, word[word.count - 1] == word[word.count - 2] else { return false }
        return [0x62, 0x64, 0x66, 0x67, 0x6D, 0x6E, 0x70, 0x72, 0x74].contains(word[word.count - 1])  // b d f g m n p r t
    }

    private mutating func step1c() {
        guard let last = word.last, last == 0x79 || last == Self.upperY, word.count >= 3 else { return }
        if !vowel(at: word.count - 2) { word[word.count - 1] = 0x69 }
    }

    private static let step2Rules: [(String, String)] = [
        ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("entli", "ent"),
        ("izer", "ize"), ("ization", "ize"), ("ational", "ate"), ("ation", "ate"), ("ator", "ate"),
        ("alism", "al"), ("aliti", "al"), ("alli", "al"), ("fulness", "ful"), ("ousli", "ous"),
        ("ousness", "ous"), ("iveness", "ive"), ("iviti", "ive"), ("biliti", "ble"), ("bli", "ble"),
        ("ogi", "og"), ("ogist", "og"), ("fulli", "ful"), ("lessli", "less"), ("li", ""),
    ]

    private mutating func step2() {
        guard let (suffix, replacement) = longestRule(Self.step2Rules) else { return }
        let start = word.count - suffix.utf8.count
        guard start >= r1 else { return }
        switch suffix {
        case "ogi", "ogist":
            guard start > 0, word[start - 1] == 0x6C else { return }  // l
        case "li":
            guard start > 0, Array("cdeghkmnrt".utf8).contains(word[start - 1]) else { return }
        default:
            break
        }
        replace(suffix.utf8.count, with: replacement)
    }

    private static let step3Rules: [(String, String)] = [
        ("tional", "tion"), ("ational", "ate"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"),
        ("ical", "ic"), ("ful", ""), ("ness", ""), ("ative", ""),
    ]

    private mutating func step3() {
        guard let (suffix, replacement) = longestRule(Self.step3Rules) else { return }
        let start = word.count - suffix.utf8.count
        guard start >= r1 else { return }
        if suffix == "ative", start < r2 { return }
        replace(suffix.utf8.count, with: replacement)
    }

    private static let step4Suffixes: [(String, String)] = [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate",
        "iti", "ous", "ive", "ize", "ion",
    ].map { ($0, "") }

    private mutating func step4() {
        guard let (suffix, _) = longestRule(Self.step4Suffixes) else { return }
        let start = word.count - suffix.utf8.count
        guard start >= r2 else { return }
        if suffix == "ion" {
            guard start > 0, word[start - 1] == 0x73 || word[start - 1] == 0x74 else { return }  // s, t
        }
        word.removeLast(suffix.utf8.count)
    }

    private mutating func step5() {
        guard let last = word.last else { return }
        let start = word.count - 1
        if last == 0x65 {  // e
            if start >= r2 || (start >= r1 && !endsWithShortSyllable(before: start)) { word.removeLast() }
        } else if last == 0x6C {  // l
            if start >= r2, start > 0, word[start - 1] == 0x6C { word.removeLast() }
        }
    }

    /// The rule with the longest suffix the word ends with (the first of equal length), found
    /// without making an array per rule.
    private func longestRule(_ rules: [(String, String)]) -> (String, String)? {
        var best: (String, String)?
        var bestLength = -1
        for rule in rules {
            let length = rule.0.utf8.count
            if length > bestLength && ends(with: rule.0.utf8) {
                best = rule
                bestLength = length
            }
        }
        return best
    }
}
