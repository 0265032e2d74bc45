/// The scopes every unit belongs to, resolved once: its industry division, its area, and
/// its place in the order unit rows are listed in (by credit code).
struct UnitCatalog: Sendable {
    /// The scope key of units without an area.
    static let unknownArea = "unknown"
    /// The name of the ``unknownArea`` scope.
    static let unknownAreaName = "未分区"
    /// Division numbers in the order rows list them (by scope id: `01` … `97`, then `unknown`).
    static let divisionOrder: [Int] = Array(1...97) + [0]
    /// Slots for divisions 0 (unknown) … 97.
    static let divisionSlots = 98

    /// Division number 1…97 of each unit, 0 when unknown.
    let divisionOfUnit: [UInt8]
    /// Index into ``areaKeys`` of each unit.
    let areaOfUnit: [Int32]
    /// Area scope ids, sorted.
    let areaKeys: [String]
    /// Area scope names, parallel to ``areaKeys``.
    let areaNames: [String]
    /// Unit indices sorted by credit code (then index, for duplicate codes).
    let unitOrder: [Int32]

    init(units: [UnitInfo]) {
        divisionOfUnit = units.map(UnitCatalog.division)
        let keys = units.map(UnitCatalog.areaKey)
        let sortedKeys = Array(Set(keys)).sorted()
        var position: [String: Int32] = [:]
        for (offset, key) in sortedKeys.enumerated() { position[key] = Int32(offset) }
        areaOfUnit = keys.map { position[$0] ?? 0 }
        areaKeys = sortedKeys
        areaNames = sortedKeys.map { $0 == UnitCatalog.unknownArea ? UnitCatalog.unknownAreaName : $0 }
        unitOrder = units.indices.sorted { lhs, rhs in
            units[lhs].code != units[rhs].code ? units[lhs].code < units[rhs].code : lhs < rhs
        }.map { Int32($0) }
    }

    /// The division number 1…97 of a unit, 0 when unknown.
    static func division(_ unit: UnitInfo) -> UInt8 {
        guard let code = unit.industry.flatMap(IndustryCode.normalize), let number = Int(code.division),
            (1...97).contains(number)
        else { return 0 }
        return UInt8(number)
    }

    /// The area scope id of a unit: its area, or ``unknownArea`` when it has none.
    static func areaKey(_ unit: UnitInfo) -> String {
        guard let area = unit.area, !area.isEmpty else { return unknownArea }
        return area
    }

    /// The scope id of a division number (`36`, `06`, or `unknown` for 0).
    static func divisionId(_ division: Int) -> String {
        divisionIds[division]
    }

    /// The name of a division number (汽车制造业, or 未分类 for 0).
    static func divisionName(_ division: Int) -> String {
        divisionNames[division]
    }

    private static let divisionIds: [String] = (0..<divisionSlots).map { number in
        number == 0 ? IndustryDivision.unknown : (number < 10 ? "0\(number)" : "\(number)")
    }

    private static let divisionNames: [String] = divisionIds.map {
        IndustryDivision.name($0) ?? IndustryDivision.unknownName
    }
}

extension UnitInfo {
    /// The industry scope the unit's figures are counted in: its division's scope id (`36`,
    /// or `unknown`) and name, as the industry rows have them.
    public var industryScope: (id: String, name: String) {
        let division = Int(UnitCatalog.division(self))
        return (UnitCatalog.divisionId(division), UnitCatalog.divisionName(division))
    }

    /// The area scope id the unit's figures are counted in: its area, or `unknown`.
    public var areaScope: String {
        UnitCatalog.areaKey(self)
    }
}
