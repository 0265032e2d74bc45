import Foundation
import Testing
import ZIPFoundation
import ZonestatCore

#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import ZonestatPipeline

/// Issue 11 on the sample data: the 2023-04 report names key enterprises, areas and momentum
/// with figures worked by hand from indicators.csv's and units.csv's exact columns, keeps data problems in its
/// appendix, and the 2022-12 report (no 2021 data) says nothing year on year.
@Suite("A report the director would sign", .serialized)
struct SampleReportTests {
    /// One published sample workspace for the suite.
    nonisolated(unsafe) static let published: Result<TestWorkspace, any Error> = Result {
        let ws = try sampleWorkspace()
        _ = try ws.extract()
        _ = try ws.transform()
        _ = try ws.load(runId: "20230510T020000Z-1")
        return ws
    }

    private func text(_ path: String) throws -> String {
        String(decoding: try Self.published.get().outFile(path), as: UTF8.self)
    }

    /// indicators.csv and then units.csv of a period (the same columns, units.csv's three more)
    /// as dictionaries by column name.
    private func indicators(_ period: String) throws -> [[String: String]] {
        try ["indicators.csv", "units.csv"].flatMap { name in
            let rows = csvRows(try Self.published.get().outFile("\(period)/\(name)"))
            let header = rows[0].map { $0.replacingOccurrences(of: "\u{FEFF}", with: "") }
            return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        }
    }

