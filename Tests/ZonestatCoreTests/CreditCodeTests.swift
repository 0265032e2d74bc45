import Testing
import ZonestatCore

@Suite("CreditCode")
struct CreditCodeTests {
    @Test(arguments: ["91341122MA2TQ8RC06", "91320583MA1N7K3B12", "9133028207295281XN"])
    func specExamplesAreValid(code: String) {
        #expect(CreditCode.check(code) == .valid(code))
        #expect(CreditCode.check(code).code == code)
        #expect(CreditCode.check(code).message == nil)
        #expect(!CreditCode.check(code).isError)
    }

    @Test(arguments: [
        ("91341122ma2tq8rc06", "91341122MA2TQ8RC06"),
        (" 91341122 MA2T Q8RC06 ", "91341122MA2TQ8RC06"),
        ("\u{3000}9133028207295281XN\u{3000}", "9133028207295281XN"),
        ("９１３２０５８３ＭＡ１Ｎ７Ｋ３Ｂ１２", "91320583MA1N7K3B12"),
        ("９１３２０５８３ｍａ１ｎ７ｋ３ｂ１２", "91320583MA1N7K3B12"),
        ("9133028207295281xn\t", "9133028207295281XN"),
        ("914403001234520000", "914403001234520000"),  // all digits, ends in 000, but the check holds
    ])
    func normalisesBeforeChecking(raw: String, code: String) {
        #expect(CreditCode.check(raw) == .valid(code))
    }

    @Test(arguments: [
        ("91341122MA2TQ8RC07", "91341122MA2TQ8RC07", Character("6")),
        ("91320583MA1N7K3B1X", "91320583MA1N7K3B1X", "2"),
        ("9133028207295281X0", "9133028207295281X0", "N"),
        ("91440300MA5F000001", "91440300MA5F000001", "7"),
        ("914403001234567001", "914403001234567001", "L"),
    ])
    func wrongCheckCharacterIsAWarning(raw: String, code: String, expected: Character) {
        let result = CreditCode.check(raw)
        #expect(result == .wrongCheckCharacter(code: code, expected: expected))
        #expect(result.code == code)
        #expect(!result.isError)
        #expect(result.message?.contains(String(expected)) == true)
    }

    @Test(arguments: ["9.14403E+17", "9.14403e17", "9.14403E17", "9.14403E+017", "9E+17", " 9.14403E+17 ",
                      "９．１４４０３Ｅ＋１７", "914403001234567000", "913201000000000000"])
    func mangledByExcel(raw: String) {
        let result = CreditCode.check(raw)
        #expect(result == .mangledByExcel)
        #expect(result.isError)
        #expect(result.code == nil)
        #expect(result.message?.contains("text") == true)
    }

    @Test(arguments: [
        ("", CreditCodeProblem.empty), ("   ", .empty), ("\u{3000}", .empty),
        ("91341122MA2TQ8RC0", .wrongLength(17)), ("91341122MA2TQ8RC066", .wrongLength(19)), ("123", .wrongLength(3)),
        ("91341122MA2TQ8RCO6", .invalidCharacter("O", position: 17)),
        ("I1341122MA2TQ8RC06", .invalidCharacter("I", position: 1)),
        ("91341122MS2TQ8RC06", .invalidCharacter("S", position: 10)),
        ("91341122MA2TQ8RCV6", .invalidCharacter("V", position: 17)),
        ("91341122MA2TQ8RC0Z", .invalidCharacter("Z", position: 18)),
        ("91341122-A2TQ8RC06", .invalidCharacter("-", position: 9)),
        ("9134112２汽A2TQ8RC06", .invalidCharacter("汽", position: 9)),
        ("E+17", .wrongLength(4)),
        ("9.1E", .wrongLength(4)),
    ])
    func malformed(raw: String, problem: CreditCodeProblem) {
        let result = CreditCode.check(raw)
        #expect(result == .malformed(problem))
        #expect(result.isError)
        #expect(result.message?.contains(problem.description) == true)
    }

    @Test(arguments: [
        ("91341122MA2TQ8RC0", Character("6")), ("91320583MA1N7K3B1", "2"), ("9133028207295281X", "N"),
        ("91440300MA5F00000", "7"), ("91110108551385082", "Q"),
    ])
    func checkCharacterGeneratesCodes(first17: String, check: Character) {
        #expect(CreditCode.checkCharacter(for: first17) == check)
        #expect(CreditCode.check(first17 + String(check)) == .valid(first17 + String(check)))
    }

    @Test(arguments: ["", "9134112", "91341122MA2TQ8RC06", "91341122MA2TQ8RCO"])
    func checkCharacterNeedsSeventeenValidCharacters(first17: String) {
        #expect(CreditCode.checkCharacter(for: first17) == nil)
    }

    @Test func alphabetAndWeights() {
        #expect(CreditCode.alphabet.count == 31)
        #expect(!CreditCode.alphabet.contains("I"))
        #expect(CreditCode.weights == (0..<17).map { power in (0..<power).reduce(1) { acc, _ in acc * 3 % 31 } })
    }
}
