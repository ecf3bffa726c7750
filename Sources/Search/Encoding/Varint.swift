/// LEB128 unsigned varints: 7 bits a byte, low bits first, high bit set on all but
/// the last byte. Small numbers (document gaps, positions) take one byte.
///
/// Values are held to 2^53 - 1 so that JavaScript, whose numbers are doubles, reads
/// exactly what Swift wrote.
enum Varint {
    /// The largest value either engine can represent exactly.
    static let maximum = (1 << 53) - 1

    /// Appends `value` (0...maximum) to `bytes`.
    static func append(_ value: Int, to bytes: inout [UInt8]) {
        precondition(value >= 0 && value <= maximum, "varint out of range: \(value)")
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }
}

/// Reads varints from bytes, refusing truncated or overlong ones.
struct ByteReader {
    let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var atEnd: Bool { offset == bytes.count }

    mutating func varint() throws(IndexFormatError) -> Int {
        var value = 0
        var shift = 0
        while true {
            guard offset < bytes.count else { throw IndexFormatError("a number is cut off at byte \(offset)") }
            let byte = bytes[offset]
            offset += 1
            let bits = Int(byte & 0x7F)
            guard shift < 53, bits <= (Varint.maximum >> shift) else {
                throw IndexFormatError("a number is too large at byte \(offset - 1)")
            }
            value |= bits << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
    }
}
