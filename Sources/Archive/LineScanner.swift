/// Lines of a text by number, found lazily from the top.
///
/// Front matter is a few lines at the top of a long file, so line starts are
/// found only as far as they are asked for, and the body is handed on as one slice.
struct LineScanner {
    private let text: String
    /// Start of each line found so far; `starts[i]` begins line `i` (0-based).
    private var starts: [String.Index]

    init(_ text: String) {
        self.text = text
        self.starts = [text.startIndex]
    }

    /// Line `index` (0-based) without its line ending, or nil past the end.
    mutating func line(at index: Int) -> Substring? {
        guard let start = lineStart(of: index), start < text.endIndex || index == 0 else { return nil }
        let end = text.utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex
        var line = text[start..<end]
        if line.utf8.last == UInt8(ascii: "\r") { line = line.dropLast() }
        return line
    }

    /// Lines `from` up to, not including, `to` (0-based), joined with newlines.
    mutating func text(fromLine from: Int, toLine to: Int) -> String {
        guard from < to, let start = lineStart(of: from), let end = lineStart(of: to) else { return "" }
        return String(text[start..<end])
    }

    /// Everything after line `index` (0-based).
    mutating func rest(afterLine index: Int) -> Substring {
        guard let start = lineStart(of: index + 1) else { return text[text.endIndex...] }
        return text[start...]
    }

    private mutating func lineStart(of index: Int) -> String.Index? {
        while starts.count <= index {
            let last = starts[starts.count - 1]
            guard last < text.endIndex,
                  let newline = text.utf8[last...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            starts.append(text.utf8.index(after: newline))
        }
        return starts[index]
    }
}

extension Substring {
    /// The line without trailing spaces and tabs.
    var trimmedTrailing: Substring {
        var end = endIndex
        while end > startIndex {
            let previous = index(before: end)
            guard self[previous] == " " || self[previous] == "\t" else { break }
            end = previous
        }
        return self[startIndex..<end]
    }
}

