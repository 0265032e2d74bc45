extension FactWriter {
    /// The positions `0..<count` sorted by (`row`, `within`): the facts of a row together, in
    /// order within it.
    ///
    /// A file lists its facts row by row, so the rows mostly come in order already and only the
    /// facts within each row need sorting: that case takes one pass and a few comparisons per
    /// fact, where a full sort of millions took the better part of a second.
    static func order(count: Int, row: (Int) -> UInt64, within: (Int) -> UInt64) -> [Int32] {
        precondition(count <= Int(Int32.max), "facts are counted in Int32")
        var order = [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
            for index in 0..<count { buffer[index] = Int32(index) }
            initialized = count
        }
        guard count > 1 else { return order }
        let rowsInOrder = (1..<count).allSatisfy { row($0 - 1) <= row($0) }
        guard rowsInOrder else {
            order.sort { (row(Int($0)), within(Int($0))) < (row(Int($1)), within(Int($1))) }
            return order
        }
        var start = 0
        while start < count {
            let current = row(start)
            var end = start + 1
            while end < count, row(end) == current { end += 1 }
            // Insertion sort: a row holds a few dozen facts at most.
            for position in (start + 1)..<end {
                let moving = order[position]
                let key = within(Int(moving))
                var slot = position
                while slot > start, within(Int(order[slot - 1])) > key {
                    order[slot] = order[slot - 1]
                    slot -= 1
                }
                order[slot] = moving
            }
            start = end
        }
        return order
    }
}
