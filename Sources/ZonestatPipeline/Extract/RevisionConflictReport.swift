import ZonestatCore

/// The problems of a file held for revision conflicts: one `revision_conflict` error per value
/// that differs from the one held, pointing at the file's cell as written and saying where the
/// held value came from and what to do.
enum RevisionConflictReport {
    /// Problems for `conflicts` of `parsed`, in the file's order; `bytes` are the file's, read
    /// again to quote each cell as written.
    static func problems(
        _ conflicts: [RevisionConflict], parsed: ParsedFile, bytes: [UInt8], config: PipelineConfig
    ) -> [Problem] {
        var addresses: [Int: RecordCells.Address] = [:]
        for conflict in conflicts {
            let fact = parsed.facts[conflict.fact]
            let spec = config.indicators[Int(fact.indicator)]
            if let column = parsed.columnIndices["\(spec.id)|\(fact.basis.id)"] {
                addresses[conflict.fact] = RecordCells.Address(line: Int(fact.line), column: column)
            }
        }
        let cells = RecordCells.text(of: Set(addresses.values), in: bytes, sheet: parsed.sheet)
        return conflicts.map { conflict in
            let fact = parsed.facts[conflict.fact]
            let spec = config.indicators[Int(fact.indicator)]
            let unit = parsed.units[Int(fact.unit)]
            let period = Period(key: Int(fact.period)).map(String.init(describing:)) ?? String(fact.period)
            let new = fact.amount.decimalString(in: spec.unit), held = conflict.held.decimalString(in: spec.unit)
            let label = spec.unit.label
            return Problem(
                file: parsed.problemFile, line: Int(fact.line), column: parsed.columnHeaders["\(spec.id)|\(fact.basis.id)"],
                value: addresses[conflict.fact].flatMap { cells[$0] } ?? new, code: .revisionConflict,
                message: "与已入库的数据不一致：\(unit.name) \(period) \(spec.name)（\(basisName(fact.basis))）：本文件为\(new)\(label)，"
                    + "现有值为\(held)\(label)（来自“\(conflict.heldFile)”第\(conflict.heldLine)行）。本文件未入库。"
                    + "若本文件是更正，请在文件名中加“更正”后重新放入收件箱；否则请核对并改正本文件后重新放入 / "
                    + "differs from the value held (\(held) \(label), \(conflict.heldFile) line \(conflict.heldLine)): "
                    + "the file is held — rename it with 更正 if it is a correction, otherwise fix it and drop it again",
                period: Int(fact.period), creditCode: unit.creditCode, unitName: unit.name)
        }
    }

    /// The basis as forms name it.
    static func basisName(_ basis: Basis) -> String {
        switch basis {
        case .month: "本月"
        case .ytd: "1-本月"
        case .baseMonth: "上年同月"
        case .baseYtd: "上年同期"
        }
    }
}