    /// Half away from zero to `places` decimals, as the report prints.
    private func shown(_ value: Decimal, _ places: Int = 1) -> String {
        var input = value, result = Decimal()
        NSDecimalRound(&result, &input, places, .plain)  // half away from zero
        let formatter = NumberFormatter()
        formatter.minimumFractionDigits = places
        formatter.maximumFractionDigits = places
        formatter.minimumIntegerDigits = 1
        formatter.usesGroupingSeparator = false
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: result as NSDecimalNumber) ?? ""
    }

    private func number(_ text: String?) -> Decimal { Decimal(string: text ?? "") ?? 0 }

    /// The director's part: the numbered sections, without the title and the appendices.
    private func directorsPart(_ report: String) -> String {
        let start = report.range(of: "## 一、")?.lowerBound ?? report.startIndex
        let end = report.range(of: "## 附")?.lowerBound ?? report.endIndex
        return String(report[start..<end])
    }

    @Test func keyEnterprisesNameThoseThatPulledAndDraggedMost() throws {
        let rows = try indicators("2023-04").filter { $0["indicator"] == "output_value" }
        let zone = try #require(rows.first { $0["scope"] == "zone" })
        let zoneBase = number(zone["ytd_base"])
        // Pull of each unit worked from its ytd and base: (ytd − base) / zone base × 100.
        let units = rows.filter { $0["scope"] == "unit" }.map { row in
            (name: row["scope_name"] ?? "", ytd: number(row["ytd"]), pull: (number(row["ytd"]) - number(row["ytd_base"])) / zoneBase * 100)
        }
        let up = units.sorted { $0.pull > $1.pull }
        let report = try text("2023-04/report.md")
        let top = up[0], bottom = up[up.count - 1]
        let share = (top.ytd - number(rows.first { $0["scope_name"] == top.name }?["ytd_base"])) / (number(zone["ytd"]) - zoneBase) * 100
        #expect(report.contains("从企业看，拉动最多的是：\(top.name)拉动\(shown(top.pull))个百分点（贡献率\(shown(share))%）"))
        #expect(report.contains("下拉最多的是：\(bottom.name)下拉\(shown(-bottom.pull))个百分点"))
        // The sample: 安徽恒嘉新能源汽车有限公司 3.5, 新锐重钢结构科技有限公司 −1.2.
        #expect(top.name == "安徽恒嘉新能源汽车有限公司" && shown(top.pull) == "3.5")
        #expect(bottom.name == "新锐重钢结构科技有限公司" && shown(bottom.pull) == "-1.2")
        // The ten largest by 1-4月 and their share of the zone.
        let largest = units.sorted { $0.ytd > $1.ytd }.prefix(10)
        let total = largest.reduce(Decimal(0)) { $0 + $1.ytd }
        #expect(report.contains("规上工业总产值前10家企业1-4月份合计完成\(shown(total / 10000))亿元，占全区的\(shown(total / number(zone["ytd"]) * 100))%。"))
        for (index, unit) in largest.enumerated() {
            #expect(report.contains("| \(index + 1) | \(unit.name) |"), "\(unit.name)")
        }
        // No unit named for a pull that rounds to 0.0.
        #expect(!report.contains("拉动0.0个百分点") && !report.contains("下拉0.0个百分点"))
    }

    @Test func areasAreReportedFromTheirRows() throws {
        let rows = try indicators("2023-04").filter { $0["indicator"] == "output_value" }
        let zoneBase = number(rows.first { $0["scope"] == "zone" }?["ytd_base"])
        let report = try text("2023-04/report.md")
        for name in ["东区", "西区", "南区"] {
            let area = try #require(rows.first { $0["scope"] == "area" && $0["scope_id"] == name })
            let ytd = number(area["ytd"]), base = number(area["ytd_base"])
            let growth = shown((ytd / base - 1) * 100), pull = shown((ytd - base) / zoneBase * 100)
            #expect(report.contains("\(name)完成\(shown(ytd / 10000))亿元，同比增长\(growth)%，拉动全区增长\(pull)个百分点"), "\(name)")
        }
        #expect(try text("2023-04/report.html").contains("规上工业总产值分片区拉动（百分点）"))
    }

    @Test func momentumAgainstTheLastPeriodAndTheLastMonth() throws {
        func zone(_ period: String, _ indicator: String) throws -> [String: String] {
            try #require(try indicators(period).first { $0["indicator"] == indicator && $0["scope"] == "zone" })
        }
        let report = try text("2023-04/report.md")
        for indicator in ["tax", "output_value"] {
            let april = try zone("2023-04", indicator), march = try zone("2023-03", indicator)
            let growth = { (row: [String: String]) in self.number(row["ytd"]) / self.number(row["ytd_base"]) * 100 - 100 }
            let change = number(shown(growth(april))) - number(shown(growth(march)))
            let verb = change > 0 ? "提高" : "回落"
            let month = (number(april["month"]) / number(march["month"]) - 1) * 100
            let monthText = month < 0 ? "下降\(shown(-month))%" : "增长\(shown(month))%"
            let name = april["indicator_name"] ?? ""
            #expect(report.contains("\(name)增速比1-3月\(verb)\(shown(abs(change)))个百分点，4月当月环比\(monthText)"), "\(indicator)")
        }
        // Tax: 51.1 % after 47.0 % in 1-3月.
        #expect(report.contains("一般公共预算收入增速比1-3月提高4.1个百分点"))
        // None against a merged 1-2月: March's merged indicators compare growth only.
        let march = try text("2023-03/report.md")
        for merged in ["规上工业总产值", "规上工业增加值", "固定资产投资", "技改投资"] {
            let clause = march.components(separatedBy: "；").first { $0.contains(merged + "增速") && $0.contains("1-2月") }
            #expect(clause != nil && clause?.contains("环比") == false, "\(merged)")
        }
        #expect(march.contains("一般公共预算收入增速比1-2月") && march.contains("3月当月环比"))
    }

    @Test func theDirectorsPartHoldsNoEnglishNoCodesAndTheAppendixTheProblems() throws {
        let report = try text("2023-04/report.md")
        let director = directorsPart(report)
        #expect(director.range(of: "[A-Za-z]", options: .regularExpression) == nil)
        #expect(director.range(of: "[0-9A-Z]{18}", options: .regularExpression) == nil)
        #expect(!director.contains("| 06 |") && !director.contains("| 36 |"))
        // Issue 11's 0.0 pull: 医药制造业 drags output value by less than 0.05 point.
        #expect(!report.contains("医药制造业下拉0.0个百分点"))
        let appendix = try #require(report.components(separatedBy: "## 附件：数据质量说明").last)
        #expect(appendix.contains("### （一）被拒收的文件（2个）"))
        #expect(appendix.contains("“2023-04 规上工业企业月报\\_西区.csv”：未计入本期数据"))
        #expect(appendix.contains("信用代码校验位不符2条"))
        #expect(appendix.contains("值“91340500MA8NC3M9XK”"))
        #expect(appendix.range(of: "rejected|check character|[a-z]+\\\\_[a-z]+", options: .regularExpression) == nil)
        // Table 2: one sign convention, said in the header.
        #expect(report.contains("| 一般公共预算收入 | 增速 | +20% | 51.1% | — | — | — | +31.1 | 12.2 | 高于目标 |"))
        #expect(report.contains("| 规上工业增加值 | 增速 | +30% | 19.2% | — | — | — | -10.8 | 35.4 | 低于目标 |"))
        #expect(report.contains("超(+)/落后(−)序时进度（百分点） | 高于(+)/低于(−)目标增速（百分点）"))
    }

    @Test func theFirstYearSaysNothingYearOnYear() throws {
        let report = try text("2022-12/report.md")
        #expect(report.contains("1-12月份，实现一般公共预算收入7.43亿元；规上工业总产值90.5亿元；"))
        #expect(report.contains("上年无数据，不计算同比。"))
        let director = directorsPart(report)
        for phrase in ["同比增长", "同比下降", "同比增速", "新增规上工业企业", "净增", "增长面（%）", "从增长面看", "拉动", "增量"] {
            #expect(!director.contains(phrase), "\(phrase)")
        }
        // No legend entry for 2021, which is never drawn.
        let html = try text("2023-04/report.html")
        #expect(html.contains(">2023年</text>") && !html.contains(">2022年</text>"))
    }

    @Test func theWorkbookKeepsEveryCodeAsText() throws {
        let ws = try Self.published.get()
        let bytes = try ws.outFile("2023-04/tables.xlsx")
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        func part(_ path: String) throws -> String {
            let entry = try #require(archive[path])
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return String(decoding: data, as: UTF8.self)
        }
        let workbook = try part("xl/workbook.xml")
        let names = SheetCells.attributes("sheet", "name", in: workbook)
        #expect(names.contains("企业") && names.contains("指标") && names.contains("表1"))
        func sheet(_ name: String) throws -> [[String: String]] {
            let index = try #require(names.firstIndex(of: name))
            return SheetCells.rows(try part("xl/worksheets/sheet\(index + 1).xml"))
        }
        // Every unit's credit code, as text, exactly as indicators.csv has it.
        let codes = Set(try indicators("2023-04").filter { $0["scope"] == "unit" }.compactMap { $0["scope_id"] })
        let unitSheet = try sheet("企业")
        #expect(unitSheet.first?["A"] == "统一社会信用代码")
        let written = Set(unitSheet.dropFirst().compactMap { $0["A"] })
        #expect(written == codes)
        #expect(codes.contains("913405001093791222"))
        #expect(unitSheet.dropFirst().contains { $0["C"] == "0610" || $0["C"]?.hasPrefix("06") == true })
        // Industry 06 stays 06 in the indicators sheet; amounts are numbers.
        let figures = try sheet("指标")
        #expect(figures.contains { $0["F"] == "06" && $0["E"] == "industry" })
        let zone = try #require(figures.first { $0["B"] == "output_value" && $0["E"] == "zone" })
        #expect(zone["I#"] == "333057.1")
        // The manifest lists it.
        #expect(String(decoding: try ws.outFile("2023-04/manifest.json"), as: UTF8.self).contains("2023-04/tables.xlsx"))
    }
}

