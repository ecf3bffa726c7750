import Foundation

/// Surface form (folded UTF-8 bytes) → a number, for the analyzer's hot loop.
///
/// A `[String: Int32]` there made a String and ran SipHash for each of the archive's
/// millions of tokens; this hashes the token's bytes where they lie (FNV-1a) and probes
/// an open-addressed table whose keys sit in one byte arena. Only the analyzer uses it:
/// it is a cache, so it needs no removal and no iteration.
struct WordTable {
    /// Per slot, the key's hash in the high half and its index into `values` plus one in
    /// the low half (0 when empty), so that most misses and hits read one slot and one
    /// key; the count is a power of two.
    private var slots: [UInt64]
    private var hashes: [UInt32] = []
    private var keyEnds: [Int32] = []
    private var keyBytes: [UInt8] = []
    private var values: [Int32] = []

    init() {
        slots = [UInt64](repeating: 0, count: 1 << 12)
    }

    /// The number stored for `key`, if any.
    func value(for key: ArraySlice<UInt8>) -> Int32? {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            let index = Int(entry & 0xFFFF_FFFF) - 1
            if UInt32(entry >> 32) == hash, matches(index, key) { return values[index] }
            slot = (slot + 1) & mask
        }
    }

    /// Stores `value` for `key`, which must not be in the table yet.
    mutating func insert(_ key: ArraySlice<UInt8>, value: Int32) {
        if (values.count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(key)
        keyBytes.append(contentsOf: key)
        keyEnds.append(Int32(keyBytes.count))
        hashes.append(hash)
        values.append(value)
        place(values.count - 1, hash: hash)
    }

    private func matches(_ index: Int, _ key: ArraySlice<UInt8>) -> Bool {
        let start = index == 0 ? 0 : Int(keyEnds[index - 1])
        let end = Int(keyEnds[index])
        guard end - start == key.count else { return false }
        return keyBytes.withUnsafeBufferPointer { stored in
            key.withUnsafeBufferPointer { wanted in
                memcmp(stored.baseAddress! + start, wanted.baseAddress!, wanted.count) == 0
            }
        }
    }

    private mutating func place(_ index: Int, hash: UInt32) {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = UInt64(hash) << 32 | UInt64(index + 1)
    }

    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        for index in values.indices { place(index, hash: hashes[index]) }
    }

    private static func hash(_ key: ArraySlice<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in key { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }
}
