/// Unit positions by credit-code key (``ZonestatCore/CreditCode/packed(_:)``): an
/// open-addressing table with linear probing.
///
/// A file of a million rows looks a unit up on every row; a `Dictionary` hashed each 128-bit
/// key with SipHash and missed the cache on a table of that size, a fifth of the parse time.
/// The keys are not chosen by an adversary (they are validated codes of one file), so a
/// multiplicative hash of the folded key spreads them well enough.
///
/// A slot holds 32 bits of the key's hash and the position (8 bytes, so the table of a
/// province file's 50,000 units stays in the cache); the keys themselves are kept by
/// position and compared only when the hash bits match.
struct UnitKeyIndex {
    private struct Slot {
        var tag: UInt32 = 0
        /// −1 marks an empty slot.
        var position: Int32 = -1
    }

    private var slots = [Slot](repeating: Slot(), count: 1024)
    /// The key stored for each position (positions without one hold 0).
    private var keys: [UInt128] = []
    private var count = 0
    /// `64 - log2(slots.count)`: a slot is the hash's top bits.
    private var shift = 54

    /// Makes the table large enough for `count` keys without growing.
    mutating func reserveCapacity(_ count: Int) {
        keys.reserveCapacity(count)
        var size = slots.count
        while count * 2 > size { size *= 2 }
        guard size > slots.count else { return }
        rehash(into: size)
    }

    /// The keys stored, by position.
    var storedKeys: [UInt128] { keys }

    /// The position stored for `key`, if any.
    func position(of key: UInt128) -> Int32? {
        probe(key).found
    }

    /// Where `key` is (`found`), or the empty slot it would take and its tag.
    @inline(__always)
    private func probe(_ key: UInt128) -> (found: Int32?, slot: Int, tag: UInt32) {
        let hash = UnitKeyIndex.hash(key)
        let tag = UInt32(truncatingIfNeeded: hash)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash >> UInt64(shift))
        while slots[slot].position >= 0 {
            if slots[slot].tag == tag, keys[Int(slots[slot].position)] == key { return (slots[slot].position, slot, tag) }
            slot = (slot + 1) & mask
        }
        return (nil, slot, tag)
    }

    /// The position stored for `key`, or, when there is none, stores `position` and returns nil
    /// (a negative `position` is not stored: a look-up only, as the warehouse's unit writer
    /// asks).
    mutating func position(of key: UInt128, orInsert position: Int32) -> Int32? {
        let (found, slot, tag) = probe(key)
        guard found == nil, position >= 0 else { return found }
        slots[slot] = Slot(tag: tag, position: position)
        let index = Int(position)
        if index >= keys.count { keys.append(contentsOf: repeatElement(0, count: index - keys.count + 1)) }
        keys[index] = key
        count += 1
        // Kept at most half full, where linear probing stays short.
        if count * 2 > slots.count { rehash(into: slots.count * 2) }
        return nil
    }

    private mutating func rehash(into size: Int) {
        let old = slots
        slots = [Slot](repeating: Slot(), count: size)
        shift = 64 - size.trailingZeroBitCount
        let mask = size - 1
        for entry in old where entry.position >= 0 {
            var slot = Int(truncatingIfNeeded: UnitKeyIndex.hash(keys[Int(entry.position)]) >> UInt64(shift))
            while slots[slot].position >= 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }

    /// Fibonacci hashing of the two halves folded together: the slot is its top bits, the
    /// tag its low 32.
    @inline(__always)
    private static func hash(_ key: UInt128) -> UInt64 {
        let folded = UInt64(truncatingIfNeeded: key) ^ UInt64(truncatingIfNeeded: key >> 64) &* 0x9E37_79B9
        return folded &* 0x9E37_79B9_7F4A_7C15
    }
}
