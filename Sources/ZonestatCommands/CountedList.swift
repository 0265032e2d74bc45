/// A count's items on one line, after the count: all of them, or the first few and
/// `… and K more (see PATH)`, so that no number is printed without what it counts.
enum CountedList {
    /// `  label: a, b, c` or `  label: a, b, … and 7 more (see PATH)`; nil when `items` is empty.
    static func line(_ label: String, _ items: [String], limit: Int, seeing path: String) -> String? {
        guard !items.isEmpty else { return nil }
        let shown = items.prefix(limit).joined(separator: ", ")
        let more = items.count - min(items.count, limit)
        return "  \(label): \(shown)" + (more > 0 ? ", … and \(more) more (see \(path))" : "")
    }
}
