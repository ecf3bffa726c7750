import Foundation

/// The name suggester's word lists (common words, demonyms, job titles…), kept in
/// `Resources/name-suggester-words.txt` so that an editor can read and change them.
enum SuggesterWordLists {
    /// Each section's words, read once.
    static let lists: [String: [String]] = {
        guard let url = Bundle.module.url(forResource: "name-suggester-words", withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            preconditionFailure("name-suggester-words.txt is missing from this build of broadsheet; rebuild it with swift build")
        }
        return parse(text)
    }()

    /// The words of section `name`, which the file must have.
    static func list(_ name: String) -> [String] {
        guard let words = lists[name] else { preconditionFailure("name-suggester-words.txt has no [\(name)] section") }
        return words
    }

    /// `[section]` lines start a list; other lines hold words separated by spaces; `#` starts a comment.
    static func parse(_ text: String) -> [String: [String]] {
        var lists: [String: [String]] = [:], section = ""
        for line in text.split(separator: "\n").map({ $0.prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces) }) where !line.isEmpty {
            if line.hasPrefix("["), line.hasSuffix("]") {
                section = String(line.dropFirst().dropLast())
                lists[section, default: []] += []
            } else {
                lists[section, default: []] += line.split(separator: " ").map(String.init)
            }
        }
        return lists
    }
}
