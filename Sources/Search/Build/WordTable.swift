import Foundation

/// Numbers surface forms (folded UTF-8 bytes) in the order they are first added, for the
/// analyzer's hot loop: each of the archive's millions of tokens is looked up here.
///
/// A `[String: Int32]` made a String and ran SipHash for each token. This hashes the
/// token's bytes where they lie (FNV-1a) and probes an open-addressed table of 16-byte
/// slots that hold, besides the form's number, a check word (hash and length) and the
/// form's first eight bytes: most forms are no longer than that, so a lookup reads one
/// slot, one cache line, and never the byte arena. Only the analyzer uses it: there is no
/// removal and no iteration.
struct WordTable {
    private struct Slot {
        /// The hash's high 24 bits and the length (up to 255) in the low 8.
        var check: UInt32 = 0
        /// The form's number plus one; 0 for an empty slot.
        var numberPlusOne: Int32 = 0
        /// The first eight bytes, little-endian, zero-padded.
        var prefix: UInt64 = 0
    }

    /// A power of two, at most half full.
    private var slots: [Slot]
    /// Each form's bytes, one after another, by number.
    private var keyBytes: [UInt8] = []
    private var keyEnds: [Int32] = []
    private var hashes: [UInt32] = []

    init() {
        slots = [Slot](repeating: Slot(), count: 1 << 12)
    }

    /// How many forms have been added.
    var count: Int { keyEnds.count }

    /// The number of `key`, if it has been added.
    func number(of key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = Self.hash(key)
        let check = Self.check(hash, key.count)
        let prefix = Self.prefix(key)
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Int(hash) & mask
            while true {
                let entry = slots[slot]
                if entry.numberPlusOne == 0 { return nil }
                if entry.check == check, entry.prefix == prefix, key.count <= 8 || restMatches(Int(entry.numberPlusOne) - 1, key) {
                    return entry.numberPlusOne - 1
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Adds `key`, which must not be in the table yet, and returns its number (the count
    /// before adding it).
    @discardableResult
    mutating func add(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
        if (count + 1) * 2 > slots.count { grow() }
        let number = Int32(count)
        let hash = Self.hash(key)
        keyBytes.append(contentsOf: key)
        keyEnds.append(Int32(keyBytes.count))
        hashes.append(hash)
        place(number, hash: hash, check: Self.check(hash, key.count), prefix: Self.prefix(key))
        return number
    }

    private func restMatches(_ number: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = number == 0 ? 0 : Int(keyEnds[number - 1])
        guard Int(keyEnds[number]) - start == key.count else { return false }
        return keyBytes.withUnsafeBufferPointer { stored in memcmp(stored.baseAddress! + start + 8, key.baseAddress! + 8, key.count - 8) == 0 }
    }

    private mutating func place(_ number: Int32, hash: UInt32, check: UInt32, prefix: UInt64) {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot].numberPlusOne != 0 { slot = (slot + 1) & mask }
        slots[slot] = Slot(check: check, numberPlusOne: number + 1, prefix: prefix)
    }

    private mutating func grow() {
        slots = [Slot](repeating: Slot(), count: slots.count * 2)
        for number in 0..<count {
            let start = number == 0 ? 0 : Int(keyEnds[number - 1])
            let end = Int(keyEnds[number])
            let (check, prefix) = keyBytes.withUnsafeBufferPointer { bytes in
                let key = UnsafeBufferPointer(rebasing: bytes[start..<end])
                return (Self.check(hashes[number], key.count), Self.prefix(key))
            }
            place(Int32(number), hash: hashes[number], check: check, prefix: prefix)
        }
    }

    private static func check(_ hash: UInt32, _ length: Int) -> UInt32 {
        (hash & 0xFFFF_FF00) | UInt32(min(length, 255))
    }

    private static func prefix(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var prefix: UInt64 = 0
        for index in 0..<min(8, key.count) { prefix |= UInt64(key[index]) << (8 * UInt64(index)) }
        return prefix
    }

    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in key { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }
}
