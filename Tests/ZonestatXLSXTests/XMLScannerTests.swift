import Testing

@testable import ZonestatXLSX

@Suite("XMLScanner: a strict pull parser")
struct XMLScannerTests {
    private func events(_ xml: String) throws -> [String] {
        var scanner = XMLScanner(Array(xml.utf8))
        var out: [String] = []
        while true {
            switch try scanner.next() {
            case .start: out.append("<\(scanner.isNamed("c") ? "c r=\(scanner.attribute("r") ?? "")" : "x")>")
            case .end: out.append("</>")
            case .text: out.append(scanner.text)
            case .endOfDocument: return out
            }
        }
    }

    @Test func tagsAttributesTextEntitiesAndCDATA() throws {
        #expect(
            try events(#"<?xml version="1.0"?><!-- c --><x><c r='A&amp;1'/>a &lt;b&gt; &#x4E2D;&#25991;<![CDATA[<&>]]></x>"#)
                == ["<x>", "<c r=A&1>", "</>", "a <b> 中文", "<&>", "</>"])
    }

    @Test(arguments: [
        "<x><y></x></y>", "<x>", "<x a=1/>", "<!DOCTYPE x [<!ENTITY e 'boom'>]><x/>", "text<x/>", "<x a=\"1/>",
    ])
    func malformedPartsAreErrors(xml: String) {
        #expect(throws: XMLError.self) { try events(xml) }
    }

    @Test func prefixedNamesMatchByLocalName() throws {
        var scanner = XMLScanner(Array(#"<x:c r="B2" r:id="rId3"/>"#.utf8))
        #expect(try scanner.next() == .start)
        #expect(scanner.isNamed("c"))
        #expect(scanner.attribute("r:id") == "rId3")
        #expect(scanner.attribute("r") == "B2")
    }

    @Test func dateFormatCodes() {
        #expect(CellStyles.isDateFormat(#"yyyy"年"m"月""#))
        #expect(CellStyles.isDateFormat("m/d/yy h:mm"))
        #expect(!CellStyles.isDateFormat("#,##0.00"))
        #expect(!CellStyles.isDateFormat(#"0.00"元""#))
        #expect(!CellStyles.isDateFormat("[Red]0.00;[Blue]-0.00"))
        #expect(!CellStyles.isDateFormat("General"))
        #expect(!CellStyles.isDateFormat("0.00E+00"))
        #expect(CellStyles.isPercentFormat("0.0%"))
        #expect(!CellStyles.isPercentFormat(#"0.0"%""#))
        #expect(!CellStyles.isPercentFormat("0.00"))
    }
}
