import Foundation
import Testing
@testable import Search

/// The index's posting encodings, against the vectors the JavaScript reader is held to.
@Suite("Posting encodings")
struct PostingCodingTests {
    struct Vectors: Decodable {
        struct Case: Decodable {
            var name: String
            var coding: String
            var universe: Int
            var ids: [Int]
            var base64: String
        }
        struct Damaged: Decodable {
            var name: String
            var coding: String
            var universe: Int
            var count: Int
            var base64: String
            var error: String
        }
        var cases: [Case]
        var damaged: [Damaged]
    }

    static let vectors: Vectors = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Vectors/codec.json")
        return try! JSONDecoder().decode(Vectors.self, from: Data(contentsOf: url))
    }()

    @Test func encodesAndDecodesEveryVector() throws {
        #expect(Self.vectors.cases.count >= 8)
        for vector in Self.vectors.cases {
            let coding = try #require(PostingCoding(rawValue: vector.coding))
            let bytes = coding.encode(vector.ids, universe: vector.universe)
            #expect(Data(bytes).base64EncodedString() == vector.base64, "\(vector.name)")
            #expect(try coding.decode(bytes, count: vector.ids.count, universe: vector.universe) == vector.ids, "\(vector.name)")
        }
    }

    @Test func refusesEveryDamagedVector() throws {
        for vector in Self.vectors.damaged {
            let coding = try #require(PostingCoding(rawValue: vector.coding))
            let bytes = [UInt8](try #require(Data(base64Encoded: vector.base64)))
            #expect(performing: { try coding.decode(bytes, count: vector.count, universe: vector.universe) },
                    throws: { ($0 as? IndexFormatError)?.message.contains(vector.error) == true })
        }
    }

    @Test func choosesTheSmallerEncoding() {
        #expect(PostingCoding.choose(count: 10, universe: 10_000) == .gaps)
        #expect(PostingCoding.choose(count: 5_000, universe: 10_000) == .bitmap)
        let dense = Array(stride(from: 0, to: 10_000, by: 2))
        #expect(PostingCoding.bitmap.encode(dense, universe: 10_000).count < PostingCoding.gaps.encode(dense, universe: 10_000).count)
    }

    @Test func largeValuesRoundTripWithinWhatJavaScriptCanHold() throws {
        var bytes: [UInt8] = []
        for value in [0, 127, 128, 1 << 31, Varint.maximum] { Varint.append(value, to: &bytes) }
        var reader = ByteReader(bytes)
        #expect(try [reader.varint(), reader.varint(), reader.varint(), reader.varint(), reader.varint()] == [0, 127, 128, 1 << 31, Varint.maximum])
        #expect(reader.atEnd)
    }
}
