/// The two encodings of a sorted list of document ids in the index.
///
/// - Gaps: the first id, then each difference from the one before, as varints;
///   compact for a rare word (a few bytes for a few documents).
/// - Bitmap: one bit per document of the archive, low bit first; compact for a word
///   in more than one document in eight (1,250 bytes for 10,000 issues, however many).
///
/// `choose` picks the smaller. The browser decodes both (`Browser/codec.js`), held
/// to the same test vectors (`Tests/SearchTests/Vectors/codec.json`).
public enum PostingCoding: String, Sendable {
    case gaps
    case bitmap

    /// The smaller encoding for `count` ids out of `universe` documents.
    public static func choose(count: Int, universe: Int) -> PostingCoding {
        count * 8 > universe ? .bitmap : .gaps
    }

    /// Encodes ascending, distinct `ids` (each below `universe`).
    public func encode(_ ids: [Int], universe: Int) -> [UInt8] {
        switch self {
        case .gaps:
            var bytes: [UInt8] = []
            var previous = -1
            for id in ids {
                precondition(id > previous && id < universe, "ids must ascend within the universe")
                Varint.append(id - previous - 1, to: &bytes)
                previous = id
            }
            return bytes
        case .bitmap:
            var bytes = [UInt8](repeating: 0, count: (universe + 7) / 8)
            for id in ids {
                precondition(id >= 0 && id < universe, "id outside the universe")
                bytes[id >> 3] |= 1 << UInt8(id & 7)
            }
            return bytes
        }
    }

    /// Decodes `count` ids; throws when the bytes do not hold exactly that.
    public func decode(_ bytes: [UInt8], count: Int, universe: Int) throws(IndexFormatError) -> [Int] {
        switch self {
        case .gaps:
            var reader = ByteReader(bytes)
            var ids: [Int] = []
            ids.reserveCapacity(count)
            var previous = -1
            for _ in 0..<count {
                let id = previous + 1 + (try reader.varint())
                guard id < universe else { throw IndexFormatError("document \(id) is past the last (\(universe - 1))") }
                ids.append(id)
                previous = id
            }
            guard reader.atEnd else { throw IndexFormatError("\(bytes.count - reader.offset) bytes left after \(count) documents") }
            return ids
        case .bitmap:
            guard bytes.count == (universe + 7) / 8 else {
                throw IndexFormatError("a bitmap of \(bytes.count) bytes for \(universe) documents")
            }
            var ids: [Int] = []
            for (index, byte) in bytes.enumerated() where byte != 0 {
                for bit in 0..<8 where byte & (1 << UInt8(bit)) != 0 {
                    let id = index * 8 + bit
                    guard id < universe else { throw IndexFormatError("a bitmap bit past the last document") }
                    ids.append(id)
                }
            }
            guard ids.count == count else { throw IndexFormatError("a bitmap of \(ids.count) documents where \(count) were expected") }
            return ids
        }
    }
}
