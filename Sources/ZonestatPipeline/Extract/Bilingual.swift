/// Messages in the form analysts read: Chinese first — what is wrong, then what to do — and the
/// English after ` / ` (outputs.md, "How problems read").
enum Bilingual {
    /// Joins parts that are each `中文 / English` (or Chinese alone): `中文1：中文2 / English1 — English2`.
    static func join(_ parts: String...) -> String {
        var chinese: [String] = [], english: [String] = []
        for part in parts {
            if let range = part.range(of: " / ") {
                chinese.append(String(part[..<range.lowerBound]))
                english.append(String(part[range.upperBound...]))
            } else {
                chinese.append(part)
            }
        }
        let text = chinese.joined(separator: "：")
        return english.isEmpty ? text : text + " / " + english.joined(separator: " — ")
    }
}
