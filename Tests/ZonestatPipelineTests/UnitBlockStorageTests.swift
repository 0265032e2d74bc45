import Foundation
import GRDB
import Testing
import ZonestatCore

@testable import ZonestatPipeline

@Suite("Packed warehouse columns")
struct UnitBlockStorageTests {
    @Test("a unit block reads back exactly as stored, extremes of every column included")
    func unitBlockRoundTrip() throws {
        let space = try TestWorkspace()
        let warehouse = try Warehouse(path: space.workspace.warehouse)
        let period = try #require(Period(key: 202_304))
        let block = UnitResultBlock(
            period: period, indicator: "value_added", deflated: true, zoneYtd: Int128(Int64.max) * 3, zoneBase: -7,
            zoneReal: Int128.min + 1, unitIds: [1, 70_000, Int64(UInt32.max)], ytd: [Int64.min, 0, Int64.max],
            base: [5, -5, 12_345_678_901], month: [Int128.max, -1, 0], monthBase: [0, Int128(Int64.min) - 1, 9],
            real: [1, 2, -3])
        try warehouse.write("store") { db in try Warehouse.storeUnitBlock(db, block) }
        let read = try warehouse.read("read") { db in try Warehouse.unitBlock(db, period: period, indicator: "value_added") }
        #expect(read == block)
        let missing = try warehouse.read("read") { db in try Warehouse.unitBlock(db, period: period, indicator: "output") }
        #expect(missing == nil)
    }

    @Test("a block whose columns disagree with its count is refused on the way in and on the way out")
    func malformedBlocks() throws {
        let space = try TestWorkspace()
        let warehouse = try Warehouse(path: space.workspace.warehouse)
        let period = try #require(Period(key: 202_304))
        var block = UnitResultBlock(
            period: period, indicator: "output", deflated: false, zoneYtd: 1, zoneBase: 1, zoneReal: 0, unitIds: [1, 2],
            ytd: [1, 2], base: [1, 2], month: [1, 2], monthBase: [1])
        #expect(throws: WarehouseError.self) { try warehouse.write("store") { db in try Warehouse.storeUnitBlock(db, block) } }
        block.monthBase = [1, 2]
        try warehouse.write("store") { db in try Warehouse.storeUnitBlock(db, block) }
        try warehouse.write("damage") { db in try db.execute(sql: "UPDATE out_unit_blocks SET count = 3") }
        #expect(throws: WarehouseError.self) {
            try warehouse.read("read") { db in try Warehouse.unitBlock(db, period: period, indicator: "output") }
        }
    }

    @Test("a stored unit's row equals the row the kernel computed for it")
    func unitRowsMatchTheKernel() throws {
        let units = (0..<4).map { UnitInfo(code: "U\($0)", name: "企业\($0)", industry: "3670", area: nil, id: Int64(10 + $0)) }
        let period = try #require(Period(key: 202_303))
        var facts: [Fact] = []
        for (offset, amount) in [1_000, 2_500, 700, 4_200].enumerated() {
            for month in 1...3 {
                facts.append(Fact(unit: Int32(offset), period: try #require(Period(key: 202_300 + month)), indicator: 0, basis: .ytd, amount: Amount(raw: Int64(amount * month * 10_000))))
                facts.append(Fact(unit: Int32(offset), period: try #require(Period(key: 202_200 + month)), indicator: 0, basis: .ytd, amount: Amount(raw: Int64((amount - 300 * offset) * month * 10_000))))
            }
        }
        let input = ComputeInput(
            zoneName: "z", indicators: [IndicatorDefinition(id: "output", name: "工业总产值", mergeJanFeb: false)], units: units,
            facts: facts)
        let result = ComputeCore.compute(input, options: ComputeOptions(threads: 1))
        let block = try #require(result.unitBlocks.first { $0.period == period && $0.indicator == "output" })
        #expect(block.count == 4 && block.isWellFormed)
        let space = try TestWorkspace()
        let warehouse = try Warehouse(path: space.workspace.warehouse)
        try warehouse.write("store") { db in try Warehouse.storeUnitBlock(db, block) }
        let read = try #require(try warehouse.read("read") { db in try Warehouse.unitBlock(db, period: period, indicator: "output") })
        #expect(read == block)
        // Worked by hand: 1-3月 ytd 3 × amount, base 3 × (amount − 300 × offset), March alone
        // one month of each; pull on the zone's base Σ base = 3 × (8,400 − 1,800) 元 × 10,000.
        let byId = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0) })
        let rows = read.rows(byId)
        for (offset, amount) in [1_000, 2_500, 700, 4_200].enumerated() {
            let row = try #require(rows.first { $0.scopeId == "U\(offset)" })
            let base = amount - 300 * offset
            #expect(row.scopeName == "企业\(offset)" && row.scope == .unit && row.units == 1)
            #expect(row.ytd.raw == Int128(3 * amount * 10_000) && row.ytdBase.raw == Int128(3 * base * 10_000))
            #expect(row.month?.raw == Int128(amount * 10_000) && row.monthBase?.raw == Int128(base * 10_000))
            let pull = try #require(Ratio(numerator: Int128(100 * 3 * (amount - base)), denominator: Int128(3 * (8_400 - 1_800))))
            #expect(row.pullPoints?.rounded(decimals: 8) == pull.rounded(decimals: 8))
        }
    }
}

/// A workspace published before unit results were blocks: its unit rows leave out_indicators and
/// the next transform recomputes every period.
@Suite("Upgrading to unit result blocks")
struct UnitBlockUpgradeTests {
    @Test func aWarehouseWithUnitRowsRecomputesEveryPeriod() throws {
        let space = try TestWorkspace()
        do {
            let queue = try DatabaseQueue(path: space.workspace.warehouse)
            try Warehouse.migrator.migrate(queue, upTo: "v12-fact-blocks")
            try queue.write { db in
                for (scope, position) in [("zone", 0), ("unit", 1), ("industry", 2), ("unit", 3)] {
                    try db.execute(
                        sql: """
                            INSERT INTO out_indicators(period, indicator, indicator_name, unit, scope, scope_id, scope_name,
                                units, ytd, ytd_base, ytd_increment, estimate, position)
                            VALUES ('2023-04', 'output_value', '规上工业总产值', '万元', ?, '', '', 1, '1', '1', '0', 0, ?)
                            """, arguments: [scope, position])
                }
                try db.execute(
                    sql: "INSERT INTO transform_state(id, last_file_id, units_fingerprint, config_fingerprint, finished_at) VALUES (1, 7, '', 'x', 't')")
            }
        }
        let warehouse = try Warehouse(path: space.workspace.warehouse)
        #expect(try space.count("SELECT COUNT(*) FROM out_indicators WHERE scope = 'unit'") == 0)
        #expect(try space.count("SELECT COUNT(*) FROM out_indicators") == 2)
        #expect(try warehouse.transformState() == nil)
    }
}
