import ZonestatCore

/// The indicator definitions by id, in report order: what the renderers look names, units and
/// display precision up in.
///
/// Besides the pipeline's indicators it knows the count target `new_units` (新增规上工业企业),
/// whose rows count units (`家`) rather than money.
public struct IndicatorCatalog: Sendable, Hashable {
    /// The id of the count of new above-scale units, a target that is not an indicator.
    public static let newUnitsID = "new_units"
    /// What the report calls `new_units`.
    public static let newUnitsName = "新增规上工业企业"
    /// The unit column of `new_units` rows.
    public static let newUnitsUnit = "家"

    /// The definitions in report order.
    public let definitions: [IndicatorDefinition]
    private let positions: [String: Int]

    /// The catalog of `definitions`; the first of two definitions with the same id wins.
    public init(_ definitions: [IndicatorDefinition]) {
        self.definitions = definitions
        var positions: [String: Int] = [:]
        for (index, definition) in definitions.enumerated() where positions[definition.id] == nil {
            positions[definition.id] = index
        }
        self.positions = positions
    }

    /// The definition of `id`, or ``PublishError/unknownIndicator(id:file:)`` naming `file`.
    public func definition(_ id: String, in file: String) throws(PublishError) -> IndicatorDefinition {
        guard let position = positions[id] else { throw .unknownIndicator(id: id, file: file) }
        return definitions[position]
    }

    /// The definition of `id`, or nil.
    public func definition(_ id: String) -> IndicatorDefinition? {
        positions[id].map { definitions[$0] }
    }

    /// Where `id` stands in report order; unknown ids after every known one.
    public func position(of id: String) -> Int {
        positions[id] ?? definitions.count
    }

    /// The Chinese name of `id` (`new_units` included), or the id itself when unknown.
    public func name(of id: String) -> String {
        if id == IndicatorCatalog.newUnitsID { return IndicatorCatalog.newUnitsName }
        return definition(id)?.name ?? id
    }
}
