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
        let rows = result.indicators.filter { $0.period == period && $0.scope == .unit }
        let zone = try #require(result.indicators.first { $0.period == period && $0.scope == .zone })
        #expect(rows.count == 4)
        var block = UnitResultBlock(
            period: period, indicator: "output", deflated: false, zoneYtd: zone.ytd.raw, zoneBase: zone.ytdBase.raw, zoneReal: 0)
        for row in rows {
            let unit = try #require(units.first { $0.code == row.scopeId })
            block.unitIds.append(unit.id)
            block.ytd.append(Int64(row.ytd.raw))
            block.base.append(Int64(row.ytdBase.raw))
            block.month.append(try #require(row.month).raw)
            block.monthBase.append(try #require(row.monthBase).raw)
        }
        let space = try TestWorkspace()
        let warehouse = try Warehouse(path: space.workspace.warehouse)
        try warehouse.write("store") { db in try Warehouse.storeUnitBlock(db, block) }
        let read = try #require(try warehouse.read("read") { db in try Warehouse.unitBlock(db, period: period, indicator: "output") })
        for (offset, row) in rows.enumerated() {
            #expect(read.row(at: offset, code: row.scopeId, name: row.scopeName) == row)
        }
    }
}
