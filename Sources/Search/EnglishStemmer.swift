/// The Snowball English ("Porter2") stemmer, on ASCII bytes.
///
/// Ported from Snowball's `algorithms/english.sbl` (the current algorithm, with
/// its 2025 additions), and held to the official vocabulary of 42,649 words in
/// `shared/testdata/snowball-english`; the browser engine's JavaScript port is held
/// to the same file, so the index and every query stem alike.
///
/// Words are lowercase `a`-`z` and `'`. Anything else (numbers, model names such
/// as `h100`, non-Latin text) is returned unchanged: stemming is for English words.
public enum EnglishStemmer {
    /// The stem of `word`.
    public static func stem(_ word: String) -> String {
        let bytes = Array(word.utf8)
        guard bytes.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x27 }) else { return word }
        return String(decoding: stem(bytes: bytes), as: UTF8.self)
    }

    /// The stem of `word`, lowercase ASCII letters and apostrophes.
    public static func stem(bytes word: [UInt8]) -> [UInt8] {
        if let exception = exceptions[word] { return exception }
        if word.count < 3 { return word }
        var state = StemState(word)
        state.run()
        return state.result
    }

    /// Whole words with a fixed stem (`exception1` in the Snowball source).
    static let exceptions: [[UInt8]: [UInt8]] = {
        let pairs = [
            ("skis", "ski"), ("skies", "sky"), ("dying", "die"), ("lying", "lie"), ("tying", "tie"),
            ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"), ("early", "earli"), ("only", "onli"),
            ("singly", "singl"),
            ("sky", "sky"), ("news", "news"), ("howe", "howe"),
            ("atlas", "atlas"), ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"),
        ]
        return Dictionary(uniqueKeysWithValues: pairs.map { (Array($0.0.utf8), Array($0.1.utf8)) })
    }()
}
