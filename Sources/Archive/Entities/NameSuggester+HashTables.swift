/// Hashing, word sets and the hash map `NameSuggester` tallies candidates in: compared by
/// 64-bit hash on the hot path, so no `String` is made per token.
extension NameSuggester {
    /// A 64-bit hash over 8-byte chunks. Words and candidate keys are compared by it on the hot
    /// path; a word's hash is taken over its bytes folded to lowercase.
    enum Hash {
        static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

        @inline(__always)
        static func mix(_ hash: UInt64, _ chunk: UInt64) -> UInt64 {
            let product = (hash ^ chunk) &* 0x9E37_79B9_7F4A_7C15
            return product ^ (product >> 29)
        }

        /// The hash of `count` bytes at `bytes`, each ORed with 0x20 if `lowercasing` (exact
        /// lowercase for ASCII tokens without `_`: letters, digits and the joiners `-.'&,` all
        /// have that bit once lowered). `readable` bytes from `bytes` on may be read.
        @inline(__always)
        static func chunks(_ bytes: UnsafePointer<UInt8>, count: Int, readable: Int, lowercasing: Bool) -> UInt64 {
            let fold: UInt64 = lowercasing ? 0x2020_2020_2020_2020 : 0
            var hash = seed ^ UInt64(truncatingIfNeeded: count)
            var offset = 0
            let raw = UnsafeRawPointer(bytes)
            while offset + 8 <= count {
                hash = mix(hash, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) | fold)
                offset += 8
            }
            let rest = count - offset
            if rest > 0 {
                let mask: UInt64 = (1 << UInt64(rest * 8)) &- 1
                var chunk: UInt64 = 0
                if offset + 8 <= readable {
                    chunk = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                } else {
                    for index in 0..<rest { chunk |= UInt64(bytes[offset + index]) << UInt64(index * 8) }
                }
                hash = mix(hash, (chunk | fold) & mask)
            }
            return mix(hash, 0x5851_F42D_4C95_7F2D)
        }

        /// The hash of `bytes` as they are.
        static func exact(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
            guard let base = bytes.baseAddress else { return mix(seed, 0x5851_F42D_4C95_7F2D) }
            return chunks(base, count: bytes.count, readable: bytes.count, lowercasing: false)
        }

        /// The hash of the ASCII token `text[start..<end]` (no `_`), folded to lowercase;
        /// `count` bytes of `text` may be read.
        @inline(__always)
        static func foldedASCII(_ text: UnsafePointer<UInt8>, from start: Int, to end: Int, count: Int) -> UInt64 {
            chunks(text + start, count: end - start, readable: count - start, lowercasing: true)
        }

        /// The hash of `text[start..<end]` folded to lowercase: ASCII letters, and the Latin-1
        /// capitals À–Þ (UTF-8 `C3 80`–`C3 9E`), which covers the accented capitals of European
        /// names; curly apostrophes hash as `'`. Other scalars are hashed as they are. Equal to
        /// `foldedASCII` for ASCII text.
        static func folded(_ text: UnsafePointer<UInt8>, from start: Int, to end: Int) -> UInt64 {
            var lowered: [UInt8] = []
            lowered.reserveCapacity(end - start)
            var index = start
            var afterC3 = false
            while index < end {
                var byte = text[index]
                if byte == 0xE2, index + 2 < end, text[index + 1] == 0x80, text[index + 2] == 0x99 || text[index + 2] == 0x98 {
                    lowered.append(0x27)
                    afterC3 = false
                    index += 3
                    continue
                }
                if byte >= 0x41 && byte <= 0x5A {
                    byte |= 0x20
                } else if afterC3 && byte >= 0x80 && byte <= 0x9E && byte != 0x97 {
                    byte |= 0x20
                }
                afterC3 = byte == 0xC3
                lowered.append(byte)
                index += 1
            }
            return lowered.withUnsafeBufferPointer { exact($0) }
        }

        static func folded(_ word: some StringProtocol) -> UInt64 {
            var bytes = Array(word.utf8)
            return bytes.withUnsafeMutableBufferPointer { buffer in
                folded(buffer.baseAddress!, from: 0, to: buffer.count)
            }
        }

        static func foldedSet(_ words: [String]) -> WordSet {
            WordSet(words.map { folded($0) })
        }

