import Foundation

/// The browser's search engine and page script, as one classic script
/// (`search/search.js`): the JavaScript twins of this module's Swift, in load order.
public enum BrowserScripts {
    /// The parts, in the order they must load (each uses only those before it).
    public static let parts = ["stemmer.js", "codec.js", "tokenizer.js", "query.js", "engine.js", "page.js"]

    /// The parts joined, read from this module's resources, without their comments and
    /// indentation (`withoutComments`): a reader's first search loads this script, and
    /// the comments were a quarter of it.
    public static func searchScript() throws -> [UInt8] {
        guard let folder = Bundle.module.url(forResource: "Browser", withExtension: nil) else {
            throw IndexFormatError("the browser scripts are missing from this build of broadsheet")
        }
        var script = "/* Broadsheet search: \(parts.joined(separator: ", ")), without comments. Source: Sources/Search/Browser/. */\n"
        for part in parts {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(part).path) else {
                throw IndexFormatError("the browser script \(part) is missing from this build of broadsheet")
            }
            script += withoutComments(String(decoding: data, as: UTF8.self))
        }
        return Array(script.utf8)
    }

    /// `source` without blank lines, whole-line `//` comments and block comments that
    /// start a line (`/* … */`, `/** … */`, up to the line that ends with `*/`), each
    /// other line without its indentation.
    ///
    /// Line by line, never inside a line, so nothing in a string or a regular expression
    /// is touched; it relies on what our scripts keep to (and `BrowserScriptsTests`
    /// checks): no template literal or string spans lines, and a block comment ends at
    /// the end of a line. A comment after code on the same line stays.
    static func withoutComments(_ source: String) -> String {
        var kept: [Substring] = []
        var inBlock = false
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            let content = trimmed.hasSuffix("\r") ? trimmed.dropLast() : trimmed
            if inBlock {
                if content.hasSuffix("*/") { inBlock = false }
                continue
            }
            if content.hasPrefix("/*") {
                inBlock = !(content.count >= 4 && content.hasSuffix("*/"))
                continue
            }
            if content.isEmpty || content.hasPrefix("//") { continue }
            kept.append(content)
        }
        return kept.map { $0 + "\n" }.joined()
    }
}
