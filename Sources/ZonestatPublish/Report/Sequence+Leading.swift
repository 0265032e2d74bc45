extension Sequence {
    /// The first `count` elements of `sorted(by: areInIncreasingOrder)`, in that order, without
    /// sorting them all: the report names ten units of a province's hundred thousand.
    func leading(_ count: Int, by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        guard count > 0 else { return [] }
        var kept: [Element] = []
        kept.reserveCapacity(count + 1)
        for element in self {
            if kept.count == count, let last = kept.last, !areInIncreasingOrder(element, last) { continue }
            // After every kept element it does not precede: equal elements keep their order, as a stable sort does.
            var low = 0
            var high = kept.count
            while low < high {
                let middle = (low + high) / 2
                if areInIncreasingOrder(element, kept[middle]) { high = middle } else { low = middle + 1 }
            }
            kept.insert(element, at: low)
            if kept.count > count { kept.removeLast() }
        }
        return kept
    }
}
