import Markup

/// One address linked under different words in one issue: readers take the two links for
/// two places, or the words for a mistake. A warning, since it may be meant.
enum LinkTextConsistency {
    /// A warning at each link whose words differ (ignoring case and spacing) from the first
    /// link to the same address; raw HTML links (words unknown) and autolinks (the words
    /// are the address) are left out.
    static func warnings(_ references: [MarkdownReference], path: String, fileLine: (Int) -> Int) -> [CheckFinding] {
        var first: [String: (text: String, line: Int)] = [:]
        var warned: Set<[String]> = []
        var found: [CheckFinding] = []
        for reference in references where reference.kind == .link && !reference.isRawHTML {
            guard let text = reference.text, !text.isEmpty, !isAutolink(text, reference.destination) else { continue }
            let address = reference.destination
            guard let earlier = first[address] else {
                first[address] = (text, fileLine(reference.line))
                continue
            }
            guard earlier.text.lowercased() != text.lowercased(), warned.insert([address, text.lowercased()]).inserted else { continue }
            found.append(CheckFinding(.warning, path: path, line: fileLine(reference.line),
                                      message: "\(address) is linked as '\(text)' here but as '\(earlier.text)' on line \(earlier.line): one address under two names reads as two places"))
        }
        return found
    }

    private static func isAutolink(_ text: String, _ destination: String) -> Bool {
        text == destination || "mailto:" + text == destination
    }
}
