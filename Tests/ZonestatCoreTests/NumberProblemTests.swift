import Testing
import ZonestatCore

@Suite("NumberProblem")
struct NumberProblemTests {
    @Test(arguments: [
        NumberProblem.notANumber, .scientificNotation, .badGrouping, .percentNotAllowed, .outOfRange,
    ])
    func problemsExplainThemselves(problem: NumberProblem) {
        #expect(!problem.description.isEmpty)
        #expect(problem.hint.count > 20)
        #expect(problem.hint != problem.description)
    }

    @Test func descriptionsAndHintsAreDistinct() {
        let all: [NumberProblem] = [.notANumber, .scientificNotation, .badGrouping, .percentNotAllowed, .outOfRange]
        #expect(Set(all.map(\.description)).count == all.count)
        #expect(Set(all.map(\.hint)).count == all.count)
    }

    @Test func scientificHintSaysHowToFixInExcel() {
        #expect(NumberProblem.scientificNotation.hint.contains("数值"))
        #expect(NumberProblem.scientificNotation.hint.contains("科学记数"))
        #expect(NumberProblem.scientificNotation.hint.contains("format the column as a number"))
    }

    @Test func groupingHintMentionsTheDecimalComma() {
        #expect(NumberProblem.badGrouping.hint.contains("1,234,567.8"))
    }
}
