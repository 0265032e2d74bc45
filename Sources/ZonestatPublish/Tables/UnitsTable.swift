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
        let output = MemoryOutput(capacity: blocks.reduce(0) { $0 + $1.count } * 230 + 256)
        try write(blocks, units: units, catalog: catalog, bom: bom, into: output)
        return output.take()
    }

    /// Bytes gathered before they are handed to the output.
    static let piece = 1 << 20

    /// Writes ``csv(_:units:catalog:bom:)``'s bytes into `output`, a megabyte at a time.
    public static func write(
        _ blocks: [UnitResultBlock], units: [Int64: UnitInfo], catalog: IndicatorCatalog, bom: Bool,
        into output: any FileOutput
    ) throws(PublishError) {
        var writer = ByteWriter(capacity: piece + 4096)
        if bom { writer.append(ByteWriter.byteOrderMark) }
        writer.appendCSVRecord(columns)
        var leads = LeadingCells(catalog: catalog, format: .csv, file: file)
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
                if writer.count >= piece { try hand(&writer, to: output) }
            }
        }
        try hand(&writer, to: output)
    }

    static let file = "units.csv"

    /// Hands what `writer` holds to `output` and empties it.
    private static func hand(_ writer: inout ByteWriter, to output: any FileOutput) throws(PublishError) {
        do {
            try output.write(UnsafeRawBufferPointer(writer.written))
        } catch {
            throw .output(file: file, error)
        }
        writer.clear()
    }
}
