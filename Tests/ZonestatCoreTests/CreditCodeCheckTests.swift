import Testing
import ZonestatCore

@Suite("CreditCodeCheck")
struct CreditCodeCheckTests {
    @Test func codeAndSeverity() {
        let valid = CreditCodeCheck.valid("91341122MA2TQ8RC06")
        #expect(valid.code == "91341122MA2TQ8RC06")
        #expect(!valid.isError)
        #expect(valid.message == nil)

        let warning = CreditCodeCheck.wrongCheckCharacter(code: "91341122MA2TQ8RC07", expected: "6")
        #expect(warning.code == "91341122MA2TQ8RC07")
        #expect(!warning.isError)
        #expect(warning.message?.contains("kept") == true)

        #expect(CreditCodeCheck.mangledByExcel.code == nil)
        #expect(CreditCodeCheck.mangledByExcel.isError)
        #expect(CreditCodeCheck.mangledByExcel.message?.contains("文本") == true)

        let malformed = CreditCodeCheck.malformed(.wrongLength(3))
        #expect(malformed.isError)
        #expect(malformed.message?.contains(CreditCodeProblem.wrongLength(3).hint) == true)
    }
}
