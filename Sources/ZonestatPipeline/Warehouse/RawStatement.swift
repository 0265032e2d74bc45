import GRDB
import GRDBSQLite

/// A prepared statement driven through SQLite's C API for the hot insert paths, where GRDB's
/// boxed `StatementArguments` cost more than the insert itself. The one place that binds raw.
struct RawStatement {
    private let statement: Statement
    private var handle: OpaquePointer { statement.sqliteStatement }

    init(_ db: Database, _ sql: String) throws {
        statement = try db.makeStatement(sql: sql)
    }

    /// Binds 64-bit integers (nil as NULL) from parameter `first` on.
    func bind(_ values: [Int64?], from first: Int32 = 1) {
        for (offset, value) in values.enumerated() {
            if let value {
                sqlite3_bind_int64(handle, first + Int32(offset), value)
            } else {
                sqlite3_bind_null(handle, first + Int32(offset))
            }
        }
    }

    /// Binds one 64-bit integer. The per-row paths bind this way: an array literal per call
    /// allocated more than SQLite spent on the bind.
    @inline(__always)
    func bind(_ value: Int64, at index: Int32) { sqlite3_bind_int64(handle, index, value) }

    /// Binds a text parameter (nil as NULL), up to its first NUL as a C string would be.
    func bind(text: String?, at index: Int32) {
        guard var text else {
            sqlite3_bind_null(handle, index)
            return
        }
        // The string's own UTF-8 with its length: no C string is made, no strlen run.
        text.withUTF8 { bytes in
            bind(utf8: UnsafeBufferPointer(rebasing: bytes[..<(bytes.firstIndex(of: 0) ?? bytes.endIndex)]), at: index)
        }
    }

    /// Binds UTF-8 bytes as text (nil as NULL). SQLite copies them, so the bytes may be
    /// overwritten as soon as this returns.
    func bind(utf8 text: UnsafeBufferPointer<UInt8>?, at index: Int32) {
        guard let text else {
            sqlite3_bind_null(handle, index)
            return
        }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        guard let start = text.baseAddress, text.count > 0 else {
            // A nil pointer would bind NULL: the empty text is bound from a literal.
            sqlite3_bind_text(handle, index, "", 0, transient)
            return
        }
        start.withMemoryRebound(to: CChar.self, capacity: text.count) { characters in
            _ = sqlite3_bind_text(handle, index, characters, Int32(text.count), transient)
        }
    }

    /// Binds a double (nil as NULL).
    func bind(double value: Double?, at index: Int32) {
        guard let value else {
            sqlite3_bind_null(handle, index)
            return
        }
        sqlite3_bind_double(handle, index, value)
    }

    /// Binds an optional integer.
    func bind(int value: Int?, at index: Int32) {
        guard let value else {
            sqlite3_bind_null(handle, index)
            return
        }
        sqlite3_bind_int64(handle, index, Int64(value))
    }

    /// Runs a statement that returns no row.
    func run() throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else { throw failure(code) }
    }

    /// Runs a query and returns the first row's first two integer columns, or nil when there
    /// is no row.
    func firstPair() throws -> (Int64, Int64)? {
        let code = sqlite3_step(handle)
        defer { sqlite3_reset(handle) }
        if code == SQLITE_DONE { return nil }
        guard code == SQLITE_ROW else { throw failure(code) }
        return (sqlite3_column_int64(handle, 0), sqlite3_column_int64(handle, 1))
    }

    /// Steps a query: true with a row to read, false when done (the statement is then reset).
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else { throw failure(code) }
        return false
    }

    /// The current row's integer column.
    func integer(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    /// The current row's text column as UTF-8 bytes, valid until the next step; nil for NULL.
    func text(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column)))
    }

    private func failure(_ code: Int32) -> WarehouseError {
        let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(handle)))
        return .sqlite(path: "", operation: "step", message: "SQLite error \(code): \(message) — while executing \(statement.sql)")
    }
}
