import Foundation
import Testing
@testable import Site

/// The hand-written JSON-LD writer gives the bytes JSONSerialization gives (sorted keys, no
/// escaped slashes), with `<`, `>` and `&` then written as `\u` escapes; and it parses back.
@Suite("Script-safe JSON")
struct ScriptSafeJSONTests {
    static let strings = ["plain", "quote \" and backslash \\", "</script><script>alert(1)</script> & more", "tab\tnew\nline\rcr",
                          "bell \u{07} nul \u{00} unit \u{1F} del \u{7F}", "slash / https://x.example/a?b=1&c=2", "Nvidia’s café — 東京 🚀",
                          "form\u{0C}feed back\u{08}space", "line sep \u{2028} para \u{2029}", ""]

    @Test func matchesJSONSerializationThenEscaped() throws {
        for text in Self.strings {
            let ours = ScriptSafeJSON.object(["b": .string(text), "@a": .array([.string(text), .object(["z": .string("1"), "y": .string(text)])])]).text
            let object: [String: Any] = ["b": text, "@a": [text, ["z": "1", "y": text]]]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            let foundation = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "&", with: "\\u0026")
                .replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            #expect(ours == foundation, "\(text.debugDescription)")
            let parsed = try JSONSerialization.jsonObject(with: Data(ours.utf8)) as? [String: Any]
            #expect(parsed?["b"] as? String == text)
            #expect(!ours.contains("<") && !ours.contains(">") && !ours.contains("&"))
        }
    }
}
