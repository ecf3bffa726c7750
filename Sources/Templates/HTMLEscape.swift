/// HTML escaping over UTF-8 bytes.
///
/// `{{x}}` output is escaped on every render of every page, so this works on
/// the string's contiguous UTF-8 storage rather than on `Character`s, and
/// copies runs of safe bytes in one call; text with nothing to escape is
/// copied whole. All five escaped characters are ASCII, so multi-byte
/// sequences pass through untouched.
enum HTMLEscape {
    /// Bit `b` is set for each byte `b` that needs escaping: `"` `&` `'` `<` `>`.
    private static let mask: UInt64 = (1 << 0x22) | (1 << 0x26) | (1 << 0x27) | (1 << 0x3C) | (1 << 0x3E)

    /// Appends `text` to `out`, escaping `&`, `<`, `>`, `"` (as the spec
    /// requires) and `'` (as `&#39;`, so values are also safe in
    /// single-quoted attributes).
    static func append(escaping text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 64, mask & (1 << UInt64(byte)) != 0 else { continue }
                if runStart < index {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                }
                switch byte {
                case 0x22: out.append(contentsOf: "&quot;".utf8)
                case 0x26: out.append(contentsOf: "&amp;".utf8)
                case 0x27: out.append(contentsOf: "&#39;".utf8)
                case 0x3C: out.append(contentsOf: "&lt;".utf8)
                default: out.append(contentsOf: "&gt;".utf8)
                }
                runStart = index + 1
            }
            if runStart < bytes.count {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
            }
        }
    }

    /// Appends `text` unchanged (for `{{{x}}}` and `{{&x}}`).
    static func append(raw text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }
}
