import GRDB

/// Stores a file's facts as blocks: one `fact_blocks` row per (period, indicator, basis) the file
/// gives, holding every value it gives there, and the merge of each into that key's current
/// block. A value for a unit with no current value is added; an equal value changes nothing (its
/// source stays the file that first said it); a different value replaces the current one, and a
/// `fact_revisions` row keeps the old and the new.
///
/// A key with no current block — a new month, the nightly case — gets a current block that names
/// the file's block (no copy of its values), without a merge.
struct FactWriter {
    let db: Database
    let fileId: Int64

    init(_ db: Database, fileId: Int64) {
        self.db = db
        self.fileId = fileId
    }

    /// What ``store(_:unitIds:indicatorIds:)`` did.
    struct Stored {
        var new: Int
        var revised: Int
        var unchanged: Int
        /// The facts that superseded a different value.
        var revisedFacts: [Int32]
        /// The facts whose key held a current value (equal or not): none for a new month.
        var heldFacts: [Int32]
    }

    /// Stores `facts` (unit and indicator indices resolved through `unitIds` and `indicatorIds`).
    func store(_ facts: [ExtractedFact], unitIds: [Int64], indicatorIds: [Int64]) throws -> Stored {
        var stored = Stored(new: 0, revised: 0, unchanged: 0, revisedFacts: [], heldFacts: [])
        let file = try FactBlockStore.narrow(fileId, BlockKey(period: 0, indicator: 0, basis: 0), "file")
        let revisions = try FactBlockStore.revisionInsert(db)
        for (key, group) in FactWriter.groups(facts, unitIds: unitIds, indicatorIds: indicatorIds) {
            var block = FactBlock()
            block.units.reserveCapacity(group.count)
            block.amounts.reserveCapacity(group.count)
            block.lines.reserveCapacity(group.count)
            for index in group {
                let fact = facts[Int(index)]
                block.units.append(try FactBlockStore.narrow(unitIds[Int(fact.unit)], key, "unit"))
                block.amounts.append(fact.amount.raw)
                block.lines.append(UInt32(clamping: fact.line))
            }
            try FactBlockStore.insertFileBlock(db, key, file: fileId, block, complete: true)
            guard let (currentId, current) = try FactBlockStore.current(db, key) else {
                // A new key: the file's block is the current one.
                try FactBlockStore.writeCurrent(db, key, naming: fileId, count: block.count)
                stored.new += block.count
                continue
            }
            // Merge-join of the two unit-sorted blocks.
            var merged = CurrentBlock()
            merged.units.reserveCapacity(current.count + block.count)
            merged.amounts.reserveCapacity(current.count + block.count)
            merged.files.reserveCapacity(current.count + block.count)
            var lookup = CurrentLookup(db)
            var old = 0, new = 0
            while old < current.count || new < block.count {
                if new == block.count || (old < current.count && current.units[old] < block.units[new]) {
                    merged.units.append(current.units[old])
                    merged.amounts.append(current.amounts[old])
                    merged.files.append(current.files[old])
                    old += 1
                    continue
                }
                let unit = block.units[new], amount = block.amounts[new]
                merged.units.append(unit)
                if old < current.count, current.units[old] == unit {
                    stored.heldFacts.append(group[new])
                    if current.amounts[old] == amount {
                        merged.amounts.append(current.amounts[old])
                        merged.files.append(current.files[old])
                        stored.unchanged += 1
                    } else {
                        let oldFile = Int64(current.files[old])
                        try FactBlockStore.insertRevision(
                            revisions,
                            FactBlockStore.Revision(
                                key: key, unit: Int64(unit), oldFile: oldFile, oldAmount: current.amounts[old],
                                oldLine: try lookup.line(key, unit: Int64(unit), file: oldFile), newFile: fileId,
                                newAmount: amount, newLine: Int64(block.lines[new])))
                        merged.amounts.append(amount)
                        merged.files.append(file)
                        stored.revised += 1
                        stored.revisedFacts.append(group[new])
                    }
                    old += 1
                } else {
                    merged.amounts.append(amount)
                    merged.files.append(file)
                    stored.new += 1
                }
                new += 1
            }
            if merged != current { try FactBlockStore.writeCurrent(db, key, merged, replacing: currentId) }
        }
        return stored
    }

    /// The positions of `facts` grouped by (period, indicator id, basis), in key order, each
    /// group sorted by unit id: the facts bucketed by unit (one counting pass), then the units
    /// walked in id order, each fact appended to its key's group — no sort of the facts.
    static func groups(_ facts: [ExtractedFact], unitIds: [Int64], indicatorIds: [Int64]) -> [(BlockKey, [Int32])] {
        let unitCount = unitIds.count
        var starts = [Int](repeating: 0, count: unitCount + 1)
        for fact in facts { starts[Int(fact.unit) + 1] += 1 }
        for unit in 0..<unitCount { starts[unit + 1] += starts[unit] }
        var next = starts
        var byUnit = [Int32](repeating: 0, count: facts.count)
        for (index, fact) in facts.enumerated() {
            byUnit[next[Int(fact.unit)]] = Int32(index)
            next[Int(fact.unit)] += 1
        }
        var unitOrder = Array(0..<unitCount)
        if !unitOrder.indices.dropFirst().allSatisfy({ unitIds[$0 - 1] <= unitIds[$0] }) {
            unitOrder.sort { (unitIds[$0], $0) < (unitIds[$1], $1) }
        }
        var groupOf: [BlockKey: Int] = [:], keys: [BlockKey] = [], groups: [[Int32]] = []
        for unit in unitOrder {
            for slot in starts[unit]..<starts[unit + 1] {
                let index = byUnit[slot], fact = facts[Int(index)]
                let key = BlockKey(period: fact.period, indicator: indicatorIds[Int(fact.indicator)], basis: Int(fact.basis.rawValue))
                if let group = groupOf[key] {
                    groups[group].append(index)
                } else {
                    groupOf[key] = groups.count
                    keys.append(key)
                    groups.append([index])
                }
            }
        }
        return keys.indices.sorted { keys[$0] < keys[$1] }.map { (keys[$0], groups[$0]) }
    }
}