        /// The slot of `key` in a table of `1 << bits` slots: the high bits of a multiplicative
        /// (Fibonacci) hash.
        @inline(__always)
        static func slot(_ key: UInt64, bits: Int) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
        }
    }

    /// A fixed set of word hashes, probed linearly; much cheaper than `Set` on the hot path.
    struct WordSet: Sendable {
        private let keys: [UInt64]
        private let bits: Int

        init(_ hashes: [UInt64]) {
            var bits = 4
            while (1 << bits) < hashes.count * 4 { bits += 1 }
            var keys = [UInt64](repeating: 0, count: 1 << bits)
            for hash in hashes where hash != 0 {
                var slot = Hash.slot(hash, bits: bits)
                while keys[slot] != 0 && keys[slot] != hash { slot = (slot + 1) & (keys.count - 1) }
                keys[slot] = hash
            }
            self.keys = keys
            self.bits = bits
        }

        @inline(__always)
        func contains(_ hash: UInt64) -> Bool {
            keys.withUnsafeBufferPointer { keys in
                var slot = Hash.slot(hash, bits: bits)
                while true {
                    let key = keys[slot]
                    if key == hash { return true }
                    if key == 0 { return false }
                    slot = (slot + 1) & (keys.count - 1)
                }
            }
        }

        func union(_ other: WordSet) -> WordSet {
            WordSet(keys.filter { $0 != 0 } + other.keys.filter { $0 != 0 })
        }
    }

    /// A growing map from 64-bit hashes (0 stands for 1) to values, probed linearly; each key
    /// sits beside its value, so a lookup costs one cache miss at most.
    struct HashMap<Value> {
        private var slots: [(key: UInt64, value: Value)]
        private var bits: Int
        private var count = 0
        private let initial: Value

        /// `initial` fills empty slots and is what `update` starts a new key from.
        init(initial: Value, bits: Int = 12) {
            self.initial = initial
            self.bits = bits
            slots = Array(repeating: (0, initial), count: 1 << bits)
        }

        @inline(__always)
        private func find(_ key: UInt64) -> (slot: Int, found: Bool) {
            slots.withUnsafeBufferPointer { slots in
                var slot = Hash.slot(key, bits: bits)
                while true {
                    let stored = slots[slot].key
                    if stored == key { return (slot, true) }
                    if stored == 0 { return (slot, false) }
                    slot = (slot + 1) & (slots.count - 1)
                }
            }
        }

        subscript(_ hash: UInt64) -> Value? {
            let (slot, found) = find(hash == 0 ? 1 : hash)
            return found ? slots[slot].value : nil
        }

        /// Changes the value for `hash`, starting from `initial` if it has none.
        @inline(__always)
        mutating func update(_ hash: UInt64, _ body: (inout Value) -> Void) {
            let key = hash == 0 ? 1 : hash
            var (slot, found) = find(key)
            if !found {
                if (count + 1) * 2 > slots.count {
                    grow()
                    slot = find(key).slot
                }
                slots[slot].key = key
                count += 1
            }
            body(&slots[slot].value)
        }

        /// Changes the value for `hash` if it has one.
        @inline(__always)
        mutating func updateIfPresent(_ hash: UInt64, _ body: (inout Value) -> Void) {
            let (slot, found) = find(hash == 0 ? 1 : hash)
            if found { body(&slots[slot].value) }
        }

        private mutating func grow() {
            let old = slots
            bits += 1
            slots = Array(repeating: (0, initial), count: 1 << bits)
            for entry in old where entry.key != 0 {
                slots[find(entry.key).slot] = entry
            }
        }
    }

    /// The words of five letters or more that the corpus writes in lowercase, as a blocked
    /// Bloom filter: 2²³ bits, two per word in the same 64-bit word, so an insert is one
    /// read-modify-write (the dearest thing per token here) and a name is taken for a
    /// lowercase word by mistake a few times in a hundred at most.
    final class LowercaseWords {
        private static let wordBits = 17
        private let words: UnsafeMutablePointer<UInt64>

        init() {
            words = .allocate(capacity: 1 << Self.wordBits)
            words.initialize(repeating: 0, count: 1 << Self.wordBits)
        }

        deinit { words.deallocate() }

        @inline(__always)
        private static func position(_ hash: UInt64) -> (word: Int, bits: UInt64) {
            (Int(truncatingIfNeeded: hash >> UInt64(64 - wordBits)), 1 << (hash & 63) | 1 << ((hash >> 6) & 63))
        }

        @inline(__always)
        func insert(_ hash: UInt64) {
            let (word, bits) = Self.position(hash)
            words[word] |= bits
        }

        func contains(_ hash: UInt64) -> Bool {
            let (word, bits) = Self.position(hash)
            return words[word] & bits == bits
        }
    }
}
