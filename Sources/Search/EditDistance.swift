/// Whether two words are at most one edit apart: one letter changed, added,
/// removed, or two neighbours swapped ("nvdia", "nivdia" for "nvidia").
enum EditDistance {
    static func withinOne(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if a == b { return true }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        switch long.count - short.count {
        case 0:
            guard let first = (0..<a.count).first(where: { a[$0] != b[$0] }) else { return true }
            if a[(first + 1)...] == b[(first + 1)...] { return true }  // substitution
            return first + 1 < a.count && a[first] == b[first + 1] && a[first + 1] == b[first]
                && a[(first + 2)...] == b[(first + 2)...]  // transposition
        case 1:
            var index = 0
            while index < short.count, short[index] == long[index] { index += 1 }
            return short[index...] == long[(index + 1)...]
        default:
            return false
        }
    }
}
