import Testing
@testable import ZonestatPublish

/// Markdown escaping against its definition, a comparison per character.
@Suite("Markdown escaping")
struct MarkdownEscapeTests {
    static func reference(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "&", "!":
                result.append("\\")
                result.append(character)
            case "\n", "\r", "\r\n":
                result.append(" ")
            default:
                result.append(character)
            }
        }
        return result
    }

    @Test(arguments: GeneratedResult.awkwardNames + [
        "*\u{301}", "<\u{338}", "\u{226E}", "a\r\nb", "\r\r\n\n", "é", "e\u{301}", "#1 华鑫_有限 [公司]", "\\\\", "!",
        "\u{FEFF}", "\r\u{301}", "😀*",
    ])
    func asTheDefinition(_ text: String) {
        #expect(MarkdownReport.escape(text) == Self.reference(text))
    }
}
