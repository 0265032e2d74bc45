import Foundation

/// The workbook part and its relationships: which sheets, in which order, in which parts.
enum WorkbookPart {
    /// A sheet as `xl/workbook.xml` lists it.
    struct SheetEntry: Equatable {
        var name: String
        /// The relationship id (`rId1`) that says which part holds it.
        var relationship: String
    }

    /// A relationship's target part.
    struct Target: Equatable {
        /// The part's path in the archive (`xl/worksheets/sheet1.xml`).
        var path: String
        var isWorksheet: Bool
    }

    /// The sheets in tab order, and whether dates count from 1904 (`<workbookPr date1904="1"/>`).
    static func sheets(_ part: [UInt8]) throws(XMLError) -> ([SheetEntry], Bool) {
        var scanner = XMLScanner(part)
        var sheets: [SheetEntry] = []
        var date1904 = false
        while true {
            switch try scanner.next() {
            case .start:
                if scanner.isNamed("sheet"), let name = scanner.attribute("name"), let id = scanner.attribute("r:id") {
                    sheets.append(SheetEntry(name: name, relationship: id))
                } else if scanner.isNamed("workbookPr") {
                    let value = scanner.attribute("date1904") ?? "0"
                    date1904 = value == "1" || value == "true"
                }
            case .end, .text:
                continue
            case .endOfDocument:
                return (sheets, date1904)
            }
        }
    }

    /// Each relationship's target, by id.
    static func relationships(_ part: [UInt8]) throws(XMLError) -> [String: Target] {
        var scanner = XMLScanner(part)
        var targets: [String: Target] = [:]
        while true {
            switch try scanner.next() {
            case .start:
                guard scanner.isNamed("Relationship"), let id = scanner.attribute("Id"),
                    let target = scanner.attribute("Target")
                else { continue }
                let type = scanner.attribute("Type") ?? ""
                // Targets are relative to xl/ (`worksheets/sheet1.xml`) or absolute (`/xl/…`).
                let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
                targets[id] = Target(path: path, isWorksheet: type.hasSuffix("/worksheet"))
            case .end, .text:
                continue
            case .endOfDocument:
                return targets
            }
        }
    }
}

/// The shared string table (`xl/sharedStrings.xml`): the texts cells of type `s` point to.
enum SharedStrings {
    /// Every `<si>`'s text: its `<t>`, or its rich-text runs' `<t>`s joined; phonetic
    /// guides (`<rPh>`) are not part of the text.
    static func read(_ part: [UInt8]) throws(XMLError) -> [String] {
        var scanner = XMLScanner(part)
        var strings: [String] = []
        var current = ""
        var inItem = false
        var inText = false
        var phonetic = 0
        while true {
            switch try scanner.next() {
            case .start:
                if scanner.isNamed("si") {
                    inItem = true
                    current = ""
                } else if scanner.isNamed("rPh") {
                    phonetic += 1
                } else if inItem, phonetic == 0, scanner.isNamed("t") {
                    inText = true
                }
            case .end:
                if scanner.isNamed("si") {
                    strings.append(OOXMLEscapes.decode(current))
                    inItem = false
                } else if scanner.isNamed("rPh") {
                    phonetic -= 1
                } else if scanner.isNamed("t") {
                    inText = false
                }
            case .text:
                if inText { current += scanner.text }
            case .endOfDocument:
                return strings
            }
        }
    }
}

/// OOXML's `_xHHHH_` escapes in strings, for characters XML cannot carry (`_x000D_` is CR).
enum OOXMLEscapes {
    static func decode(_ text: String) -> String {
        // Most texts have no `_`: decided on the bytes, without Foundation's string search.
        guard text.utf8.contains(UInt8(ascii: "_")), text.contains("_x") else { return text }
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "_x") {
            result += rest[..<start.lowerBound]
            let hex = rest[start.upperBound...].prefix(5)
            if hex.count == 5, hex.last == "_", let value = UInt32(hex.prefix(4), radix: 16),
                let scalar = Unicode.Scalar(value)
            {
                result.unicodeScalars.append(scalar)
                rest = rest[rest.index(start.upperBound, offsetBy: 5)...]
            } else {
                result += "_x"
                rest = rest[start.upperBound...]
            }
        }
        return result + rest
    }
}
