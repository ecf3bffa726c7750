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

/// Reads the index primitives from bytes, refusing a truncated value or a number past 2^53 - 1.
struct ByteReader {
    let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var atEnd: Bool { offset == bytes.count }

    mutating func byte() throws(IndexFormatError) -> UInt8 {
        guard offset < bytes.count else { throw IndexFormatError("cut off at byte \(offset)") }
        offset += 1
        return bytes[offset - 1]
    }

    /// `count` bytes, refusing a count that runs past the end.
    mutating func raw(_ count: Int) throws(IndexFormatError) -> ArraySlice<UInt8> {
        guard count >= 0, count <= bytes.count - offset else {
            throw IndexFormatError("\(count) bytes wanted at byte \(offset), \(bytes.count - offset) left")
        }
        offset += count
        return bytes[(offset - count)..<offset]
    }

    mutating func blob() throws(IndexFormatError) -> [UInt8] {
        Array(try raw(try varint()))
    }

    /// A string written by `ByteWriter.string`, refusing invalid UTF-8.
    mutating func string() throws(IndexFormatError) -> String {
        let utf8 = try raw(try varint())
        guard let text = String(validating: utf8, as: UTF8.self) else {
            throw IndexFormatError("a string that is not UTF-8 at byte \(offset - utf8.count)")
        }
        return text
    }

    /// A count of items still to read, refusing one larger than the bytes left could hold.
    mutating func count(minimumBytesEach: Int = 1) throws(IndexFormatError) -> Int {
        let value = try varint()
        guard value <= (bytes.count - offset) / max(1, minimumBytesEach) else {
            throw IndexFormatError("a count of \(value) at byte \(offset) is more than the file holds")
        }
        return value
    }

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
