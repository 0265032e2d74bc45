import GRDB

/// A unit whose details (name, industry, area) differ from what the last transform recorded in
/// `transform_units`, or which it has not recorded.
struct UnitDetailChange: Sendable, Hashable {
    var code: String
    /// `name|industry|area`, as the transform records it.
    var details: String
    /// What `transform_units` holds, nil when the unit is new to it.
    var recorded: String?

    /// Whether the unit was recorded before with other details (a new unit is not: its facts
    /// mark its periods).
    var changed: Bool { recorded.map { $0 != details } ?? false }
}

extension Warehouse {
    /// The SQL text of a unit's details, `name|industry|area` (missing industry or area empty).
    private static let detailsText = "u.name || '|' || COALESCE(u.industry, '') || '|' || COALESCE(u.area, '')"

    /// The units whose details differ byte for byte from those `transform_units` records (or
    /// which it lacks), by credit code: the rows a transform rewrites there, found by SQLite in
    /// one join instead of a text and a statement per unit (a night with no changed unit reads
    /// no unit into Swift).
    static func unitDetailChanges(_ db: Database) throws -> [UnitDetailChange] {
        var changes: [UnitDetailChange] = []
        let cursor = try Row.fetchCursor(
            db,
            sql: """
                SELECT u.credit_code, u.name, u.industry, u.area, t.details
                FROM units u LEFT JOIN transform_units t ON t.credit_code = u.credit_code
                WHERE t.details IS NULL OR t.details <> \(detailsText)
                ORDER BY u.credit_code
                """)
        while let row = try cursor.next() {
            let name: String = row[1], industry: String? = row[2], area: String? = row[3]
            changes.append(
                UnitDetailChange(code: row[0], details: "\(name)|\(industry ?? "")|\(area ?? "")", recorded: row[4]))
        }
        return changes
    }
}
