import Foundation
import GRDB
import Testing
import ZonestatCore
import ZonestatPublish

@testable import ZonestatPipeline

@Suite("Facts as packed blocks")
struct FactBlockTests {
    let place = BrokenBlock(table: "fact_blocks", period: 202_303, indicatorId: 2, basis: 1, fileId: 7, problem: "")

    @Test("a file block and a current block read back exactly as written, extremes included")
    func roundTrip() throws {
        let block = FactBlock(units: [1, 70_000, UInt32.max], amounts: [Int64.min, 0, Int64.max], lines: [2, 3, UInt32.max])
        let encoded = try block.encoded(place)
        #expect(encoded.units.count == 12 && encoded.amounts.count == 24 && encoded.lines.count == 12)
        #expect(try FactBlock.decode(count: 3, units: encoded.units, amounts: encoded.amounts, lines: encoded.lines, place) == block)
        let current = CurrentBlock(units: [3, 4, 9, 12], amounts: [5, -5, 7, 1], files: [1, 1, 4, 1])
        let stored = try current.encoded(place)
        // Three runs of (file, length): 1×2, 4×1, 1×1.
        #expect(PackedColumn.uint32s(stored.sources, count: 6) == [1, 2, 4, 1, 1, 1])
        #expect(try CurrentBlock.decode(count: 4, units: stored.units, amounts: stored.amounts, sources: stored.sources, place) == current)
    }

    @Test("unit results' sums take 4 or 8 bytes when they fit 64 bits, 16 otherwise; the 16-byte rows stored before still read")
    func narrowedSums() throws {
        let months: [Int128] = [400_000_000, -1_230_000_000, 0]
        #expect(PackedColumn.encodeSums(months).count == 3 * 4 + 1)
        #expect(PackedColumn.sums(PackedColumn.encodeSums(months), count: 3) == months)
        let odd: [Int128] = [12_345_678_901, -7]
        #expect(PackedColumn.encodeSums(odd).count == 16)
        #expect(PackedColumn.sums(PackedColumn.encodeSums(odd), count: 2) == odd)
        let huge: [Int128] = [Int128(Int64.max) * 3, -1]
        #expect(PackedColumn.encodeSums(huge).count == 32)
        #expect(PackedColumn.sums(PackedColumn.encodeSums(huge), count: 2) == huge)
        #expect(PackedColumn.sums(PackedColumn.encode(months), count: 3) == months)
        #expect(PackedColumn.sums(PackedColumn.encode(months), count: 2) == nil)
        #expect(PackedColumn.sums(Data(), count: 0) == [])
    }

    @Test("amounts that are 32-bit steps of one power of ten take 4 bytes each; others 8; both exact")
    func narrowedAmounts() throws {
        let thousands: [Int64] = [400_000_000, -1_230_000_000, 0, 20_000_000_000_000]  // 40 千元, −123 千元, 0, 20 亿元
        let narrow = PackedColumn.encodeAmounts(thousands)
        #expect(narrow.count == 4 * 4 + 1 && narrow.last == 7)
        #expect(PackedColumn.amounts(narrow, count: 4) == thousands)
        #expect((0..<4).map { PackedColumn.amount(at: $0, in: narrow, count: 4) } == thousands)
        let wide: [Int64] = [30_000_000_000 * 10_000_000, 1, Int64.min]
        #expect(PackedColumn.encodeAmounts(wide).count == 24 && PackedColumn.amounts(PackedColumn.encodeAmounts(wide), count: 3) == wide)
        #expect(PackedColumn.encodeAmounts([12_345]).count == 5 && PackedColumn.amounts(PackedColumn.encodeAmounts([12_345]), count: 1) == [12_345])
        // An exponent whose product leaves 64 bits, or one past 10¹⁸, is refused, not wrapped.
        var damaged = PackedColumn.encode([UInt32(Int32.max)])
        damaged.append(18)
        #expect(PackedColumn.amounts(damaged, count: 1) == nil)
        damaged[damaged.count - 1] = 19
        #expect(PackedColumn.amounts(damaged, count: 1) == nil)
        #expect(PackedColumn.amounts(narrow, count: 3) == nil)
    }

