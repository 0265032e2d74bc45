/// Unit positions by credit-code key (``ZonestatCore/CreditCode/packed(_:)``): an
/// open-addressing table with linear probing.
///
/// A file of a million rows looks a unit up on every row; a `Dictionary` hashed each 128-bit
/// key with SipHash and missed the cache on a table of that size, a fifth of the parse time.
/// The keys are not chosen by an adversary (they are validated codes of one file), so a
/// multiplicative hash of the folded key spreads them well enough.
struct UnitKeyIndex {
    /// A key and its position side by side, so a probe touches one cache line.
    private struct Slot {
        var key: UInt128 = 0
        /// −1 marks an empty slot (any key, 0 too, is a valid code).
        var position: Int32 = -1
    }

    private var slots = [Slot](repeating: Slot(), count: 1024)
    private var count = 0
    /// `slots.count - 1`; the table size is a power of two.
    private var mask = 1023

    /// Makes the table large enough for `count` keys without growing.
    mutating func reserveCapacity(_ count: Int) {
        var size = slots.count
        while count * 2 > size { size *= 2 }
        guard size > slots.count else { return }
        rehash(into: size)
    }

    /// The position stored for `key`, or, when there is none, stores `position` and returns nil.
    mutating func position(of key: UInt128, orInsert position: Int32) -> Int32? {
        var slot = UnitKeyIndex.hash(key) & mask
        while slots[slot].position >= 0 {
            if slots[slot].key == key { return slots[slot].position }
            slot = (slot + 1) & mask
        }
        slots[slot] = Slot(key: key, position: position)
        count += 1
        // Kept at most half full, where linear probing stays short.
        if count * 2 > slots.count { grow() }
        return nil
    }

    private mutating func grow() {
        rehash(into: slots.count * 2)
    }

    private mutating func rehash(into size: Int) {
        let old = slots
        slots = [Slot](repeating: Slot(), count: size)
        mask = slots.count - 1
        for entry in old where entry.position >= 0 {
            var slot = UnitKeyIndex.hash(entry.key) & mask
            while slots[slot].position >= 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }

    /// Fibonacci hashing of the two halves folded together, high bits first.
    @inline(__always)
    private static func hash(_ key: UInt128) -> Int {
        let folded = UInt64(truncatingIfNeeded: key) ^ UInt64(truncatingIfNeeded: key >> 64) &* 0x9E37_79B9
        return Int(truncatingIfNeeded: (folded &* 0x9E37_79B9_7F4A_7C15) >> 20)
    }
}
