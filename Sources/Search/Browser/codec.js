/**
 * BroadsheetCodec: reads the search index's posting encodings in the browser.
 *
 * The twin of Sources/Search/Format/PostingCoding.swift: "gaps" (the first id,
 * then each difference minus one, as LEB128 varints) and "bitmap" (one bit per
 * document, low bit first). Both are held to Tests/SearchTests/Vectors/codec.json.
 * A damaged or truncated input throws an Error whose message starts
 * "damaged search index:", never a wrong answer.
 *
 * A classic script (one global, BroadsheetCodec), so it loads from file:// too.
 */
(function (root) {
  "use strict";

  const strictUTF8 = new TextDecoder("utf-8", { fatal: true });

  function damaged(message) {
    return new Error("damaged search index: " + message);
  }

  /** Bytes of a base64 string (atob exists in every browser and in node 16+). */
  function base64ToBytes(text) {
    let binary;
    try {
      binary = atob(text);
    } catch (error) {
      throw damaged("not base64");
    }
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  /** A cursor reading varints of at most 53 bits (all a double holds exactly). */
  function reader(bytes) {
    let offset = 0;
    return {
      get atEnd() { return offset === bytes.length; },
      get offset() { return offset; },
      varint() {
        let value = 0;
        let scale = 1;
        for (let shift = 0; ; shift += 7) {
          if (offset >= bytes.length) throw damaged("a number is cut off at byte " + offset);
          const byte = bytes[offset++];
          const bits = byte & 0x7f;
          if (shift >= 53 || bits > Math.floor(9007199254740991 / scale)) {
            throw damaged("a number is too large at byte " + (offset - 1));
          }
          value += bits * scale;  // not `|`: JavaScript's bit operators are 32-bit
          if ((byte & 0x80) === 0) return value;
          scale *= 128;
        }
      },
      byte() {
        if (offset >= bytes.length) throw damaged("cut off at byte " + offset);
        return bytes[offset++];
      },
      /** `count` bytes (a view, not a copy), refusing a count past the end. */
      raw(count) {
        if (count > bytes.length - offset) throw damaged(count + " bytes wanted at byte " + offset + ", " + (bytes.length - offset) + " left");
        offset += count;
        return bytes.subarray(offset - count, offset);
      },
      blob() { return this.raw(this.varint()); },
      /** A string written by Swift's ByteWriter.string, refusing invalid UTF-8. */
      string() {
        const utf8 = this.raw(this.varint());
        try {
          return strictUTF8.decode(utf8);
        } catch (error) {
          throw damaged("a string that is not UTF-8 at byte " + (offset - utf8.length));
        }
      },
      /** A count of items still to read, refusing one larger than the bytes left could hold. */
      count(minimumBytesEach) {
        const value = this.varint();
        if (value > Math.floor((bytes.length - offset) / Math.max(1, minimumBytesEach || 1))) {
          throw damaged("a count of " + value + " at byte " + offset + " is more than the file holds");
        }
        return value;
      },
    };
  }

  /** `count` ascending document ids, encoded as `coding` over `universe` documents. */
  function decodePostings(coding, bytes, count, universe) {
    const ids = [];
    if (coding === "gaps") {
      const input = reader(bytes);
      let previous = -1;
      for (let i = 0; i < count; i++) {
        const id = previous + 1 + input.varint();
        if (id >= universe) throw damaged("document " + id + " is past the last (" + (universe - 1) + ")");
        ids.push(id);
        previous = id;
      }
      if (!input.atEnd) throw damaged((bytes.length - input.offset) + " bytes left after " + count + " documents");
      return ids;
    }
    if (coding === "bitmap") {
      if (bytes.length !== Math.ceil(universe / 8)) {
        throw damaged("a bitmap of " + bytes.length + " bytes for " + universe + " documents");
      }
      for (let index = 0; index < bytes.length; index++) {
        const byte = bytes[index];
        if (byte === 0) continue;
        for (let bit = 0; bit < 8; bit++) {
          if (byte & (1 << bit)) {
            const id = index * 8 + bit;
            if (id >= universe) throw damaged("a bitmap bit past the last document");
            ids.push(id);
          }
        }
      }
      if (ids.length !== count) throw damaged("a bitmap of " + ids.length + " documents where " + count + " were expected");
      return ids;
    }
    throw damaged("unknown posting coding " + JSON.stringify(coding));
  }

  const BroadsheetCodec = { base64ToBytes, reader, decodePostings };
  root.BroadsheetCodec = BroadsheetCodec;
  if (typeof module !== "undefined" && module.exports) module.exports = BroadsheetCodec;
})(typeof globalThis !== "undefined" ? globalThis : this);
