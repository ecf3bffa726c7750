/// The name a misspelled one was probably meant to be, for strict templates' errors
/// (`no value 'htm' here; did you mean 'html'?`).
public enum NameSuggestion {
    /// The candidate nearest to `name` by edit distance (letters added, removed, changed
    /// or two swapped), if one is within a third of its length (at least 1, at most 3);
    /// the alphabetically first among equals, so the message is stable.
    public static func closest(to name: String, among candidates: [String]) -> String? {
        let target = Array(name.unicodeScalars)
        let limit = min(3, max(1, target.count / 3))
        var best: (distance: Int, name: String)?
        for candidate in candidates.sorted() {
            let distance = Self.distance(target, Array(candidate.unicodeScalars))
            guard distance <= limit else { continue }
            if best == nil || distance < best!.distance { best = (distance, candidate) }
        }
        return best?.name
    }

    /// Optimal string alignment distance (Damerau–Levenshtein without repeated edits).
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = min(current[j], previous2[j - 2] + 1) }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
