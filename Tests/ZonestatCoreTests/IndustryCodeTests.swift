import Foundation
import Testing
import ZonestatCore

@Suite("IndustryCode")
struct IndustryCodeTests {
    @Test(arguments: [
        ("C3670", "3670", "36", Character("C")), ("3670", "3670", "36", "C"), ("C36", "36", "36", "C"),
        ("36", "36", "36", "C"), ("c 36", "36", "36", "C"), (" c3670 ", "3670", "36", "C"),
        ("0610", "0610", "06", "B"), ("610", "0610", "06", "B"), ("B610", "0610", "06", "B"), ("6", "06", "06", "B"),
        ("B06", "06", "06", "B"), ("Ｃ３６７０", "3670", "36", "C"), ("4411", "4411", "44", "D"),
        ("D4610", "4610", "46", "D"), ("13", "13", "13", "C"), ("1", "01", "01", "A"), ("97", "97", "97", "T"),
        ("K7010", "7010", "70", "K"), ("\u{3000}3670\u{3000}", "3670", "36", "C"),
    ])
    func normalizes(raw: String, code: String, division: String, section: Character) throws {
        let industry = try #require(IndustryCode.normalize(raw))
        #expect(industry.code == code)
        #expect(industry.division == division)
        #expect(industry.section == section)
        #expect(industry.description == String(section) + code)
    }

    @Test(arguments: [
        "", "C", "B36", "A3670", "C610", "00", "0000", "98", "99", "9900", "36700", "C36A", "3.6", "36-70",
        "C汽车", "汽36", "CC36", "-36",
    ])
    func rejects(raw: String) {
        #expect(IndustryCode.normalize(raw) == nil)
    }

    @Test func divisionHelpers() throws {
        let car = try #require(IndustryCode.normalize("3670"))
        #expect(car.divisionName == "汽车制造业")
        #expect(!car.isDivision)
        #expect(car.isIndustrial)
        let coal = try #require(IndustryCode.normalize("6"))
        #expect(coal.isDivision)
        #expect(coal.divisionName == "煤炭开采和洗选业")
        let retail = try #require(IndustryCode.normalize("52"))
        #expect(!retail.isIndustrial)
    }

    @Test func ordersAndCodes() throws {
        let codes = ["3670", "610", "C13"].compactMap(IndustryCode.normalize)
        #expect(codes.sorted().map(\.code) == ["0610", "13", "3670"])
        let data = try JSONEncoder().encode(codes)
        #expect(String(decoding: data, as: UTF8.self) == "[\"3670\",\"0610\",\"13\"]")
        #expect(try JSONDecoder().decode([IndustryCode].self, from: data) == codes)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([IndustryCode].self, from: Data("[\"99\"]".utf8))
        }
    }
}
