import Foundation
import GRDB
import Testing
import ZonestatCore

@testable import ZonestatPipeline

/// A monthly wide file in 千元: each unit's industry, month and ytd figures of output value.
private func monthFile(_ period: Period, _ rows: [(code: String, name: String, industry: String, month: Int, ytd: Int)]) -> String {
    var text = "单位:千元,,,,,\n统一社会信用代码,企业名称,行业代码,报告期,工业总产值本月,工业总产值1-本月\n"
    for row in rows { text += "\(row.code),\(row.name),\(row.industry),\(period),\(row.month),\(row.ytd)\n" }
    return text
}

/// Four years of monthly files (2020-01 … `last`) for five units, one entering in 2021 and one
/// leaving after 2022; targets for 2023, and two disagreeing ones for 2021 (a conflict of a
/// year an incremental run of 2023 computes nothing of).
private func historyWorkspace(through last: Period) throws -> TestWorkspace {
    let ws = try TestWorkspace()
    try ws.drop(
        "目标.csv",
        "年度,指标,目标值,单位,目标增速,依据\n2023,工业总产值,1,亿元,10,甲\n2021,工业总产值,1,亿元,,甲\n2021,工业总产值,2,亿元,,乙\n")
    try dropMonths(into: ws, from: Period(year: 2020, month: 1)!, through: last)
    return ws
}

/// The month files from `first` through `last`.
private func dropMonths(into ws: TestWorkspace, from first: Period, through last: Period) throws {
    var period = first
    while period <= last {
        var rows: [(code: String, name: String, industry: String, month: Int, ytd: Int)] = []
        for unit in 1...5 {
            if unit == 4, period.year < 2021 { continue }
            if unit == 5, period.year > 2022 { continue }
            let month = 100 * unit + 7 * period.month + 13 * (period.year - 2020) + (unit * period.month) % 5
            let ytd = (1...period.month).reduce(0) { sum, m in sum + 100 * unit + 7 * m + 13 * (period.year - 2020) + (unit * m) % 5 }
            rows.append((Codes.valid(unit), "企业\(unit)", unit % 2 == 0 ? "C3670" : "C1310", month, ytd))
        }
        try ws.drop("\(period) 月报.csv", monthFile(period, rows))
        guard let next = Period(year: period.month == 12 ? period.year + 1 : period.year, month: period.month % 12 + 1) else { break }
        period = next
    }
}

@Suite("The night's read: only the blocks the changed periods need", .serialized)
struct NightlyReadTests {
    @Test func oneNewMonthReadsTwoYearsAndEqualsAFullTransform() throws {
        let ws = try historyWorkspace(through: Period(year: 2023, month: 5)!)
        _ = try ws.extract()
        #expect(try ws.transform().full)
        try dropMonths(into: ws, from: Period(year: 2023, month: 6)!, through: Period(year: 2023, month: 6)!)
        _ = try ws.extract()
        let nightly = try ws.transform()
        let dirty = try #require(nightly.recomputed)
        #expect(dirty.contains(Period(year: 2023, month: 6)!))
        #expect(!dirty.contains { $0.year < 2023 })
        // The operator's line names the new month alone: the later months have no data yet.
        #expect(nightly.computed == [Period(year: 2023, month: 6)!])
        let incremental = try ws.results()
        #expect(incremental.contains { $0.hasPrefix("out_indicators:2023-06|") })
        _ = try ws.transform(full: true)
        #expect(try ws.results() == incremental)

        // What the nightly run read: this year's and last year's values, and the conflicting
        // targets' year (2021); none of 2020.
        let warehouse = try Warehouse(path: ws.workspace.warehouse)
        let input = try warehouse.computeInput(config: ws.config, periods: dirty)
        #expect(Set(input.facts.map(\.period.year)) == [2021, 2022, 2023])
        let everything = try warehouse.computeInput(config: ws.config)
        #expect(Set(everything.facts.map(\.period.year)) == [2020, 2021, 2022, 2023])
        #expect(input.units == everything.units)
    }

    @Test func aCorrectionOfAnOldMonthRecomputesLaterPeriodsAsAFullRunDoes() throws {
        let ws = try historyWorkspace(through: Period(year: 2023, month: 6)!)
        _ = try ws.extract()
        _ = try ws.transform()
        let before = try ws.results()
        let fix = "统一社会信用代码,企业名称,报告期,工业总产值1-本月(万元)\n\(Codes.valid(2)),企业2,2021-03,999\n"
        try ws.drop("2021-03 更正.csv", fix)
        _ = try ws.extract()
        let dirty = try #require(try ws.transform().recomputed)
        #expect(dirty.contains(Period(year: 2021, month: 3)!))
        #expect(dirty.contains(Period(year: 2022, month: 3)!))
        #expect(!dirty.contains(Period(year: 2021, month: 2)!))
        #expect(!dirty.contains { $0.year == 2023 || $0.year == 2020 })
        let incremental = try ws.results()
        #expect(incremental != before)
        _ = try ws.transform(full: true)
        #expect(try ws.results() == incremental)
    }

    @Test func aUnitsNewIndustryRecomputesItsYearsAndIsRecordedOnce() throws {
        let ws = try historyWorkspace(through: Period(year: 2023, month: 6)!)
        _ = try ws.extract()
        _ = try ws.transform()
        // Unit 1 moves from C1310 to C3670 in a file of 2023-07.
        var rows: [(code: String, name: String, industry: String, month: Int, ytd: Int)] = []
        for unit in 1...4 { rows.append((Codes.valid(unit), "企业\(unit)", unit == 1 || unit % 2 == 0 ? "C3670" : "C1310", 10, 1000)) }
        try ws.drop("2023-07 月报.csv", monthFile(Period(year: 2023, month: 7)!, rows))
        _ = try ws.extract()
        let dirty = try #require(try ws.transform().recomputed)
        // Unit 1 reports in every year: every period of 2020…2024 is recomputed.
        #expect(dirty.contains(Period(year: 2020, month: 1)!))
        #expect(dirty.contains(Period(year: 2023, month: 7)!))
        let recorded: [String] = try ws.query("SELECT details FROM transform_units WHERE credit_code = '\(Codes.valid(1))'")
        #expect(recorded == ["企业1|3670|"])
        let incremental = try ws.results()
        #expect(try ws.transform().recomputed == [])
        _ = try ws.transform(full: true)
        #expect(try ws.results() == incremental)
        #expect(try ws.count("SELECT COUNT(*) FROM transform_units") == 5)
    }
}
