import GRDB
import ZonestatCore

/// Warnings that need the warehouse's earlier months: a reported month that differs from
/// ytd(N) − ytd(N−1), and a month-over-month jump beyond the configured factor.
///
/// Run inside the ingest transaction, after the file's facts are stored, on the file's own
/// ytd values; earlier months come from the warehouse (or from the same file).
struct CrossFileChecks {
    let config: PipelineConfig
    let file: String
    /// Column header by `indicator|basis`, to point warnings at the file's own column.
    let headers: [String: String]

    init(config: PipelineConfig, file: String, headers: [String: String] = [:]) {
        self.config = config
        self.file = file
        self.headers = headers
    }

    /// A (unit, period, indicator)'s month and ytd in the file, and the first line of either.
    private struct Entry {
        var unit: Int32
        var period: Int32
        var indicator: Int16
        var month: Amount?
        var ytd: Amount?
        var line: Int32
        /// The lines of the month and the ytd value (one line in a wide file, two in a long one).
        var monthLine: Int32
        var ytdLine: Int32
    }

    /// A warning with the entry it is about (indices into the facts' units and the indicators).
    struct Found {
        var problem: Problem
        var unit: Int32
        var indicator: Int16
    }

    func run(
        _ db: Database, facts: [ExtractedFact], unitIds: [Int64], indicatorIds: [Int64], units: [ExtractedUnit]
    ) throws -> [Found] {
        var needed = Set<Int32>()
        for fact in facts where fact.basis == .month || fact.basis == .ytd {
            for earlier in [fact.period - 1, fact.period - 2] where earlier % 100 != 0 { needed.insert(earlier) }
        }
        let earlier = try EarlierYtd(db, periods: needed)
        var current = CurrentLookup(db)
        /// Whether the unit reported a ytd for the indicator in a month of the year before `period`:
        /// a binary search in each earlier month's current ytd block.
        func reportedBefore(unit: Int64, indicator: Int64, period: Int) throws -> Bool {
            for earlierPeriod in stride(from: period - 1, to: period / 100 * 100, by: -1) {
                let key = BlockKey(period: Int32(earlierPeriod), indicator: indicator, basis: Int(Basis.ytd.rawValue))
                if try current.value(key, unit: unit) != nil { return true }
            }
            return false
        }
        // Each entry's warnings in turn, to be put in the order of (line, indicator): the
        // entries' order in the file.
        var found: [(line: Int32, indicator: Int16, unit: Int32, problem: Problem)] = []
        try CrossFileChecks.forEachEntry(facts) { entry in
            guard let ytd = entry.ytd?.raw, Int(entry.indicator) < config.indicators.count else { return }
            let spec = config.indicators[Int(entry.indicator)]
            let unitId = unitIds[Int(entry.unit)], indicatorId = indicatorIds[Int(entry.indicator)]
            let period = Int(entry.period), month = period % 100
            let code = units[Int(entry.unit)].creditCode
            let name = units[Int(entry.unit)].name
            let periodText = Period(key: period).map(ChinesePeriod.text) ?? String(period)
            let ytd1 = earlier.value(unit: unitId, indicator: indicatorId, period: entry.period - 1)
            let startsYear = month == 1 || (spec.mergeJanFeb && month == 2)
            // A unit with nothing earlier this year, in a month others reported, started this year.
            var previous: Int64? = startsYear ? 0 : ytd1
            if previous == nil, !startsYear, earlier.hasAny(indicator: indicatorId, period: entry.period - 1) {
                if try !reportedBefore(unit: unitId, indicator: indicatorId, period: period) { previous = 0 }
            }
            // Differences and products of amounts in Int128 (any amount fits in 64 bits, so a
            // difference cannot overflow; a product is checked): a figure near the warehouse's
            // range is a warning at most, never a trap.
            if let reported = entry.month?.raw, let previous {
                let derived = AmountSum(raw: Int128(ytd) - Int128(previous))
                if abs(Int128(reported) - derived.raw) > Int128(config.ytdTolerance.raw) {
                    found.append((entry.line, entry.indicator, entry.unit, Problem(
                        file: file, line: Int(entry.monthLine), column: headers["\(spec.id)|month"] ?? "\(spec.id) month",
                        value: Amount(raw: reported).decimalString(in: spec.unit), code: .ytdMismatch,
                        message: "\(periodText)\(spec.name)本月数为\(Amount(raw: reported).decimalString(in: spec.unit))\(spec.unit.label)，"
                            + "与本年累计减上月累计（\(derived.decimalString(in: spec.unit))\(spec.unit.label)）不符："
                            + "请核对本月数和累计数 / "
                            + "\(code) \(Period(key: period).map(String.init(describing:)) ?? String(period)): "
                            + "the month's \(spec.id) differs from ytd − last month's ytd = "
                            + "\(derived.decimalString(in: spec.unit)) \(spec.unit.label) — check both figures",
                        period: period, creditCode: code, unitName: name.isEmpty ? nil : name)))
                }
            }
            // Month-over-month jump, on months derived from ytd (skip where a month spans 1-2月).
            guard month >= (spec.mergeJanFeb ? 4 : 2), let ytd1,
                let ytd2 = month == 2 ? 0 : earlier.value(unit: unitId, indicator: indicatorId, period: entry.period - 2)
            else { return }
            let current = AmountSum(raw: Int128(ytd) - Int128(ytd1)), before = AmountSum(raw: Int128(ytd1) - Int128(ytd2))
            let factor = Int128(config.jumpFactor)
            guard current.raw > 0, before.raw > 0,
                CrossFileChecks.exceeds(current.raw, factor, times: before.raw)
                    || CrossFileChecks.exceeds(before.raw, factor, times: current.raw)
            else { return }
            found.append((entry.line, entry.indicator, entry.unit, Problem(
                file: file, line: Int(entry.ytdLine), column: headers["\(spec.id)|ytd"] ?? "\(spec.id) ytd",
                value: Amount(raw: ytd).decimalString(in: spec.unit), code: .monthJump,
                message: "\(periodText)\(spec.name)当月数（由累计数推算：\(current.decimalString(in: spec.unit))\(spec.unit.label)）"
                    + "\(current > before ? "超过上月（\(before.decimalString(in: spec.unit))）的\(factor)倍" : "不到上月（\(before.decimalString(in: spec.unit))）的\(factor)分之一")，"
                    + "波动异常：请核对数值及其单位 / "
                    + "\(code): this month's \(spec.id) (\(current.decimalString(in: spec.unit)) "
                    + "\(spec.unit.label)) is more than \(factor) times \(current > before ? "above" : "below") last month's "
                    + "(\(before.decimalString(in: spec.unit))) — check the figure and its unit",
                period: period, creditCode: code, unitName: name.isEmpty ? nil : name)))
        }
        // (line, indicator) tells entries apart (a line is one row: one unit and period, each
        // indicator once), and a stable sort keeps an entry's two warnings in turn.
        return found.enumerated()
            .sorted { ($0.element.line, $0.element.indicator, $0.offset) < ($1.element.line, $1.element.indicator, $1.offset) }
            .map { Found(problem: $0.element.problem, unit: $0.element.unit, indicator: $0.element.indicator) }
    }

