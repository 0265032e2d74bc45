import Testing
import ZonestatCore

@Suite("CreditCodeProblem")
struct CreditCodeProblemTests {
    @Test(arguments: [
        (CreditCodeProblem.empty, "empty"), (.wrongLength(17), "17"), (.invalidCharacter("O", position: 17), "\"O\""),
    ])
    func descriptionsNameTheFault(problem: CreditCodeProblem, fragment: String) {
        #expect(problem.description.contains(fragment))
        #expect(problem.hint.contains("18"))
    }
}
