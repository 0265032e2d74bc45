import ZonestatCore

/// Header text as matched against aliases: full-width forms folded to half-width, dashes unified,
/// case and spaces ignored, and a unit in parentheses taken out (inputs.md, "Files are recognised
/// by their header").
struct HeaderText: Sendable, Hashable {
    /// The comparable key: no spaces, lower case, half-width, no parenthesised unit.
    var key: String
    /// The unit the header states in parentheses, e.g. `(万元)`, if any.
    var unit: String?

    init(_ raw: String) {
        var folded = ""
        folded.unicodeScalars.reserveCapacity(raw.unicodeScalars.count)
        for scalar in raw.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E:
                folded.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar)
            case 0x3000, 0x00A0, 0x09, 0x0A, 0x0D, 0x20:
                continue
            case 0x2014, 0x2013, 0x2012, 0x2212, 0x2015:
                folded.unicodeScalars.append("-")
            case 0xFEFF:
                continue
            default:
                folded.unicodeScalars.append(scalar)
            }
        }
        folded = folded.lowercased()
        var unit: String?
        if let open = folded.lastIndex(of: "("), let close = folded[open...].firstIndex(of: ")") {
            let inside = String(folded[folded.index(after: open)..<close])
            if HeaderText.isUnitLabel(inside) {
                unit = inside
                folded.removeSubrange(open...close)
            }
        }
        key = folded
        self.unit = unit
    }

    /// Units that may stand in a header's parentheses.
    static func isUnitLabel(_ text: String) -> Bool {
        MoneyUnit(label: text) != nil || text == "%" || text == "家" || text == "个"
    }

    /// Normalised keys of a list of aliases.
    static func keys(_ aliases: [String]) -> Set<String> { Set(aliases.map { HeaderText($0).key }) }
}
