import Testing
import ZonestatCore

@Suite("IndustrySection")
struct IndustrySectionTests {
    @Test(arguments: [
        (1, Character("A")), (5, "A"), (6, "B"), (12, "B"), (13, "C"), (43, "C"), (44, "D"), (46, "D"), (47, "E"),
        (52, "F"), (60, "G"), (62, "H"), (65, "I"), (69, "J"), (70, "K"), (72, "L"), (75, "M"), (79, "N"), (82, "O"),
        (83, "P"), (85, "Q"), (90, "R"), (96, "S"), (97, "T"),
    ])
    func letterOfDivision(division: Int, letter: Character) {
        #expect(IndustrySection.letter(ofDivision: division) == letter)
    }

    @Test(arguments: [0, 98, -1])
    func noLetterOutsideTheStandard(division: Int) {
        #expect(IndustrySection.letter(ofDivision: division) == nil)
    }

    @Test func namesAndCoverage() {
        #expect(IndustrySection.name("B") == "采矿业")
        #expect(IndustrySection.name("C") == "制造业")
        #expect(IndustrySection.name("D") == "电力、热力、燃气及水生产和供应业")
        #expect(IndustrySection.name("Z") == nil)
        #expect(IndustrySection.industrial == ["B", "C", "D"])
        let covered = IndustrySection.all.flatMap { Array($0.divisions) }
        #expect(covered == Array(1...97))
    }
}