    /// The warnings with each value quoted as the file's cell is written (`3813` 千元, not the
    /// converted `381.3`), read again from `bytes`; a cell not found keeps the converted value.
    static func quoting(_ found: [Found], parsed: ParsedFile, config: PipelineConfig, bytes: [UInt8]) -> [Found] {
        func address(_ item: Found) -> RecordCells.Address? {
            guard let line = item.problem.line, Int(item.indicator) < config.indicators.count else { return nil }
            let basis = item.problem.code == .ytdMismatch ? "month" : "ytd"
            let key = "\(config.indicators[Int(item.indicator)].id)|\(basis)"
            return parsed.columnIndices[key].map { RecordCells.Address(line: line, column: $0) }
        }
        let cells = RecordCells.text(of: Set(found.compactMap(address)), in: bytes)
        return found.map { item in
            var quoted = item
            if let address = address(item), let text = cells[address] { quoted.problem.value = text }
            return quoted
        }
    }

    /// Whether `value` is more than `factor` times `base`, exactly and without trapping: a
    /// product past `Int128` is beyond any amount, so its sign decides.
    static func exceeds(_ value: Int128, _ factor: Int128, times base: Int128) -> Bool {
        let (product, overflow) = base.multipliedReportingOverflow(by: factor)
        if overflow { return (base < 0) != (factor < 0) }
        return value > product
    }

