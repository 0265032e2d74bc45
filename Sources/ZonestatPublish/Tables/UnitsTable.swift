import ZonestatCSV
import ZonestatCore

/// `units.csv`: every unit's row of the period, rendered from the compute core's unit blocks
/// (exact integers, nothing through text on the way), in indicators.csv's columns and then
/// the scopes the unit is counted in.
public enum UnitsTable {
    /// outputs.md's columns, in its order: indicators.csv's, then the unit's industry division
    /// (the industry rows' `scope_id`), its name, and its area (the area rows' `scope_id`).
    public static let columns = IndicatorsTable.columns + ["industry", "industry_name", "area"]

    /// The CSV file of `blocks` (one period's, in the core's order), each unit named and placed
    /// from `units` by its id. A unit id `units` does not have is an error, never a row without
    /// a name.
    public static func csv(
        _ blocks: [UnitResultBlock], units: [Int64: UnitInfo], catalog: IndicatorCatalog, bom: Bool
    ) throws(PublishError) -> [UInt8] {
        var file: [UInt8] = []
        file.reserveCapacity(blocks.reduce(0) { $0 + $1.count } * 230 + 256)
        if bom { file += ByteWriter.byteOrderMark }
        var writer = ByteWriter(capacity: 1024)
        writer.appendCSVRecord(columns)
        writer.flush(into: &file)
        var leads = LeadingCells(catalog: catalog, format: .csv, file: "units.csv")
        for block in blocks {
            guard block.isWellFormed else { throw PublishError.malformedUnits(period: block.period, indicator: block.indicator) }
            for offset in 0..<block.count {
                guard let unit = units[block.unitIds[offset]] else {
                    throw PublishError.unknownUnit(id: block.unitIds[offset], period: block.period, indicator: block.indicator)
                }
                try writer.appendCSVCells(block.row(at: offset, code: unit.code, name: unit.name), leads: &leads)
                let industry = unit.industryScope
                writer.append(UInt8(ascii: ","))
                writer.appendCSVField(industry.id)
                writer.append(UInt8(ascii: ","))
                writer.appendCSVField(industry.name)
                writer.append(UInt8(ascii: ","))
                writer.appendCSVField(unit.areaScope)
                writer.append(UInt8(ascii: "\r"))
                writer.append(UInt8(ascii: "\n"))
                writer.flush(into: &file)
            }
        }
        return file
    }
}