    @Test("a broken block is refused, naming its period, indicator, basis and file")
    func brokenBlocks() throws {
        let unordered = FactBlock(units: [5, 5], amounts: [1, 2], lines: [1, 2])
        #expect(throws: BrokenBlock.self) { try unordered.encoded(place) }
        let encoded = try FactBlock(units: [1, 2], amounts: [1, 2], lines: [1, 2]).encoded(place)
        do {
            _ = try FactBlock.decode(count: 3, units: encoded.units, amounts: encoded.amounts, lines: encoded.lines, place)
            Issue.record("a short column was read")
        } catch {
            #expect(error.period == 202_303 && error.indicatorId == 2 && error.basis == 1 && error.fileId == 7)
            #expect(error.description.contains("period 202303") && error.description.contains("file #7"))
        }
        let descending = PackedColumn.encode([UInt32(9), 3])
        #expect(throws: BrokenBlock.self) {
            try FactBlock.decode(count: 2, units: descending, amounts: encoded.amounts, lines: encoded.lines, place)
        }
        let current = try CurrentBlock(units: [1, 2], amounts: [1, 2], files: [3, 3]).encoded(place)
        #expect(throws: BrokenBlock.self) {
            try CurrentBlock.decode(
                count: 2, units: current.units, amounts: current.amounts, sources: PackedColumn.encode([UInt32(3), 3]), place)
        }
    }

    @Test("a damaged current block in the warehouse is a typed error, not a short read")
    func damagedWarehouseBlock() throws {
        let space = try TestWorkspace()
        try space.drop("2023-03.csv", wideFile(period: "2023-03", rows: [(Codes.valid(1), "甲", "10", "40")]))
        _ = try space.extract()
        let warehouse = try Warehouse(path: space.workspace.warehouse)
        try warehouse.write("damage") { db in try db.execute(sql: "UPDATE current_blocks SET count = count + 1") }
        #expect(throws: WarehouseError.self) { try warehouse.computeInput(config: space.config) }
    }

    @Test("a new month's current blocks name the file's blocks; a correction stores the merged block")
    func currentBlocksNameTheMonthsFile() throws {
        let space = try TestWorkspace()
        let a = Codes.valid(1), b = Codes.valid(2)
        try space.drop("2023-03.csv", wideFile(period: "2023-03", rows: [(a, "甲", "10", "40"), (b, "乙", "5", "20")]))
        _ = try space.extract()
        #expect(try space.count("SELECT COUNT(*) FROM current_blocks WHERE file_id IS NULL OR length(units) > 0") == 0)
        try space.drop("2023-03 更正.csv", wideFile(period: "2023-03", rows: [(a, "甲", "10", "41")]))
        _ = try space.extract()
        #expect(try space.count("SELECT COUNT(*) FROM current_blocks WHERE file_id IS NULL") == 1)
        let ytd: [Int64] = try space.query("SELECT amount FROM facts WHERE superseded_by IS NULL AND basis = 1 ORDER BY unit_id")
        #expect(ytd == [410_000_000, 200_000_000])
        #expect(try space.count("SELECT COUNT(*) FROM facts WHERE superseded_by IS NOT NULL") == 1)
    }

    @Test("a v11 warehouse's facts move into blocks: current values, revisions, revising files and history unchanged")
    func migrationFromFacts() throws {
        let space = try TestWorkspace()
        let path = space.workspace.warehouse
        let a = Codes.valid(1), b = Codes.valid(2)
        do {
            let queue = try DatabaseQueue(path: path)
            try Warehouse.migrator.migrate(queue, upTo: "v11-out-unit-blocks")
            try queue.write { db in
                for (id, name) in [(1, "2023-01.csv"), (2, "2023-02.csv"), (3, "2023-01 更正.csv"), (4, "2023-01 再更正.csv")] {
                    try db.execute(
                        sql: """
                            INSERT INTO ledger(id, sha256, file_name, size, status, stored_as, run_id, recorded_at)
                            VALUES (?, ?, ?, 10, 'ingested', 'archive', ?, ?)
                            """, arguments: [id, String(repeating: "\(id)", count: 64), name, "run-\(id)", "2023-0\(id)-01T00:00:00Z"])
                }
                try db.execute(sql: "INSERT INTO indicators(id, code, name) VALUES (1, 'output', '工业总产值'), (2, 'revenue', '营业收入')")
                try db.execute(
                    sql: "INSERT INTO units(id, credit_code, name, last_period, last_file_id) VALUES (1, ?, '甲', 202302, 2), (2, ?, '乙', 202302, 2)",
                    arguments: [a, b])
                // (unit, period, indicator, basis, amount, file, line, superseded_by)
                let rows: [[DatabaseValueConvertible?]] = [
                    [1, 202_301, 1, 1, 1_000_000, 1, 2, 3], [2, 202_301, 1, 1, 2_000_000, 1, 3, nil],
                    [1, 202_301, 1, 0, 1_000_000, 1, 2, nil], [2, 202_301, 2, 1, 500_000, 1, 3, nil],
                    [1, 202_302, 1, 1, 2_500_000, 2, 2, nil], [2, 202_302, 1, 1, 3_000_000, 2, 3, nil],
                    [1, 202_301, 1, 1, 1_100_000, 3, 5, 4], [1, 202_301, 1, 1, 1_200_000, 4, 7, nil],
                ]
                for row in rows {
                    try db.execute(
                        sql: """
                            INSERT INTO facts(unit_id, period, indicator_id, basis, amount, file_id, line, superseded_by)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                            """, arguments: StatementArguments(row))
                }
            }
        }
        let warehouse = try Warehouse(path: path)
        let january = try #require(Period(key: 202_301)), february = try #require(Period(key: 202_302))
        try warehouse.read("check") { db in
            #expect(try !db.tableExists("facts"))
            let ytd = try Warehouse.currentValues(db, period: january, indicatorId: 1, basis: .ytd)
            #expect(ytd.unitIds == [1, 2] && ytd.amounts == [1_200_000, 2_000_000])
            #expect(try Warehouse.currentValues(db, period: february, indicatorId: 1, basis: .ytd).amounts == [2_500_000, 3_000_000])
            #expect(try Warehouse.currentKeys(db).map(\.count) == [1, 2, 1, 2])
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM fact_blocks WHERE complete = 0") == 6)
            // Keys one file gave whole name its block; 2023-01's output ytd, from two files, is stored.
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM current_blocks WHERE file_id IS NOT NULL") == 3)
            #expect(try Int.fetchOne(db, sql: "SELECT file_id IS NULL FROM current_blocks WHERE period = 202301 AND indicator_id = 1 AND basis = 1") == 1)
        }
        let revisions = try warehouse.revisions(config: space.config)
        #expect(revisions.map { "\($0.oldFile):\($0.oldLine):\($0.old.raw)→\($0.newFile):\($0.newLine):\($0.new.raw)" } == [
            "2023-01.csv:2:1000000→2023-01 更正.csv:5:1100000", "2023-01 更正.csv:5:1100000→2023-01 再更正.csv:7:1200000",
        ])
        #expect(try warehouse.revisingFiles(for: january) == [
            RevisingFile(name: "2023-01 更正.csv", values: 1), RevisingFile(name: "2023-01 再更正.csv", values: 1),
        ])
        let history = try warehouse.factHistory(creditCode: a, indicator: "output")
        #expect(history.map { "\($0.period) \($0.basis) \($0.amount.raw) \($0.fileName):\($0.line) \($0.supersededBy ?? "-")" } == [
            "2023-01 month 1000000 2023-01.csv:2 -",
            "2023-01 ytd 1000000 2023-01.csv:2 2023-01 更正.csv",
            "2023-01 ytd 1100000 2023-01 更正.csv:5 2023-01 再更正.csv",
            "2023-01 ytd 1200000 2023-01 再更正.csv:7 -",
            "2023-02 ytd 2500000 2023-02.csv:2 -",
        ])
        #expect(try warehouse.factHistory(creditCode: b).count == 3)
    }
}
