import Foundation

/// What an index file holds; the byte after the header says which.
public enum IndexFileKind: UInt8, Sendable {
    case manifest = 1
    case terms = 2
    case postings = 3
    case positions = 4
    case documents = 5
    case excerpts = 6
    case facets = 7
}

/// The envelope every index file shares: a classic script that hands its payload to
/// the page, `BroadsheetIndex.add("terms-003","…base64…");`.
///
/// A `<script>` element loads from `file://` where Chromium blocks `fetch`, so the
/// index is scripts. Inside the base64 is a zlib stream (deflate with a checksum),
/// and inside that the payload: `BSIX`, the format version, the file kind, then the
/// kind's own fields (docs/SEARCH-FORMAT.md). Reading checks each layer and names
/// what is wrong, so a damaged or truncated file is refused, never misread.
public enum IndexFile {
    /// The format version; readers refuse any other.
    public static let version: UInt8 = 2
    static let magic: [UInt8] = Array("BSIX".utf8)
    static let prefix = "BroadsheetIndex.add(\""

    /// The file's text: payload compressed, base64, in the script envelope.
    static func wrap(name: String, kind: IndexFileKind, payload: [UInt8]) -> [UInt8] {
        let inner = magic + [version, kind.rawValue] + payload
        // Measured on 10,000 generated issues: positions and postings are varints that
        // deflate barely shrinks (by a quarter), and libdeflate's levels 1 and 2 come within
        // 0.5% of its level 9 on them in half the time or less. The terms (mostly excerpt
        // text, read by every query) are 0.7% larger at level 6 than at 9 in 60% of the
        // time. The small kinds, read for every result shown, get the smallest, level 12.
        let level: Int32 = switch kind {
        case .positions: 1
        case .postings: 2
        case .terms: 6
        default: 12
        }
        let encoded = Data(Deflate.compress(inner, level: level)).base64EncodedString()
        return Array("\(prefix)\(name)\",\"\(encoded)\");\n".utf8)
    }

    /// The payload of file `name`'s text, checking the envelope, the name and the kind.
    static func unwrap(_ text: [UInt8], name: String, kind: IndexFileKind) throws(IndexFormatError) -> [UInt8] {
        let head = Array("\(prefix)\(name)\",\"".utf8)
        let tail = Array("\");\n".utf8)
        guard text.count >= head.count + tail.count, Array(text.prefix(head.count)) == head else {
            throw IndexFormatError("\(name).js does not start as an index file of that name")
        }
        guard Array(text.suffix(tail.count)) == tail else { throw IndexFormatError("\(name).js is cut off") }
        let body = text[head.count..<(text.count - tail.count)]
        guard let compressed = Data(base64Encoded: Data(body)) else { throw IndexFormatError("\(name).js: the data is not base64") }
        let inner: [UInt8]
        do { inner = try Deflate.decompress(Array(compressed)) } catch { throw IndexFormatError("\(name).js: \(error.message)") }
        guard inner.count >= 6, Array(inner.prefix(4)) == magic else { throw IndexFormatError("\(name).js: not a Broadsheet index payload") }
        guard inner[4] == version else {
            throw IndexFormatError("\(name).js is format version \(inner[4]); this reader knows version \(version)")
        }
        guard inner[5] == kind.rawValue else { throw IndexFormatError("\(name).js holds the wrong kind of data") }
        return Array(inner[6...])
    }
}
