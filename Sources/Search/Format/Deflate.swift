import CZlib

/// zlib-wrapped deflate, for the index files' payloads.
///
/// The zlib wrapper (not raw deflate) carries an Adler-32 checksum, so a damaged or
/// truncated file fails to inflate instead of decoding into wrong results. Browsers
/// and node read it with `DecompressionStream("deflate")`, which works from `file://`.
enum Deflate {
    /// How hard to look for repeats: what a kind of payload is worth spending on.
    enum Effort: Sendable {
        /// Huffman codes alone, no search for repeats (zlib's `Z_HUFFMAN_ONLY`): for varints
        /// that hardly repeat, most of what deflate saves at a fraction of its time.
        case huffmanOnly
        /// A zlib level, 1 (fastest) to 9 (smallest).
        case level(Int32)
    }

    /// `bytes` compressed at `effort`: level 9, the smallest, by default (the build
    /// compresses once; readers inflate often).
    static func compress(_ bytes: [UInt8], effort: Effort = .level(9)) -> [UInt8] {
        let (level, strategy): (Int32, Int32) = switch effort {
        case .huffmanOnly: (1, Z_HUFFMAN_ONLY)
        case .level(let level): (level, Z_DEFAULT_STRATEGY)
        }
        var stream = z_stream()
        let started = deflateInit2_(&stream, level, Z_DEFLATED, MAX_WBITS, 8, strategy, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        precondition(started == Z_OK, "zlib deflateInit2 failed: \(started)")
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))))
        var input = bytes
        let written = output.withUnsafeMutableBufferPointer { out in
            input.withUnsafeMutableBufferPointer { source -> Int in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                let status = deflate(&stream, Z_FINISH)
                precondition(status == Z_STREAM_END, "zlib deflate failed: \(status)")
                return out.count - Int(stream.avail_out)
            }
        }
        output.removeSubrange(written...)
        return output
    }

    /// Inflates a zlib stream, refusing one that is damaged, truncated or has bytes after its end.
    static func decompress(_ bytes: [UInt8]) throws(IndexFormatError) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw IndexFormatError("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status: Int32 = Z_OK
        var input = bytes
        let total = input.count
        status = input.withUnsafeMutableBufferPointer { source -> Int32 in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(total)
            var result: Int32 = Z_OK
            repeat {
                result = chunk.withUnsafeMutableBufferPointer { out -> Int32 in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    let code = inflate(&stream, Z_NO_FLUSH)
                    output.append(contentsOf: out[0..<(out.count - Int(stream.avail_out))])
                    return code
                }
            } while result == Z_OK
            return result
        }
        guard status == Z_STREAM_END else {
            throw IndexFormatError(status == Z_BUF_ERROR ? "the compressed data is cut off" : "the compressed data is damaged")
        }
        guard stream.avail_in == 0 else { throw IndexFormatError("bytes after the end of the compressed data") }
        return output
    }
}
