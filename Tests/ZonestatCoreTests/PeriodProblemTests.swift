import Testing
import ZonestatCore

@Suite("PeriodProblem")
struct PeriodProblemTests {
    @Test(arguments: [
        PeriodProblem.empty, .unrecognized, .yearOutOfRange(1989), .monthOutOfRange(13),
        .invalidDate(year: 2023, month: 2, day: 30), .notYearToDate(firstMonth: 3, lastMonth: 4),
        .excelSerialOutOfRange(12345),
    ])
    func problemsListAcceptedForms(problem: PeriodProblem) {
        #expect(!problem.description.isEmpty)
        #expect(problem.hint.contains("2023年1-4月"))
        #expect(problem.hint.contains("2023-04"))
    }

    @Test(arguments: [
        (PeriodProblem.yearOutOfRange(1989), "1989"), (.monthOutOfRange(13), "13"),
        (.invalidDate(year: 2023, month: 2, day: 30), "2023-2-30"), (.notYearToDate(firstMonth: 3, lastMonth: 4), "3-4"),
        (.excelSerialOutOfRange(12345), "12345"),
    ])
    func descriptionsNameTheValue(problem: PeriodProblem, fragment: String) {
        #expect(problem.description.contains(fragment))
    }

    @Test func notYearToDateHintSaysToUseTheEndMonth() {
        #expect(PeriodProblem.notYearToDate(firstMonth: 3, lastMonth: 4).hint.contains("end month"))
    }
}
