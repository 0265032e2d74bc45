import Testing
import ZonestatCore
@testable import ZonestatPublish

/// The indicators files written straight from the rows against the same rows through
/// ``PublishedTable``: byte for byte, for generated rows and for extreme figures.
@Suite("Indicators files written from the rows")
struct IndicatorsTableBytesTests {
    static func expectSameBytes(_ rows: [IndicatorRow], catalog: IndicatorCatalog) throws {
        let table = try IndicatorsTable.table(rows, catalog: catalog)
        for bom in [true, false] {
            #expect(try IndicatorsTable.csv(rows, catalog: catalog, bom: bom) == table.csv(bom: bom))
        }
        #expect(try IndicatorsTable.json(rows, catalog: catalog) == table.json())
    }

    @Test func generatedRowsOfTwoPeriods() throws {
        let context = GeneratedResult.context(units: 300)
        try Self.expectSameBytes(context.result.indicators, catalog: context.catalog)
        try Self.expectSameBytes([], catalog: context.catalog)
    }

    /// units.csv from the blocks against the reference: each block's rows through
    /// ``PublishedTable`` with the unit's industry division, its name and area appended, and
    /// the unit rows the blocks stand for equal the kernel builder's rows of the same figures.
    @Test func unitsFileFromBlocksEqualsTheReferenceTable() throws {
        let context = GeneratedResult.context(units: 300)
        let blocks = context.periodUnitBlocks
        #expect(blocks.count == SourceDocument.definitions.count && blocks.allSatisfy { $0.period == GeneratedResult.period })
        var cells: [[TableCell]] = []
        for block in blocks {
            let rows = block.rows(context.unitsById)
            #expect(rows.count == block.count && rows.allSatisfy { !$0.scopeId.isEmpty })
            let table = try IndicatorsTable.table(rows, catalog: context.catalog)
            for (row, unitId) in zip(table.rows, block.unitIds) {
                let unit = try #require(context.unitsById[unitId])
                let division = unit.industry.map { $0.filter(\.isNumber).prefix(2) }.map(String.init) ?? "unknown"
                cells.append(row + [
                    .text(division), .text(IndustryDivision.name(division) ?? IndustryDivision.unknownName),
                    .text(unit.area ?? "unknown"),
                ])
            }
        }
        #expect(cells.count > 1_000)
        let reference = PublishedTable(columns: UnitsTable.columns, rows: cells)
        for bom in [true, false] {
            let file = try UnitsTable.csv(blocks, units: context.unitsById, catalog: context.catalog, bom: bom)
            #expect(file == reference.csv(bom: bom))
        }
        // A block naming a unit the warehouse does not have is refused, not written nameless.
        var stray = blocks[0]
        stray.unitIds[0] = 999_999
        #expect(throws: PublishError.self) {
            try UnitsTable.csv([stray], units: context.unitsById, catalog: context.catalog, bom: false)
        }
    }

    @Test(arguments: MoneyUnit.allCases)
    func extremeFiguresInEveryUnit(_ unit: MoneyUnit) throws {
        let definition = IndicatorDefinition(id: "x,\"y\"", name: "=名称\n", unit: unit, mergeJanFeb: false)
        let amounts: [Int128] = [
            0, 1, -1, 9, 10, 100, 12_345, -10_000, 123_456_789, Int128(UInt64.max), -Int128(UInt64.max) - 7,
            Int128(UInt64.max) * 1_000_000_000, Int128.max, Int128.min + 1, 5_000_000_000_000,
        ]
        let ratios: [Ratio?] = [
            nil, .zero, Ratio(100), Ratio(-1), Ratio(numerator: 1, denominator: 3), Ratio(numerator: -2, denominator: 3),
            Ratio(numerator: 1, denominator: 20_000), Ratio(numerator: -1, denominator: 20_000),
            Ratio(numerator: 1, denominator: 19_999), Ratio(numerator: Int128(Int64.max) * 1_000, denominator: 7),
            Ratio(numerator: -5, denominator: 100_000),
        ]
        var rows: [IndicatorRow] = []
        for (index, raw) in amounts.enumerated() {
            let ratio = ratios[index % ratios.count]
            rows.append(IndicatorRow(
                period: GeneratedResult.period, indicator: definition.id, scope: ScopeKind.allCases[index % 4],
                scopeId: index % 2 == 0 ? "" : "-1", scopeName: GeneratedResult.awkwardNames[index], units: index - 3,
                ytd: AmountSum(raw: raw), ytdBase: AmountSum(raw: -raw / 3), ytdYoYPercent: ratio,
                ytdIncrement: AmountSum(raw: raw / 7), month: index % 3 == 0 ? nil : AmountSum(raw: raw / 11),
                monthBase: index % 4 == 0 ? nil : AmountSum(raw: raw % 1_000_003), monthYoYPercent: ratios[(index + 1) % ratios.count],
                pullPoints: ratios[(index + 2) % ratios.count], sharePercent: ratios[(index + 3) % ratios.count],
                estimate: index % 2 == 1))
        }
        try Self.expectSameBytes(rows, catalog: IndicatorCatalog([definition]))
    }

    @Test func anUnknownIndicatorIsTheSameError() {
        let row = GeneratedResult.context(units: 1).result.indicators[0]
        let catalog = IndicatorCatalog([])
        #expect(throws: PublishError.unknownIndicator(id: row.indicator, file: "indicators.csv")) {
            try IndicatorsTable.csv([row], catalog: catalog, bom: true)
        }
        #expect(throws: PublishError.unknownIndicator(id: row.indicator, file: "indicators.csv")) {
            try IndicatorsTable.json([row], catalog: catalog)
        }
    }
}
