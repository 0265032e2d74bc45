import GRDB
import ZonestatCore

extension Warehouse {
    /// Every unit's details as last reported (name, industry, area) and its warehouse id (the
    /// key of the stored unit blocks), by credit code: the report's key enterprises and
    /// units.csv name units from here.
    public func unitInfos() throws(WarehouseError) -> [String: UnitInfo] {
        try read("read the units") { db in
            var units: [String: UnitInfo] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT id, credit_code, name, industry, area FROM units")
            while let row = try rows.next() {
                let code: String = row["credit_code"]
                units[code] = UnitInfo(code: code, name: row["name"], industry: row["industry"], area: row["area"], id: row["id"])
            }
            return units
        }
    }
}
