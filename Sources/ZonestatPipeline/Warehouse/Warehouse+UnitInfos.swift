import GRDB
import ZonestatCore

extension Warehouse {
    /// Every unit's details as last reported (name, industry, area) and its warehouse id (the
    /// key of the stored unit blocks), by that id: units.csv, the workbook's unit sheet and the
    /// report's key enterprises name units from here.
    public func unitInfos() throws(WarehouseError) -> [Int64: UnitInfo] {
        try read("read the units") { db in
            var units: [Int64: UnitInfo] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT id, credit_code, name, industry, area FROM units")
            while let row = try rows.next() {
                let id: Int64 = row["id"]
                units[id] = UnitInfo(code: row["credit_code"], name: row["name"], industry: row["industry"], area: row["area"], id: id)
            }
            return units
        }
    }
}
