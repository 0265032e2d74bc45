import Foundation
import GRDB
import ZonestatPublish

/// The embedded SQLite warehouse: the ledger of files, the units, every vintage of every fact,
/// and the targets.
///
/// Amounts are stored as exact integers of 1/10,000 元 (`Amount.raw`); periods as `yyyymm`;
/// `basis` as 0 month, 1 ytd, 2 base_month, 3 base_ytd.
public final class Warehouse: Sendable {
    /// The underlying GRDB queue (serialises all access).
    public let queue: DatabaseQueue
    /// The file's path.
    public let path: String

    /// Opens (creating if needed) the warehouse at `path` and brings its schema up to date.
    public init(path: String) throws(WarehouseError) {
        self.path = path
        do {
            var configuration = Configuration()
            // Foreign keys are declared, not enforced: only this code writes the warehouse, and it
            // takes every id from the row it refers to; enforcing them cost three table lookups per
            // fact, a third of an ingest. Tests check the references (`PRAGMA foreign_key_check`).
            configuration.foreignKeysEnabled = false
            configuration.prepareDatabase { db in
                // A large page cache: one file's facts are written in one transaction.
                try db.execute(
                    sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;")
            }
            queue = try DatabaseQueue(path: path, configuration: configuration)
            let unknown = try Warehouse.unknownMigrations(queue)
            guard unknown.isEmpty else { throw WarehouseError.newerSchema(path: path, unknown: unknown) }
            let applied = try queue.read { try Warehouse.migrator.appliedIdentifiers($0) }
            // Moving an existing warehouse's facts into blocks (v12) journals the statements that
            // drop and rewrite hundreds of megabytes: their journals go to disk, not memory (at
            // province 577 MB of RSS in memory, 218 MB on disk).
            let movesFacts = !applied.isEmpty && !applied.contains("v12-fact-blocks")
            if movesFacts { try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA temp_store = FILE") } }
            try Warehouse.migrator.migrate(queue)
            // Facts moved into blocks leave the old table's pages free: given back once, the copy
            // VACUUM makes kept on disk too (in memory it would take the warehouse's size).
            if movesFacts {
                try queue.writeWithoutTransaction { db in try db.execute(sql: "VACUUM; PRAGMA temp_store = MEMORY;") }
            }
        } catch let error as WarehouseError {
            throw error
        } catch {
            throw .sqlite(path: path, operation: "open", message: "\(error)")
        }
    }

    /// Runs `body` in one transaction; any thrown error rolls it back.
    public func write<T>(_ operation: String, _ body: (Database) throws -> T) throws(WarehouseError) -> T {
        do {
            FaultPoint.reached("begin \(operation)")
            let result = try queue.write { db in
                let result = try body(db)
                FaultPoint.reached("commit \(operation)")
                return result
            }
            FaultPoint.reached("committed \(operation)")
            return result
        } catch let error as WarehouseError {
            throw error
        } catch let error as SimulatedCrash {
            throw .interrupted(error)
        } catch {
            throw .sqlite(path: path, operation: operation, message: "\(error)")
        }
    }

    /// Runs a read-only `body`.
    public func read<T>(_ operation: String, _ body: (Database) throws -> T) throws(WarehouseError) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw .sqlite(path: path, operation: operation, message: "\(error)")
        }
    }
}

/// A warehouse operation that failed.
public enum WarehouseError: Error, Equatable, Sendable, CustomStringConvertible {
    case sqlite(path: String, operation: String, message: String)
    /// A simulated crash (tests) interrupted a transaction, which was rolled back.
    case interrupted(SimulatedCrash)
    /// The warehouse holds migrations this version does not know: a newer zonestat made it.
    case newerSchema(path: String, unknown: [String])
    /// A packed fact block breaks the codec's rules (lengths, unit order, source runs).
    case brokenBlock(BrokenBlock)

    public var description: String {
        switch self {
        case .sqlite(let path, let operation, let message):
            "\(path): warehouse \(operation) failed: \(message)"
        case .interrupted(let crash):
            "interrupted: \(crash)"
        case .newerSchema(let path, let unknown):
            "\(path): made by a newer zonestat (schema \(unknown.joined(separator: ", ")) is unknown to this "
                + "version) — run the newer zonestat, or restore a backup of the warehouse made by this version"
        case .brokenBlock(let block):
            "\(block)"
        }
    }
}

extension Warehouse {
    /// The migrations the warehouse records that this version does not register: a newer
    /// zonestat migrated it, and this one would misread or damage what it added.
    static func unknownMigrations(_ queue: DatabaseQueue) throws -> [String] {
        try queue.read { db in
            guard try db.tableExists("grdb_migrations") else { return [] }
            let known = Set(migrator.migrations)
            return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid").filter {
                !known.contains($0)
            }
        }
    }
}
