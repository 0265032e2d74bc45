extension PeriodParser {
    /// One piece of a period cell: a run of digits or a meaningful symbol.
    struct Token: Equatable {
        /// The number's value (0 for a symbol). Only the first 9 digits count: a longer run is
        /// never a year, month or day, only the fraction of an Excel serial (`45046.0416666667`).
        let value: Int
        /// The number of digits, or 0 for a symbol.
        let digits: Int
        /// The symbol (`年`, `月`, `份`, `日`, `号`, `-`, `/`, `.`, `:`, `T`), or nil for a number.
        let symbol: Character?

        static func symbol(_ character: Character) -> Token {
            Token(value: 0, digits: 0, symbol: character)
        }

        var isNumber: Bool { digits > 0 }
        /// One or two digits, as a month or a day is written.
        var isMonth: Bool { digits == 1 || digits == 2 }
        /// `-`, `/` or `.` between the parts of a numeric date.
        var isDateSeparator: Bool { symbol == "-" || symbol == "/" || symbol == "." }

        /// The tokens of `text`, without spaces; nil when it holds a character no period form
        /// uses. Full-width forms fold to ASCII and every dash (`—`, `–`, `－`, `~`, `至`, a run
        /// of them) is one `-`.
        static func scan(_ text: String) -> [Token]? {
            var tokens: [Token] = []
            var value = 0
            var digits = 0
            func flushNumber() {
                if digits > 0 { tokens.append(Token(value: value, digits: digits, symbol: nil)) }
                value = 0
                digits = 0
            }
            for scalar in text.unicodeScalars {
                let folded = TextNormalization.halfWidth(scalar)
                if let digit = Int(exactly: folded.value), (0x30...0x39).contains(digit) {
                    digits += 1
                    if digits <= 9 { value = value * 10 + digit - 0x30 }
                    continue
                }
                flushNumber()
                if TextNormalization.isInvisibleSpace(folded) { continue }
                guard let symbol = symbol(for: folded) else { return nil }
                if symbol == "-", tokens.last == .symbol("-"), scalar.value != 0x2D { continue }
                tokens.append(.symbol(symbol))
            }
            flushNumber()
            return tokens
        }

        /// The symbol a scalar stands for, or nil when no period form uses it.
        private static func symbol(for scalar: Unicode.Scalar) -> Character? {
            switch scalar {
            case "年", "月", "份", "日", "号", "/", ".", ":", "T": Character(scalar)
            case "t": "T"
            case "-", "~", "至", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}", "\u{301C}": "-"
            default: nil
            }
        }
    }
}
