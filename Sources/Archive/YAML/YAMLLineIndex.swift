/// Turns libyaml's positions into the file's line numbers.
///
/// libyaml counts a lone carriage return (and U+0085, U+2028, U+2029) as a line
/// break, as YAML says; editors, `LineScanner` and every other message here count
/// only line feeds. So a line is found from libyaml's character index (which counts
/// Unicode scalars, a CRLF as two), never from its own line count.
struct YAMLLineIndex {
    /// Scalar offsets of every line feed, ascending.
    private let lineFeeds: [Int]

    init(_ text: String) {
        var offsets: [Int] = []
        var offset = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" { offsets.append(offset) }
            offset += 1
        }
        lineFeeds = offsets
    }

    /// The 1-based line holding the scalar at `index`.
    func line(atScalar index: Int) -> Int {
        var low = 0, high = lineFeeds.count
        while low < high {
            let middle = (low + high) / 2
            if lineFeeds[middle] < index { low = middle + 1 } else { high = middle }
        }
        return low + 1
    }
}
