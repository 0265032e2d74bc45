import ZonestatCore

/// What one header column means.
enum ColumnMeaning: Sendable, Hashable {
    /// An identity or long/target field (`period`, `credit_code`, `indicator`, `value`, …).
    case field(String)
    /// An amount column of a wide file.
    case amount(indicator: String, basis: Basis)
    /// A column that starts like an indicator but whose basis is not recognised.
    case unknownBasis(indicator: String)
    /// A derived figure (a growth rate, a share) that the pipeline recomputes itself: ignored.
    case derived
    /// Not a column zonestat reads (序号, 备注, …).
    case other
}

/// Matches header texts against the pipeline's aliases; an indicator also by its id and its
/// official name.
struct HeaderMatcher: Sendable {
    private var fieldByKey: [String: String] = [:]
    private var basisByKey: [String: Basis] = [:]
    /// Indicator alias keys, longest first, so 工业增加值 wins over 增加值.
    private var indicatorAliases: [(key: String, id: String)] = []
    let defaultBasis: Basis

    private var aliasesByField: [String: [String]] = [:]

    /// The configured aliases of a field, for messages.
    func aliases(of field: String) -> [String] { aliasesByField[field] ?? [] }

    init(config: PipelineConfig, defaultBasis: Basis = .month) {
        aliasesByField = config.aliases.fields
        for (field, aliases) in config.aliases.fields {
            for key in HeaderText.keys(aliases) { fieldByKey[key] = field }
        }
        for (id, aliases) in config.aliases.bases {
            guard let basis = Basis(id: id) else { continue }
            for key in HeaderText.keys(aliases) { basisByKey[key] = basis }
        }
        // The official name (规上工业总产值) is an alias too: a column or cell headed with it is
        // the indicator, never an unknown column.
        for indicator in config.indicators {
            for key in HeaderText.keys(indicator.aliases + [indicator.id, indicator.name]) {
                indicatorAliases.append((key, indicator.id))
            }
        }
        indicatorAliases.sort { $0.key.count > $1.key.count || ($0.key.count == $1.key.count && $0.key < $1.key) }
        self.defaultBasis = defaultBasis
    }

    /// The meaning of one (flattened) header cell.
    func meaning(of header: String) -> ColumnMeaning {
        let text = HeaderText(header)
        if text.key.isEmpty { return .other }
        if let field = fieldByKey[text.key] { return .field(field) }
        // A note in parentheses, e.g. 工业生产者出厂价格指数(上年同期=100).
        if let open = text.key.firstIndex(of: "("), let field = fieldByKey[String(text.key[..<open])] {
            return .field(field)
        }
        guard let (alias, indicator) = indicatorAliases.first(where: { text.key.hasPrefix($0.key) }) else {
            return .other
        }
        var rest = Substring(text.key.dropFirst(alias.count))
        while let first = rest.first, "_-:".contains(first) { rest = rest.dropFirst() }
        if rest.contains("%") || rest.contains("增速") || rest.contains("增长") || rest.contains("比重")
            || rest.contains("占比") || text.unit == "%"
        {
            return .derived
        }
        if let basis = basis(of: String(rest)) { return .amount(indicator: indicator, basis: basis) }
        return .unknownBasis(indicator: indicator)
    }

    /// The indicator id an alias (a long file's 指标 cell, a target's 指标) stands for.
    func indicator(named text: String) -> String? {
        let key = HeaderText(text).key
        return indicatorAliases.first { $0.key == key }?.id
    }

    /// A basis from its alias, or composed of a year part (本年 / 上年同期) and a month part
    /// (本月 / 1-本月), as multi-row Excel headers spell it (`上年同期` + `1-本月`).
    func basis(of text: String) -> Basis? {
        let key = HeaderText(text).key
        if key.isEmpty { return defaultBasis }
        if let basis = basisByKey[key] { return basis }
        var isBase = false
        var rest = Substring(key)
        for (prefix, base) in [("上年同期", true), ("上年", true), ("本年", false), ("今年", false)]
        where rest.hasPrefix(prefix) {
            isBase = base
            rest = rest.dropFirst(prefix.count)
            break
        }
        while let first = rest.first, "_-:".contains(first) { rest = rest.dropFirst() }
        let monthParts: Set<Substring> = ["本月", "当月", "同月", "month"]
        let ytdParts: Set<Substring> = ["1-本月", "1-同月", "累计", "1-月", "ytd", ""]
        if monthParts.contains(rest) { return isBase ? .baseMonth : .month }
        if ytdParts.contains(rest), rest.count < key.count { return isBase ? .baseYtd : .ytd }
        return nil
    }
}
