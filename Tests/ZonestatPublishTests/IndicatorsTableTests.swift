import Testing
import ZonestatCore
@testable import ZonestatPublish

@Suite("indicators.csv and series.csv")
struct IndicatorsTableTests {
    let catalog = IndicatorCatalog(SourceDocument.definitions)

    @Test func columnsAreTheContract() {
        #expect(IndicatorsTable.columns == [
            "period", "indicator", "indicator_name", "unit", "scope", "scope_id", "scope_name", "units", "ytd",
            "ytd_base", "ytd_yoy_pct", "ytd_increment", "month", "month_base", "month_yoy_pct", "pull_pp",
            "share_pct", "estimate",
        ])
    }

    @Test func sourceDocumentRowsInCSV() throws {
        let table = try IndicatorsTable.table(SourceDocument.result().indicators, catalog: catalog)
        let lines = TestText.csvLines(table.csv())
        #expect(lines[0] == IndicatorsTable.columns.joined(separator: ","))
        #expect(lines[1] == "2023-04,tax,一般公共预算收入,万元,zone,,XX经济开发区,125,22600.57,14957.36,51.1000,7643.21,,,,51.1000,100.0000,0")
        #expect(lines[3] == "2023-04,value_added,规上工业增加值,万元,zone,,XX经济开发区,125,68000,57046.98,19.2000,10953.02,,,,19.2000,100.0000,1")
        #expect(lines[4].contains(",143600,112451,27.7001,31149,"))
        #expect(lines[6] == "2023-04,output_value,规上工业总产值,万元,industry,36,汽车制造业,10,121000,95000,27.3684,26000,,,,9.1073,54.8632,0")
        #expect(lines[10] == "2023-04,output_value,规上工业总产值,万元,industry,29,橡胶和塑料制品业,10,26000,26500,-1.8868,-500,,,,-0.1751,-1.0551,0")
    }

    @Test func sourceDocumentRowsInJSON() throws {
        let table = try IndicatorsTable.table(SourceDocument.result().indicators, catalog: catalog)
        let json = TestText.string(table.json())
        #expect(json.contains(#""ytd": 22600.57, "ytd_base": 14957.36, "ytd_yoy_pct": 51.1000,"#))
        #expect(json.contains(#""month": null, "month_base": null, "month_yoy_pct": null"#))
        #expect(json.contains(#""estimate": 1}"#))
    }

    @Test func undefinedGrowthIsEmptyAndNull() throws {
        let row = SourceDocument.zoneRow("tech_investment", SourceDocument.april, ytd: SourceDocument.wan(500), base: .zero)
        let table = try IndicatorsTable.table([row], catalog: catalog)
        #expect(TestText.csvLines(table.csv())[1] == "2023-04,tech_investment,技改投资,万元,zone,,XX经济开发区,125,5,0,,5,,,,,,0")
        #expect(TestText.string(table.json()).contains(#""ytd_yoy_pct": null"#))
    }

    @Test func anUndefinedIndicatorIsAnError() {
        let row = SourceDocument.zoneRow("exports", SourceDocument.april, ytd: .zero, base: .zero)
        #expect(throws: PublishError.unknownIndicator(id: "exports", file: "indicators.csv")) {
            try IndicatorsTable.table([row], catalog: catalog)
        }
    }

    @Test func seriesHasZoneRowsByPeriodThenReportOrder() throws {
        let rows = SourceDocument.result().indicators + SourceDocument.series()
        let table = try SeriesTable.table(rows, catalog: catalog)
        #expect(table.columns == [
            "period", "indicator", "indicator_name", "unit", "units", "ytd", "ytd_base", "ytd_yoy_pct",
            "ytd_increment", "month", "month_base", "month_yoy_pct", "estimate",
        ])
        let lines = TestText.csvLines(table.csv())
        #expect(lines[1] == "2022-01,tax,一般公共预算收入,万元,125,1210000,1000000,21.0000,210000,,,,0")
        #expect(lines[2].hasPrefix("2022-02,tax,"))
        #expect(lines[3].hasPrefix("2022-02,output_value,"))
        #expect(lines.last?.hasPrefix("2023-04,tech_investment,技改投资,万元,125,79000,49282,60.3019,") == true)
        #expect(!lines.contains { $0.contains(",industry,") })
    }
}
