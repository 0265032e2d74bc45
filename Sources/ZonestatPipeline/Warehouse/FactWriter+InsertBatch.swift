import GRDB

extension FactWriter {
    /// New facts gathered into multi-row INSERTs of ``rows`` rows; ``flush()`` writes the rest.
    struct InsertBatch {
        /// Rows per statement: 64 × 7 parameters stays far below SQLite's variable limit, and
        /// past a few dozen rows the per-statement cost no longer shows.
        static let rows = 64

        struct Row {
            var unit: Int64
            var period: Int64
            var indicator: Int64
            var basis: Int64
            var amount: Int64
            var line: Int64
        }

        private let db: Database
        private let fileId: Int64
        private let full: RawStatement
        private var pending: [Row] = []

        init(_ db: Database, fileId: Int64) throws {
            self.db = db
            self.fileId = fileId
            full = try RawStatement(db, InsertBatch.sql(rows: InsertBatch.rows))
            pending.reserveCapacity(InsertBatch.rows)
        }

        mutating func append(_ row: Row) throws {
            pending.append(row)
            if pending.count == InsertBatch.rows {
                try write(pending, with: full)
                pending.removeAll(keepingCapacity: true)
            }
        }

        /// Writes the rows still pending, with a statement made for their number.
        mutating func flush() throws {
            guard !pending.isEmpty else { return }
            try write(pending, with: RawStatement(db, InsertBatch.sql(rows: pending.count)))
            pending.removeAll(keepingCapacity: true)
        }

        private func write(_ rows: [Row], with statement: RawStatement) throws {
            var parameter: Int32 = 1
            for row in rows {
                statement.bind(row.unit, at: parameter)
                statement.bind(row.period, at: parameter + 1)
                statement.bind(row.indicator, at: parameter + 2)
                statement.bind(row.basis, at: parameter + 3)
                statement.bind(row.amount, at: parameter + 4)
                statement.bind(fileId, at: parameter + 5)
                statement.bind(row.line, at: parameter + 6)
                parameter += 7
            }
            try statement.run()
        }

        static func sql(rows: Int) -> String {
            "INSERT INTO facts(unit_id, period, indicator_id, basis, amount, file_id, line) VALUES "
                + repeatElement("(?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", ")
        }
    }
}
