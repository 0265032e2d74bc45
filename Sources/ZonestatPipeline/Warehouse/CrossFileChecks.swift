import GRDB
import ZonestatCore

/// Warnings that need the warehouse's earlier months: a reported month that differs from
/// ytd(N) − ytd(N−1), and a month-over-month jump beyond the configured factor.
///
/// Run inside the ingest transaction, after the file's facts are stored, on the keys it touched.
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

    func run(_ db: Database, indicatorIds: [Int64], units: [ExtractedUnit]) throws -> [Problem] {
        let specById = Dictionary(uniqueKeysWithValues: zip(indicatorIds, config.indicators))
        let rows = try Row.fetchCursor(
            db,
            sql: """
                WITH keys AS (
                    SELECT unit_id, period, indicator_id, MIN(line) AS line FROM staging
                    WHERE basis IN (0, 1) GROUP BY unit_id, period, indicator_id)
                SELECT k.period, k.indicator_id, k.line, u.credit_code,
                       m.amount AS month, y0.amount AS ytd, y1.amount AS ytd1, y2.amount AS ytd2,
                       EXISTS (SELECT 1 FROM facts e WHERE e.unit_id = k.unit_id AND e.indicator_id = k.indicator_id
                               AND e.basis = 1 AND e.period > k.period / 100 * 100 AND e.period < k.period
                               AND e.superseded_by IS NULL) AS reported_before,
                       EXISTS (SELECT 1 FROM facts z WHERE z.period = k.period - 1 AND z.indicator_id = k.indicator_id
                               AND z.basis = 1 AND z.superseded_by IS NULL) AS zone_reported_before
                FROM keys k
                JOIN units u ON u.id = k.unit_id
                LEFT JOIN facts m ON m.unit_id = k.unit_id AND m.period = k.period
                    AND m.indicator_id = k.indicator_id AND m.basis = 0 AND m.superseded_by IS NULL
                LEFT JOIN facts y0 ON y0.unit_id = k.unit_id AND y0.period = k.period
                    AND y0.indicator_id = k.indicator_id AND y0.basis = 1 AND y0.superseded_by IS NULL
                LEFT JOIN facts y1 ON y1.unit_id = k.unit_id AND y1.period = k.period - 1
                    AND y1.indicator_id = k.indicator_id AND y1.basis = 1 AND y1.superseded_by IS NULL
                LEFT JOIN facts y2 ON y2.unit_id = k.unit_id AND y2.period = k.period - 2
                    AND y2.indicator_id = k.indicator_id AND y2.basis = 1 AND y2.superseded_by IS NULL
                ORDER BY k.line, k.indicator_id
                """)
        var problems: [Problem] = []
        while let row = try rows.next() {
            let period: Int = row["period"]
            guard let spec = specById[row["indicator_id"]], let ytd: Int64 = row["ytd"] else { continue }
            let month = period % 100
            let line: Int = row["line"]
            let code: String = row["credit_code"]
            // ytd of the month before; 0 at the start of the year (and before 1-2月 when merged).
            let startsYear = month == 1 || (spec.mergeJanFeb && month == 2)
            // A unit with nothing earlier this year, in a month others reported, started this year.
            let startedThisYear = !(row["reported_before"] as Bool) && (row["zone_reported_before"] as Bool)
            let previous: Int64? = startsYear || startedThisYear ? 0 : row["ytd1"]
            if let reported: Int64 = row["month"], let previous {
                let derived = ytd - previous
                if abs(reported - derived) > config.ytdTolerance.raw {
                    problems.append(Problem(
                        file: file, line: line, column: headers["\(spec.id)|month"] ?? "\(spec.id) month",
                        value: Amount(raw: reported).decimalString(in: spec.unit), code: .ytdMismatch,
                        message: "\(code) \(Period(key: period).map(String.init(describing:)) ?? String(period)): "
                            + "the month's \(spec.id) differs from ytd − last month's ytd = "
                            + "\(Amount(raw: derived).decimalString(in: spec.unit)) \(spec.unit.label) — check both figures",
                        period: period))
                }
            }
            // Month-over-month jump, on months derived from ytd (skip where a month spans 1-2月).
            let minimumMonth = spec.mergeJanFeb ? 4 : 2
            guard month >= minimumMonth, let ytd1: Int64 = row["ytd1"] else { continue }
            let ytd2: Int64? = month == 2 ? 0 : row["ytd2"]
            guard let ytd2 else { continue }
            let current = ytd - ytd1, before = ytd1 - ytd2
            let factor = Int64(config.jumpFactor)
            guard current > 0, before > 0, current > before * factor || current * factor < before else { continue }
            problems.append(Problem(
                file: file, line: line, column: headers["\(spec.id)|ytd"] ?? "\(spec.id) ytd",
                value: Amount(raw: ytd).decimalString(in: spec.unit), code: .monthJump,
                message: "\(code): this month's \(spec.id) (\(Amount(raw: current).decimalString(in: spec.unit)) "
                    + "\(spec.unit.label)) is more than \(factor) times \(current > before ? "above" : "below") last month's "
                    + "(\(Amount(raw: before).decimalString(in: spec.unit))) — check the figure and its unit",
                period: period))
        }
        return problems
    }
}