/// Reads a worksheet's cells back with Foundation's XMLParser: by row, column letters → the
/// inline string, or `<letters>#` → the number of a number cell.
final class SheetCells: NSObject, XMLParserDelegate {
    private var rows: [[String: String]] = []
    private var current: [String: String] = [:]
    private var column = ""
    private var isNumber = false
    private var text = ""
    private var inText = false

    static func rows(_ xml: String) -> [[String: String]] {
        let reader = SheetCells()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        parser.parse()
        return reader.rows
    }

    static func attributes(_ element: String, _ attribute: String, in xml: String) -> [String] {
        final class Collector: NSObject, XMLParserDelegate {
            let element: String, attribute: String
            var values: [String] = []
            init(_ element: String, _ attribute: String) { self.element = element; self.attribute = attribute }
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
                if name == element, let value = attributes[attribute] { values.append(value) }
            }
        }
        let collector = Collector(element, attribute)
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = collector
        parser.parse()
        return collector.values
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        switch name {
        case "row": current = [:]
        case "c":
            column = String((attributes["r"] ?? "").prefix { $0.isLetter })
            isNumber = attributes["t"] != "inlineStr"
            text = ""
        case "t", "v": inText = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "t", "v": inText = false
        case "c": current[isNumber ? column + "#" : column] = text
        case "row": rows.append(current)
        default: break
        }
    }
}
