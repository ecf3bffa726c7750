extension Substring {
    /// Without spaces, tabs and a `\r` at either end: a line of an editor's file as its words,
    /// whichever line ends it was saved with.
    public func trimmingSpaces() -> Substring {
        var start = startIndex, end = endIndex
        while start < end, self[start] == " " || self[start] == "\t" || self[start] == "\r" { start = index(after: start) }
        while end > start, self[index(before: end)] == " " || self[index(before: end)] == "\t" || self[index(before: end)] == "\r" {
            end = index(before: end)
        }
        return self[start..<end]
    }
}
