import Testing
import ZonestatCore
@testable import ZonestatPublish

/// The order warnings are listed in, against the key it is defined by (outputs.md: the file
/// does not depend on the order warnings were raised in).
@Suite("Published warning order")
struct PublishedWarningTests {
    /// The definition: the fields as text keys, compared in turn.
    static func key(_ warning: PublishedWarning) -> [String] {
        let line = warning.line.map { String(repeating: "0", count: max(0, 12 - String($0).count)) + String($0) } ?? ""
        return [
            warning.source == .extract ? "0" : "1", warning.file ?? "", line, warning.column ?? "", warning.code,
            warning.period?.description ?? "", warning.indicator ?? "", warning.scope ?? "", warning.message,
            warning.value ?? "",
        ]
    }

    static func byKey(_ lhs: PublishedWarning, _ rhs: PublishedWarning) -> Bool {
        for (a, b) in zip(key(lhs), key(rhs)) where a != b { return a < b }
        return false
    }

    @Test func listedInTheOrderOfTheirKeys() {
        let files: [String?] = [nil, "a.csv", "b.csv", "\u{E9}.csv", "e\u{301}.csv"]
        let lines: [Int?] = [nil, 0, 7, 17, 170, -5, 999_999_999_999, 1_000_000_000_000, Int.max]
        let texts: [String?] = [nil, "", "x", "X", "\u{E9}", "e\u{301}", "值"]
        var warnings: [PublishedWarning] = []
        var seed: UInt64 = 7
        func pick<T>(_ values: [T]) -> T {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return values[Int(seed >> 33) % values.count]
        }
        for _ in 0..<600 {
            warnings.append(PublishedWarning(
                source: pick([.extract, .compute]), file: pick(files), line: pick(lines), column: pick(texts),
                value: pick(texts), code: pick(["ytd_fell", "month_jump", "a"]),
                period: pick([nil, GeneratedResult.period, GeneratedResult.other]), indicator: pick(texts),
                scope: pick(texts), message: pick(texts) ?? "m"))
        }
        for lhs in warnings.prefix(200) {
            for rhs in warnings.suffix(200) {
                #expect(PublishedWarning.listedBefore(lhs, rhs) == Self.byKey(lhs, rhs))
            }
        }
    }
}
