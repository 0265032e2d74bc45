import Foundation

/// Which cell styles of a workbook show numbers as dates (`xl/styles.xml`): a cell whose
/// style's number format is a date holds a date serial, read as the date it shows.
struct CellStyles: Sendable {
    /// For each `cellXfs` entry (a cell's `s` attribute), whether its number format is a date.
    private(set) var isDate: [Bool] = []
    /// For each entry, whether its number format shows a percentage (`0.0%`: 0.125 shows as 12.5%).
    private(set) var isPercent: [Bool] = []

    /// Built-in formats that show dates or times: ECMA-376 §18.8.30 (14–22, 45–47), and those
    /// a Chinese Excel or WPS assigns to dates (27–36, 50–58, `yyyy"年"m"月"` and the like).
    static let builtInDates: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    init() {}

    /// Reads `styles.xml`.
    init(part: [UInt8]) throws(XMLError) {
        var scanner = XMLScanner(part)
        var customDates: [Int: Bool] = [:]
        var customPercents: [Int: Bool] = [:]
        var inCellXfs = false
        var xfDepth = 0
        while true {
            switch try scanner.next() {
            case .start:
                if scanner.isNamed("numFmt"), let id = scanner.attribute("numFmtId").flatMap({ Int($0) }) {
                    let code = scanner.attribute("formatCode") ?? ""
                    customDates[id] = CellStyles.isDateFormat(code)
                    customPercents[id] = CellStyles.isPercentFormat(code)
                } else if scanner.isNamed("cellXfs") {
                    inCellXfs = true
                    xfDepth = scanner.depth + 1
                } else if inCellXfs, scanner.isNamed("xf"), scanner.depth == xfDepth {
                    let id = scanner.attribute("numFmtId").flatMap { Int($0) } ?? 0
                    isDate.append(customDates[id] ?? CellStyles.builtInDates.contains(id))
                    isPercent.append(customPercents[id] ?? (id == 9 || id == 10))
                }
            case .end:
                if scanner.isNamed("cellXfs") { inCellXfs = false }
            case .text:
                continue
            case .endOfDocument:
                return
            }
        }
    }

    /// Whether style `index` shows dates.
    func showsDate(_ index: Int) -> Bool {
        index >= 0 && index < isDate.count && isDate[index]
    }

    /// Whether style `index` shows percentages.
    func showsPercent(_ index: Int) -> Bool {
        index >= 0 && index < isPercent.count && isPercent[index]
    }

    /// Whether a format code's first section shows a percentage: a `%` outside quoted text.
    static func isPercentFormat(_ code: String) -> Bool {
        var quoted = false
        var escaped = false
        for character in code {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\"": quoted.toggle()
            case "\\" where !quoted: escaped = true
            case ";" where !quoted: return false
            case "%" where !quoted: return true
            default: continue
            }
        }
        return false
    }

    /// Whether a format code shows a date or time: any of `y m d h s 年 月 日` outside quoted
    /// text, escaped characters and `[...]` sections (colours, conditions, locales), in the
    /// first section of the code.
    static func isDateFormat(_ code: String) -> Bool {
        var quoted = false
        var bracket = false
        var escaped = false
        let lowered = code.lowercased().replacingOccurrences(of: "general", with: "")
        for character in lowered {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\"": quoted.toggle()
            case "\\" where !quoted, "_" where !quoted, "*" where !quoted: escaped = true
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            case ";" where !quoted && !bracket: return false
            case "y", "m", "d", "h", "s", "年", "月", "日":
                if !quoted && !bracket { return true }
            default: continue
            }
        }
        return false
    }
}
