import Foundation

/// Reads `<a href>` and `<img src alt>` tags out of an editor's raw HTML.
///
/// Not an HTML parser: it finds each `<a` or `<img` tag and reads its attributes
/// (double-quoted, single-quoted or bare), which is all a link check needs. Comments
/// are skipped, so a commented-out image is not reported.
enum RawHTMLReferences {
    static func find(in html: String, firstLine: Int) -> [MarkdownReference] {
        let bytes = Array(html.utf8)
        var found: [MarkdownReference] = []
        var line = firstLine
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") { line += 1 }
            guard byte == UInt8(ascii: "<") else { index += 1; continue }
            if bytes[index...].starts(with: Array("<!--".utf8)) {
                // Skip to the comment's end, counting its lines.
                var end = index + 4
                while end < bytes.count, !bytes[end...].starts(with: Array("-->".utf8)) {
                    if bytes[end] == UInt8(ascii: "\n") { line += 1 }
                    end += 1
                }
                index = end + 3
                continue
            }
            let name = tagName(bytes, from: index + 1)
            guard name == "a" || name == "img" else { index += 1; continue }
            let (attributes, end) = readAttributes(bytes, from: index + 1 + name.utf8.count)
            if name == "a", let href = attributes["href"] {
                found.append(MarkdownReference(kind: .link, destination: href, text: nil, line: line, isRawHTML: true))
            } else if name == "img", let source = attributes["src"] {
                let alt = attributes["alt"].map(MarkdownDocument.collapsingSpace)
                found.append(MarkdownReference(kind: .image, destination: source, text: alt, line: line, isRawHTML: true))
            }
            for position in index..<min(end, bytes.count) where bytes[position] == UInt8(ascii: "\n") { line += 1 }
            index = end
        }
        return found
    }

    /// The lowercased tag name starting at `start`, when a space, `>` or `/` ends it.
    private static func tagName(_ bytes: [UInt8], from start: Int) -> String {
        var end = start
        while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
        guard end > start, end < bytes.count, isSpace(bytes[end]) || bytes[end] == UInt8(ascii: ">") || bytes[end] == UInt8(ascii: "/") else {
            return ""
        }
        return String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
    }

    /// The attributes from `start` to the tag's `>` (lowercased names, values as written),
    /// and the index after the tag.
    private static func readAttributes(_ bytes: [UInt8], from start: Int) -> ([String: String], Int) {
        var attributes: [String: String] = [:]
        var index = start
        while index < bytes.count {
            while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
            guard index < bytes.count, bytes[index] != UInt8(ascii: ">") else { return (attributes, index + 1) }
            let nameStart = index
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">") { index += 1 }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            var value = ""
            if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    let valueStart = index + 1
                    index = valueStart
                    while index < bytes.count, bytes[index] != quote { index += 1 }
                    value = String(decoding: bytes[valueStart..<min(index, bytes.count)], as: UTF8.self)
                    index += 1
                } else {
                    let valueStart = index
                    while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                }
            }
            if !name.isEmpty, attributes[name] == nil { attributes[name] = HTMLEntities.decodeBasic(value) }
        }
        return (attributes, index)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}

/// The few character references an attribute value in an editor's HTML usually holds.
enum HTMLEntities {
    static func decodeBasic(_ value: String) -> String {
        guard value.contains("&") else { return value }
        return value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
