/// Folds the many ways a spreadsheet cell spells the same code into one spelling.
///
/// Chinese input methods type full-width forms (`１２３`, `Ｃ３６７０`, `：`) and the
/// ideographic space U+3000; Excel and web pages add no-break spaces. Codes and labels are
/// compared after this folding, never before.
enum TextNormalization {
    /// Whether `scalar` is a space an analyst would not see: ASCII space, tab, CR, LF,
    /// no-break space U+00A0, ideographic space U+3000, zero-width space and BOM.
    static func isInvisibleSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x3000, 0x200B, 0xFEFF, 0x2002...0x2009, 0x202F:
            return true
        default:
            return false
        }
    }

    /// The half-width form of a full-width ASCII variant (U+FF01…U+FF5E → U+0021…U+007E,
    /// U+3000 → space); any other scalar unchanged.
    static func halfWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF01...0xFF5E:
            return Unicode.Scalar(UInt8(truncatingIfNeeded: scalar.value - 0xFEE0))
        case 0x3000:
            return " "
        default:
            return scalar
        }
    }

    /// `text` with full-width forms folded to ASCII, every invisible space removed and
    /// ASCII letters upper-cased: `" ｃ３６ "` → `"C36"`. For codes, which never contain spaces.
    static func compactCode(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isInvisibleSpace(scalar) {
            let folded = halfWidth(scalar)
            if folded.value >= 0x61, folded.value <= 0x7A {
                result.append(Unicode.Scalar(UInt8(folded.value - 0x20)))
            } else {
                result.append(folded)
            }
        }
        return String(result)
    }

    /// `text` with full-width forms folded to ASCII and invisible spaces trimmed from both
    /// ends (inner spaces are kept, folded to a plain space).
    static func trimmedHalfWidth(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        while let last = scalars.last, isInvisibleSpace(last) { scalars.removeLast() }
        var start = 0
        while start < scalars.count, isInvisibleSpace(scalars[start]) { start += 1 }
        var result = String.UnicodeScalarView()
        for scalar in scalars[start...] {
            result.append(isInvisibleSpace(scalar) ? " " : halfWidth(scalar))
        }
        return String(result)
    }
}
