/// The problems found in one file, in the order found.
struct ProblemList: Error, Sendable, Hashable {
    var items: [Problem]

    init(_ items: [Problem] = []) { self.items = items }

    var isEmpty: Bool { items.isEmpty }
    var hasErrors: Bool { items.contains(where: \.isError) }

    mutating func append(_ problem: Problem) { items.append(problem) }
    mutating func append(contentsOf other: ProblemList) { items.append(contentsOf: other.items) }
}
