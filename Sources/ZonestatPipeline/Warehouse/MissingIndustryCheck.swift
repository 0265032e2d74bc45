import GRDB
import ZonestatCore

/// `missing_industry`: a unit of the file that no file so far — this one included — gave an
/// industry code; its figures count in 未分类 until one does. Run in the ingest transaction,
/// after the units are stored. When a file gives a unit its code, the unit's earlier
/// `missing_industry` warnings are removed: they no longer hold.
enum MissingIndustryCheck {
    /// Stores the file's warnings and removes those a unit no longer deserves; returns the file's.
    static func run(_ db: Database, parsed: ParsedFile, unitIds: [Int64], fileId: Int64) throws -> [Problem] {
        guard !parsed.units.isEmpty else { return [] }
        let withoutIndustry = Set(try Int64.fetchAll(db, sql: "SELECT id FROM units WHERE industry IS NULL"))
        var firstLine: [Int32: Int32] = [:]
        for fact in parsed.facts where firstLine[fact.unit].map({ fact.line < $0 }) ?? true {
            firstLine[fact.unit] = fact.line
        }
        // Earlier warnings of the units that have a code now.
        let settled = unitIds.filter { !withoutIndustry.contains($0) }
        var touched = Set<Int64>()
        for chunk in stride(from: 0, to: settled.count, by: 500) {
            let ids = settled[chunk..<min(chunk + 500, settled.count)].map(String.init).joined(separator: ",")
            touched.formUnion(try Int64.fetchAll(
                db, sql: "SELECT DISTINCT file_id FROM problems WHERE code = 'missing_industry' AND unit_id IN (\(ids))"))
            try db.execute(sql: "DELETE FROM problems WHERE code = 'missing_industry' AND unit_id IN (\(ids))")
        }
        for file in touched.sorted() {
            try db.execute(
                sql: "UPDATE ledger SET warnings = (SELECT COUNT(*) FROM problems WHERE file_id = ? AND severity = 'warning') WHERE id = ?",
                arguments: [file, file])
        }
        var problems: [(unitId: Int64, problem: Problem)] = []
        for (index, unit) in parsed.units.enumerated() where withoutIndustry.contains(unitIds[index]) {
            problems.append((unitIds[index], Problem(
                file: parsed.name, line: firstLine[Int32(index)].map(Int.init), value: "", code: .missingIndustry,
                message: "该单位至今没有任何文件给出行业代码，其数据暂计入“未分类”：请在报表的“行业代码”列填写"
                    + "国民经济行业分类代码（GB/T 4754-2017，如C3670），下次报送即可归类 / no file so far gives this unit "
                    + "an industry code: its figures count in 未分类 until one does — fill in its 行业代码 (e.g. C3670)",
                period: unit.period, creditCode: unit.creditCode, unitName: unit.name)))
        }
        problems.sort { ($0.problem.line ?? 0) < ($1.problem.line ?? 0) }
        let statement = try db.makeStatement(
            sql: """
                INSERT INTO problems(file_id, severity, code, line, column_name, value, period, message, unit_id,
                                     credit_code, unit_name)
                VALUES (?, 'warning', 'missing_industry', ?, NULL, ?, ?, ?, ?, ?, ?)
                """)
        for (unitId, problem) in problems {
            try statement.execute(arguments: [
                fileId, problem.line, problem.value, problem.period, problem.message, unitId, problem.creditCode,
                problem.unitName,
            ])
        }
        return problems.map(\.problem)
    }
}
