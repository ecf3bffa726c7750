/// Builds an index file's binary payload: varints, single bytes and UTF-8 strings.
///
/// The one writer for every file kind, so the readers (`ByteReader` here,
/// `codec.js` in the browser) need only these three primitives.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func varint(_ value: Int) { Varint.append(value, to: &bytes) }
    mutating func byte(_ value: UInt8) { bytes.append(value) }
    mutating func raw(_ values: [UInt8]) { bytes.append(contentsOf: values) }
    mutating func raw(_ values: ArraySlice<UInt8>) { bytes.append(contentsOf: values) }

    /// A string as its UTF-8 length, then its bytes.
    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            Varint.append(utf8.count, to: &bytes)
            bytes.append(contentsOf: utf8)
        }
    }

    /// Bytes as their count, then the bytes.
    mutating func blob(_ values: [UInt8]) {
        varint(values.count)
        raw(values)
    }
}
