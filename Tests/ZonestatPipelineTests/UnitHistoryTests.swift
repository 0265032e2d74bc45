import Foundation
import Testing
import ZonestatCore

@testable import ZonestatPipeline

@Suite("zonestat history: every vintage of a unit's values")
struct UnitHistoryTests {
    static let a = Codes.valid(71), b = Codes.valid(72)

    /// March reported, then corrected: 10 → 12.5 千元 this month and 30 → 32.5 year to date.
    static func revised() throws -> TestWorkspace {
        let ws = try TestWorkspace()
        try ws.drop("2023-03.csv", wideFile(period: "2023-03", rows: [(a, "甲公司", "10", "30"), (b, "乙公司", "1", "3")]))
        try ws.drop("2023-04.csv", wideFile(period: "2023-04", rows: [(a, "甲公司", "11", "41.5")]))
        try ws.drop("2023-03 更正.csv", wideFile(period: "2023-03", rows: [(a, "甲公司", "12.5", "32.5"), (b, "乙公司", "1", "3")]))
        _ = try ws.extract()
        return ws
    }

    @Test func listsEveryVintageAndWhichIsCurrent() throws {
        let ws = try Self.revised()
        let warehouse = try Warehouse(path: ws.workspace.warehouse)
        let history = try #require(try UnitHistory.read(warehouse, creditCode: Self.a))
        #expect(history.unit.name == "甲公司")
        let rows = history.vintages.map { "\($0.period) \($0.basis) \($0.amount.decimalString(in: .thousandYuan)) \($0.fileName):\($0.line) \($0.isCurrent)" }
        #expect(rows == [
            "2023-03 month 10 2023-03.csv:3 false", "2023-03 month 12.5 2023-03 更正.csv:3 true",
            "2023-03 ytd 30 2023-03.csv:3 false", "2023-03 ytd 32.5 2023-03 更正.csv:3 true",
            "2023-04 month 11 2023-04.csv:3 true", "2023-04 ytd 41.5 2023-04.csv:3 true",
        ])
        #expect(history.vintages[0].supersededBy == "2023-03 更正.csv")
        let runs = try ws.ledgerLog.lines()
        #expect(history.vintages[1].runId == runs[2].runId)
        #expect(history.vintages[1].recordedAt == runs[2].recordedAt)

        // Filters; an equal value in the correction is not a new vintage.
        let april = try warehouse.factHistory(creditCode: Self.a, period: Period(year: 2023, month: 4), indicator: "output_value")
        #expect(april.count == 2)
        #expect(try warehouse.factHistory(creditCode: Self.a, indicator: "tax").isEmpty)
        #expect(try warehouse.factHistory(creditCode: Self.b).count == 2)
        #expect(try UnitHistory.read(warehouse, creditCode: Codes.valid(79)) == nil)
    }

    @Test func csvForToolsTableForPeople() throws {
        let ws = try Self.revised()
        let warehouse = try Warehouse(path: ws.workspace.warehouse)
        let history = try #require(
            try UnitHistory.read(warehouse, creditCode: Self.a, period: Period(year: 2023, month: 3)))
        let csv = String(decoding: history.table(indicators: ws.config.indicators).csv(bom: false), as: UTF8.self)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == UnitHistory.columns.joined(separator: ","))
        // In the indicator's published unit (万元), written as indicators.csv writes amounts.
        #expect(lines[1].hasPrefix("\(Self.a),甲公司,2023-03,output_value,规上工业总产值,month,1,万元,2023-03.csv,3,"))
        #expect(lines[1].hasSuffix(",0,2023-03 更正.csv"))
        #expect(lines[2].hasPrefix("\(Self.a),甲公司,2023-03,output_value,规上工业总产值,month,1.25,万元,2023-03 更正.csv,3,"))
        #expect(lines[2].hasSuffix(",1,"))

        let text = history.text(indicators: ws.config.indicators)
        #expect(text.hasPrefix("甲公司（\(Self.a)）：4 个版本，其中现行 2 个\n"))
        #expect(text.contains("已被 2023-03 更正.csv 修订"))
        #expect(text.contains("现行"))
        // Aligned: every row's amount ends in the same terminal column.
        let rows = text.split(separator: "\n").dropFirst(2).map(String.init)
        let ends = rows.map { row in TextTable.width(String(row.prefix { $0 != "万" })) }
        #expect(Set(ends).count == 1, "\(text)")

        let none = try #require(try UnitHistory.read(warehouse, creditCode: Self.a, period: Period(year: 2022, month: 1)))
        #expect(none.text(indicators: ws.config.indicators).contains("没有符合条件的数据"))
    }
}
