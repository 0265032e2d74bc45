import GRDB
import Testing
import ZonestatPublish

@testable import ZonestatCore
@testable import ZonestatPipeline

/// Indicator rows (zone, industry, area) stored through one column table: every stored column is
/// what the formatting functions give (the load stage and downstream tools read these texts), and
/// what is stored reads back exact.
@Suite("Indicator store")
struct IndicatorStoreTests {
    /// A fixed-seed SplitMix64, so that every run stores the same rows.
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &self) < percent }

        /// A signed integer of up to `widest` bits, often small or with trailing zeros.
        mutating func integer(widest: Int = 126) -> Int128 {
            let bits = min([3, 14, 40, 62, 63, 64, 80, 126].randomElement(using: &self) ?? 14, widest)
            let high = Int128(next()) << 64 | Int128(next())
            var value = high & ((Int128(1) << bits) - 1)
            if chance(30) { value -= value % 10_000 }
            if chance(10) { value = 0 }
            return chance(40) ? -value : value
        }

        mutating func ratio() -> Ratio? {
            if chance(15) { return nil }
            if chance(10) { return Ratio(numerator: Int128(Int.random(in: -3...3, using: &self)), denominator: 20_000) }
            let denominator = integer().magnitude >> 1
            // Rounded to 4 decimals, a ratio must fit in Int128 (`Ratio.rounded` traps otherwise).
            return Ratio(numerator: integer(widest: 90), denominator: Int128(max(denominator, 1)))
        }
    }

    /// One indicator per money unit; rows of an indicator not configured are stored in 万元.
    static let config = PipelineConfig(
        zoneName: "测试开发区", workspace: "",
        indicators: MoneyUnit.allCases.map { unit in
            IndicatorSpec(id: "in_\(unit.rawValue)", name: "指标\(unit.label)", aliases: [], unit: unit)
        })

    static func rows(count: Int) -> [IndicatorRow] {
        var random = Random(state: 42)
        let periods = [Period(year: 2023, month: 2), Period(year: 2023, month: 12), Period(year: 2024, month: 1)]
            .compactMap { $0 }
        let indicators = config.indicators.map(\.id) + ["unknown"]
        var (period, indicator, scope) = (periods[0], indicators[0], ScopeKind.zone)
        return (0..<count).map { index in
            // Runs of rows sharing a period, indicator or scope, which also come back.
            if random.chance(5) { period = periods.randomElement(using: &random) ?? period }
            if random.chance(10) { indicator = indicators.randomElement(using: &random) ?? indicator }
            if random.chance(20) { scope = ScopeKind.allCases.randomElement(using: &random) ?? scope }
            return IndicatorRow(
                period: period, indicator: indicator, scope: scope, scopeId: index % 7 == 0 ? "" : "id\(index)",
                scopeName: index % 101 == 5 ? "名称\u{0}尾" : "名称\(index % 13)", units: Int.random(in: 0...5_000, using: &random),
                ytd: AmountSum(raw: random.integer()), ytdBase: AmountSum(raw: random.integer()),
                ytdYoYPercent: random.ratio(), ytdIncrement: AmountSum(raw: random.integer()),
                month: random.chance(20) ? nil : AmountSum(raw: random.integer()),
                monthBase: random.chance(20) ? nil : AmountSum(raw: random.integer()),
                monthYoYPercent: random.ratio(), pullPoints: random.ratio(), sharePercent: random.ratio(),
                estimate: random.chance(30))
        }
    }

    /// The columns as the formatting functions give them, the rounded percent's double from
    /// the generic `Int128` conversion.
    static func expected(_ row: IndicatorRow, position: Int) -> [String: DatabaseValue] {
        let spec = config.indicator(row.indicator)
        let unit = spec?.unit ?? .tenThousandYuan
        func amount(_ sum: AmountSum?) -> DatabaseValue { sum?.decimalString(in: unit).databaseValue ?? .null }
        func exact(_ ratio: Ratio?) -> DatabaseValue {
            ratio.map { "\($0.numerator)/\($0.denominator)".databaseValue } ?? .null
        }
        func rounded(_ ratio: Ratio?) -> DatabaseValue {
            guard let fixed = ratio?.rounded(decimals: 4) else { return .null }
            return (Double(fixed.value) / Double(Int128(10_000))).databaseValue
        }
        return [
            "period": row.period.description.databaseValue, "indicator": row.indicator.databaseValue,
            "indicator_name": (spec?.name ?? row.indicator).databaseValue, "unit": unit.label.databaseValue,
            "scope": row.scope.rawValue.databaseValue, "scope_id": row.scopeId.databaseValue,
            // Texts are bound as C strings were: up to a NUL.
            "scope_name": String(row.scopeName.prefix { $0 != "\u{0}" }).databaseValue, "units": row.units.databaseValue, "ytd": amount(row.ytd),
            "ytd_base": amount(row.ytdBase), "ytd_yoy_pct": rounded(row.ytdYoYPercent),
            "ytd_increment": amount(row.ytdIncrement), "month": amount(row.month), "month_base": amount(row.monthBase),
            "month_yoy_pct": rounded(row.monthYoYPercent), "pull_pp": rounded(row.pullPoints),
            "share_pct": rounded(row.sharePercent), "estimate": (row.estimate ? 1 : 0).databaseValue,
            "ytd_yoy_exact": exact(row.ytdYoYPercent), "month_yoy_exact": exact(row.monthYoYPercent),
            "pull_exact": exact(row.pullPoints), "share_exact": exact(row.sharePercent), "position": position.databaseValue,
        ]
    }

    /// Same storage class and same value; doubles bit for bit.
    static func same(_ stored: DatabaseValue, _ expected: DatabaseValue) -> Bool {
        switch (stored.storage, expected.storage) {
        case (.null, .null): true
        case (.int64(let a), .int64(let b)): a == b
        case (.double(let a), .double(let b)): a.bitPattern == b.bitPattern
        case (.string(let a), .string(let b)): Array(a.utf8) == Array(b.utf8)
        default: false
        }
    }

    /// No rows, one, and many.
    @Test(arguments: [0, 1, 33, 4_013])
    func storedColumnsAreTheFormattedValues(count: Int) throws {
        let ws = try TestWorkspace()
        let warehouse = try Warehouse(path: ws.workspace.warehouse)
        let rows = Self.rows(count: count)
        try warehouse.write("store") { db in
            try Warehouse.insertResults(db, ComputeResult(indicators: rows), config: Self.config)
        }
        let stored = try warehouse.read("read") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM out_indicators ORDER BY position")
        }
        #expect(stored.count == rows.count)
        var mismatches: [String] = []
        for (position, (row, storedRow)) in zip(rows, stored).enumerated() {
            let expected = Self.expected(row, position: position)
            let columns = Dictionary(storedRow.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
            #expect(Set(columns.keys) == Set(expected.keys))
            for (column, value) in expected where !Self.same(columns[column] ?? .null, value) {
                mismatches.append("row \(position) \(column): \(columns[column] ?? .null) ≠ \(value)")
            }
        }
        #expect(mismatches.prefix(10) == [])
    }

    /// The rounded percents, here with exact halves and 64-bit limits, as the long division.
    /// What is stored reads back exact (text up to a NUL, as GRDB reads text), by period and
    /// position, through the same column table that stored it.
    @Test func storedRowsReadBackExact() throws {
        let ws = try TestWorkspace()
        let warehouse = try Warehouse(path: ws.workspace.warehouse)
        let rows = Self.rows(count: 1_500)
        try warehouse.write("store") { db in
            try Warehouse.insertResults(db, ComputeResult(indicators: rows), config: Self.config)
        }
        let read = try warehouse.storedResult(config: Self.config).indicators
        let expected = rows.enumerated().sorted { ($0.element.period, $0.offset) < ($1.element.period, $1.offset) }.map { _, row in
            var row = row
            row.scopeName = String(row.scopeName.prefix { $0 != "\u{0}" })
            return row
        }
        #expect(read.count == expected.count)
        #expect(read == expected)
        let zone = try warehouse.storedZoneSeries(config: Self.config)
        #expect(zone == expected.filter { $0.scope == .zone })
    }

    /// The stored table leads with indicators.csv's columns, in its order, then the exact ratios
    /// and the position: one list of columns for tools, the load and the published file.
    @Test func storedColumnsLeadWithThePublishedOnes() throws {
        let names = IndicatorColumn.all.map(\.name)
        #expect(Array(names.prefix(IndicatorsTable.columns.count)) == IndicatorsTable.columns)
        #expect(Array(names.dropFirst(IndicatorsTable.columns.count)) == ["ytd_yoy_exact", "month_yoy_exact", "pull_exact", "share_exact", "position"])
        let ws = try TestWorkspace()
        let warehouse = try Warehouse(path: ws.workspace.warehouse)
        let schema = try warehouse.read("columns") { db in try db.columns(in: "out_indicators").map(\.name) }
        #expect(Set(schema) == Set(names))
    }

    @Test func roundedTenThousandthsAsRatioRounded() {
        var random = Random(state: 7)
        var ratios: [Ratio] = [
            Ratio(numerator: 1, denominator: 20_000), Ratio(numerator: -1, denominator: 20_000),
            Ratio(numerator: 3, denominator: 20_000), Ratio(numerator: -1, denominator: 30_000),
            Ratio(numerator: Int128(UInt64.max), denominator: 3), Ratio(numerator: Int128(Int64.max), denominator: 10_000),
            Ratio(numerator: Int128(Int64.max) / 10_000 + 1, denominator: 1),
            Ratio(numerator: -Int128(UInt64.max), denominator: Int128(UInt64.max) - 2),
        ].compactMap { $0 }
        ratios += (0..<20_000).compactMap { _ in random.ratio() }
        for ratio in ratios {
            let fixed = ratio.roundedByDigits(decimals: 4)
            if let fast = ratio.roundedIn64Bits(decimals: 4) {
                #expect(Int128(fast) == fixed.value, "\(ratio)")
            }
            #expect(ResultCodec.rounded(ratio)?.bitPattern == (Double(fixed.value) / Double(Int128(10_000))).bitPattern)
        }
    }
}