    /// Hands `body` the file's month and ytd facts gathered per (unit, period, indicator), one
    /// entry at a time, walking the facts sorted by that key: no table of millions of keys.
    private static func forEachEntry(_ facts: [ExtractedFact], _ body: (Entry) throws -> Void) rethrows {
        var picked: [Int32] = []
        for (index, fact) in facts.enumerated() where fact.basis == .month || fact.basis == .ytd {
            picked.append(Int32(index))
        }
        let order = FactWriter.order(
            count: picked.count,
            row: {
                let fact = facts[Int(picked[$0])]
                return UInt64(UInt32(bitPattern: fact.unit)) << 32 | UInt64(UInt32(bitPattern: fact.period))
            },
            within: {
                let fact = facts[Int(picked[$0])]
                return UInt64(UInt16(bitPattern: fact.indicator)) << 2 | UInt64(fact.basis.rawValue)
            })
        var entry: Entry?
        for position in order {
            let fact = facts[Int(picked[Int(position)])]
            if let current = entry, current.unit != fact.unit || current.period != fact.period || current.indicator != fact.indicator {
                try body(current)
                entry = nil
            }
            var next = entry ?? Entry(
                unit: fact.unit, period: fact.period, indicator: fact.indicator, line: fact.line, monthLine: fact.line,
                ytdLine: fact.line)
            if fact.basis == .month {
                next.month = fact.amount
                next.monthLine = fact.line
            } else {
                next.ytd = fact.amount
                next.ytdLine = fact.line
            }
            next.line = min(next.line, fact.line)
            entry = next
        }
        if let entry { try body(entry) }
    }
}

/// The warehouse's current ytd values of some periods, by unit and indicator: per period, the
/// keys sorted with their amounts, found by binary search (a dictionary of a month of a large
/// zone held millions of entries).
private struct EarlierYtd {
    private struct Values {
        var keys: [UInt64] = []
        var amounts: [Int64] = []
        /// The indicators with a value, as `hasAny` asks.
        var indicators: Set<UInt64> = []
    }

    private var values: [Int32: Values] = [:]

    init(_ db: Database, periods: Set<Int32>) throws {
        for period in periods {
            var rows: [(key: UInt64, amount: Int64)] = []
            for (key, block) in try FactBlockStore.currentBlocks(db, period: period, basis: Int(Basis.ytd.rawValue)) {
                for position in 0..<block.count {
                    rows.append((EarlierYtd.key(Int64(block.units[position]), key.indicator), block.amounts[position]))
                }
            }
            // Stable, so that of two rows with one key (ids past 16 bits) the later one wins, as
            // when they were stored in a dictionary in turn.
            if !rows.indices.dropFirst().allSatisfy({ rows[$0 - 1].key <= rows[$0].key }) {
                rows = rows.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }.map(\.element)
            }
            var entry = Values()
            entry.keys.reserveCapacity(rows.count)
            entry.amounts.reserveCapacity(rows.count)
            for row in rows {
                if entry.keys.last == row.key {
                    entry.amounts[entry.amounts.count - 1] = row.amount
                    continue
                }
                entry.keys.append(row.key)
                entry.amounts.append(row.amount)
                entry.indicators.insert(row.key & 0xFFFF)
            }
            values[period] = entry
        }
    }

    static func key(_ unit: Int64, _ indicator: Int64) -> UInt64 { UInt64(unit) << 16 | UInt64(indicator & 0xFFFF) }

    func value(unit: Int64, indicator: Int64, period: Int32) -> Int64? {
        guard let entry = values[period] else { return nil }
        let key = EarlierYtd.key(unit, indicator)
        var low = 0, high = entry.keys.count
        while low < high {
            let middle = (low + high) / 2
            if entry.keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < entry.keys.count && entry.keys[low] == key ? entry.amounts[low] : nil
    }

    /// Whether any unit has a value of `indicator` in `period` (compared on the key's 16 bits).
    func hasAny(indicator: Int64, period: Int32) -> Bool {
        values[period]?.indicators.contains(UInt64(indicator)) ?? false
    }
}
