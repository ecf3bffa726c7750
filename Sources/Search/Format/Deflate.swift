import CDeflate
import CZlib

/// zlib-wrapped deflate, for the index files' payloads.
///
/// The zlib wrapper (not raw deflate) carries an Adler-32 checksum, so a damaged or
/// truncated file fails to inflate instead of decoding into wrong results. Browsers
/// and node read it with `DecompressionStream("deflate")`, which works from `file://`.
enum Deflate {
    /// `bytes` as a zlib stream compressed at `level`, 1 (fastest) to 12 (smallest): 9,
    /// by default (the build compresses once; readers inflate often).
    ///
    /// libdeflate writes it: the same format zlib reads (and browsers, with
    /// `DecompressionStream("deflate")`), at two to four times zlib's speed for the same
    /// size (measured on the index at 10,000 issues).
    static func compress(_ bytes: [UInt8], level: Int32 = 9) -> [UInt8] {
        guard let compressor = libdeflate_alloc_compressor(level) else { preconditionFailure("libdeflate could not start") }
        defer { libdeflate_free_compressor(compressor) }
        var output = [UInt8](repeating: 0, count: libdeflate_zlib_compress_bound(compressor, bytes.count))
        let written = output.withUnsafeMutableBytes { out in
            bytes.withUnsafeBytes { input in
                libdeflate_zlib_compress(compressor, input.baseAddress, input.count, out.baseAddress, out.count)
            }
        }
        precondition(written > 0, "libdeflate: the output bound was too small")
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
