import ZonestatCore

/// Makes the tables of a workbook's sheets one file's units and values.
enum WorkbookMerge {
    /// Merges the sheets' parsed tables, in tab order: a unit named on several sheets is one
    /// unit (its details from its latest period's row, as within a file); a value given on
    /// two sheets for the same unit, period, indicator and basis is `duplicate_key`, as two
    /// rows of one file would be.
    /// `indicators` are the pipeline's indicator ids, by a fact's indicator index.
    static func merge(_ sheets: [(label: String, parsed: ParsedFile)], name: String, indicators: [String]) -> ParsedFile {
        if sheets.count == 1, let only = sheets.first { return only.parsed }
        var merged = ParsedFile(name: name)
        merged.kind = sheets.first?.parsed.kind
        var unitByCode: [String: Int32] = [:]
        var seen: [FactKey: String] = [:]
        for (label, sheet) in sheets {
            let positions = sheet.units.map { unit -> Int32 in
                guard let existing = unitByCode[unit.creditCode] else {
                    let position = Int32(merged.units.count)
                    merged.units.append(unit)
                    unitByCode[unit.creditCode] = position
                    return position
                }
                merged.units[Int(existing)].absorb(unit)
                return existing
            }
            for fact in sheet.facts {
                var moved = fact
                moved.unit = positions[Int(fact.unit)]
                let key = FactKey(unit: moved.unit, period: moved.period, indicator: moved.indicator, basis: moved.basis)
                if let first = seen[key] {
                    let indicator = Int(fact.indicator) < indicators.count ? indicators[Int(fact.indicator)] : ""
                    merged.problems.append(Problem(
                        file: label, line: Int(fact.line), column: sheet.columnHeaders["\(indicator)|\(fact.basis.id)"],
                        value: merged.units[Int(moved.unit)].creditCode, code: .duplicateKey,
                        message: "同一企业、同一时期、同一指标的数据在工作表\(first)中已经出现：请只保留一处"
                            + " / the same unit, period and indicator is already given on sheet \(first): keep one",
                        period: Int(fact.period)))
                    continue
                }
                seen[key] = label
                merged.facts.append(moved)
            }
            merged.targets += sheet.targets
            merged.priceIndices += sheet.priceIndices
            merged.problems += sheet.problems
            merged.rows += sheet.rows
            merged.periods.formUnion(sheet.periods)
            merged.columnHeaders.merge(sheet.columnHeaders) { first, _ in first }
        }
        // Cells are quoted again by column index, which differs between sheets.
        merged.columnIndices = [:]
        return merged
    }

    private struct FactKey: Hashable {
        var unit: Int32
        var period: Int32
        var indicator: Int16
        var basis: Basis
    }
}

extension ExtractedUnit {
    /// Takes the details of the same unit as another sheet names it, as ``UnitCollector`` does
    /// for the rows of one file.
    fileprivate mutating func absorb(_ other: ExtractedUnit) {
        if other.period >= period {
            name = other.name
            industry = other.industry ?? industry
            area = other.area ?? area
            period = other.period
        }
        checkCharacterOK = checkCharacterOK && other.checkCharacterOK
    }
}
