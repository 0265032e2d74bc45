import ZonestatCore

/// Collects the units a file names, once each, keeping the details of the latest period's row.
///
/// Units are found by their code's ``CreditCode/packed(_:)`` key, which hashes without a string.
struct UnitCollector {
    private(set) var units: [ExtractedUnit] = []
    private var index = UnitKeyIndex()
    /// Codes without a key: none, since every code a check returns is 18 characters of the
    /// alphabet; kept so that a code that had none would still be found.
    private var unkeyed: [String: Int32] = [:]

    /// Makes room for `count` units.
    mutating func reserveCapacity(_ count: Int) {
        units.reserveCapacity(count)
        index.reserveCapacity(count)
    }

    /// Appends the units `other` collected from the rows after this one's, when none of them is
    /// one of this one's (their rows would otherwise have updated this one's details in ways
    /// the two halves cannot tell); false, changing nothing, otherwise. A unit of `other` at
    /// index `i` is then at `units.count` (before) `+ i`.
    mutating func absorb(_ other: UnitCollector) -> Bool {
        let otherKeys = other.index.storedKeys
        guard unkeyed.isEmpty, other.unkeyed.isEmpty, otherKeys.count == other.units.count else { return false }
        for key in otherKeys where index.position(of: key) != nil { return false }
        let base = Int32(units.count)
        reserveCapacity(units.count + other.units.count)
        for (offset, key) in otherKeys.enumerated() {
            _ = index.position(of: key, orInsert: base + Int32(offset))
        }
        units += other.units
        return true
    }

    /// The unit's index, registering it or updating its details when `period` is the latest yet.
    mutating func add(
        code: String, name: String, industry: String?, area: String?, period: Int, checkOK: Bool
    ) -> Int32 {
        guard let key = CreditCode.packed(code) else {
            if let existing = unkeyed[code] {
                update(existing, name: name, industry: industry, area: area, period: period, checkOK: checkOK)
                return existing
            }
            let position = append(code, name: name, industry: industry, area: area, period: period, checkOK: checkOK)
            unkeyed[code] = position
            return position
        }
        return add(key: key, code: { code }, name: name, industry: industry, area: area, period: period, checkOK: checkOK)
    }

    /// ``add(code:name:industry:area:period:checkOK:)`` for a code already keyed; `code` is
    /// only made for a unit not seen before.
    mutating func add(
        key: UInt128, code: () -> String, name: String, industry: String?, area: String?, period: Int,
        checkOK: Bool
    ) -> Int32 {
        if let existing = index.position(of: key, orInsert: Int32(units.count)) {
            update(existing, name: name, industry: industry, area: area, period: period, checkOK: checkOK)
            return existing
        }
        return append(code(), name: name, industry: industry, area: area, period: period, checkOK: checkOK)
    }

    private mutating func update(
        _ existing: Int32, name: String, industry: String?, area: String?, period: Int, checkOK: Bool
    ) {
        let position = Int(existing)
        if period >= units[position].period {
            units[position].name = name
            units[position].industry = industry ?? units[position].industry
            units[position].area = area ?? units[position].area
            units[position].period = period
        }
        units[position].checkCharacterOK = units[position].checkCharacterOK && checkOK
    }

    private mutating func append(
        _ code: String, name: String, industry: String?, area: String?, period: Int, checkOK: Bool
    ) -> Int32 {
        let position = Int32(units.count)
        units.append(ExtractedUnit(
            creditCode: code, name: name, industry: industry, area: area, period: period, checkCharacterOK: checkOK))
        return position
    }
}

/// Detects the same unit, period, indicator and basis twice in one file (an error).
struct DuplicateDetector {
    private var seen: [UInt64: Int32] = [:]

    /// The line that already reported this key, or nil (and the key is remembered).
    mutating func firstLine(unit: Int32, period: Int32, indicator: Int16, basis: Int, line: Int32) -> Int32? {
        let key = UInt64(UInt32(bitPattern: unit)) << 32 | UInt64(UInt32(period)) << 12
            | UInt64(UInt16(bitPattern: indicator)) << 2 | UInt64(basis)
        if let first = seen[key] { return first }
        seen[key] = line
        return nil
    }
}
