import Foundation

/// The browser's search engine and page script, as one classic script
/// (`search/search.js`): the JavaScript twins of this module's Swift, in load order.
public enum BrowserScripts {
    /// The parts, in the order they must load (each uses only those before it).
    public static let parts = ["stemmer.js", "codec.js", "tokenizer.js", "query.js", "engine.js", "page.js"]

    /// The parts joined, read from this module's resources.
    public static func searchScript() throws -> [UInt8] {
        guard let folder = Bundle.module.url(forResource: "Browser", withExtension: nil) else {
            throw IndexFormatError("the browser scripts are missing from this build of broadsheet")
        }
        var script = Array("/* Broadsheet search: \(parts.joined(separator: ", ")). Source: Sources/Search/Browser/. */\n".utf8)
        for part in parts {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(part).path) else {
                throw IndexFormatError("the browser script \(part) is missing from this build of broadsheet")
            }
            script += Array(data)
            if script.last != 0x0A { script.append(0x0A) }
        }
        return script
    }
}
