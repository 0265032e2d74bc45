/// Byte-level helpers of the number parser: folding, trimming and null markers.
extension NumberParser {
    /// The ASCII meaning of the character at `index` and its length in bytes.
    ///
    /// Full-width forms U+FF01…U+FF5E fold to ASCII (`１` → `1`, `，` → `,`, `．` → `.`,
    /// `－` → `-`, `％` → `%`), U+2212 MINUS SIGN folds to `-`. Any other non-ASCII
    /// character is 0 with its UTF-8 length, so that callers can skip it whole.
    @inline(__always)
    static func foldedCharacter(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> (UInt8, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (lead, 1) }
        guard index + 2 < end || lead < 0xE0 else { return (0, end - index) }
        switch lead {
        case 0xEF:
            let (second, third) = (bytes[index + 1], bytes[index + 2])
            if second == 0xBC, (0x81...0xBF).contains(third) { return (third &- 0x60, 3) }
            if second == 0xBD, (0x80...0x9E).contains(third) { return (third &- 0x20, 3) }
            return (0, 3)
        case 0xE2:
            if bytes[index + 1] == 0x88, bytes[index + 2] == 0x92 { return (UInt8(ascii: "-"), 3) }
            return (0, 3)
        case 0xF0...: return (0, min(4, end - index))
        case 0xE0...: return (0, 3)
        default: return (0, min(2, end - index))
        }
    }

    /// The bounds of `bytes` without the invisible spaces around it: ASCII space, tab, CR,
    /// LF, U+00A0, U+3000, U+200B and U+FEFF.
    static func trimmedBounds(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var start = 0
        var end = bytes.count
        while start < end {
            let width = spaceWidth(bytes, at: start, end)
            if width == 0 { break }
            start += width
        }
        while end > start {
            let width = trailingSpaceWidth(bytes, start, end)
            if width == 0 { break }
            end -= width
        }
        return (start, end)
    }

    /// The length of the invisible space starting at `index`, or 0.
    @inline(__always)
    private static func spaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ end: Int) -> Int {
        switch bytes[index] {
        case 0x20, 0x09, 0x0A, 0x0D: return 1
        case 0xC2: return index + 1 < end && bytes[index + 1] == 0xA0 ? 2 : 0
        case 0xE2, 0xE3, 0xEF:
            guard index + 2 < end else { return 0 }
            return isWideSpace(bytes[index], bytes[index + 1], bytes[index + 2]) ? 3 : 0
        default: return 0
        }
    }

    /// The length of the invisible space ending just before `end`, or 0.
    @inline(__always)
    private static func trailingSpaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        switch bytes[end - 1] {
        case 0x20, 0x09, 0x0A, 0x0D: return 1
        case 0xA0: return end - 2 >= start && bytes[end - 2] == 0xC2 ? 2 : 0
        case 0x80, 0x8B, 0xBF:
            guard end - 3 >= start else { return 0 }
            return isWideSpace(bytes[end - 3], bytes[end - 2], bytes[end - 1]) ? 3 : 0
        default: return 0
        }
    }

    /// U+3000 (E3 80 80), U+200B (E2 80 8B) or U+FEFF (EF BB BF).
    @inline(__always)
    private static func isWideSpace(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
        (first == 0xE3 && second == 0x80 && third == 0x80)
            || (first == 0xE2 && second == 0x80 && third == 0x8B)
            || (first == 0xEF && second == 0xBB && third == 0xBF)
    }

    /// Whether the trimmed cell is a null marker: only dashes (`-`, `--`, `－`, `—`, `——`,
    /// `–`, `―`, `−`), only dots and ellipses (`…`, `……`, `...`, at least two dots), or one
    /// slash (`/`, `／`).
    static func isNullMarker(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var dashes = 0
        var dots = 0
        var ellipses = 0
        var slashes = 0
        var index = start
        while index < end {
            let (character, width) = foldedCharacter(bytes, index, end)
            switch character {
            case UInt8(ascii: "-"): dashes += 1
            case UInt8(ascii: "."): dots += 1
            case UInt8(ascii: "/"): slashes += 1
            case 0 where width == 3 && bytes[index] == 0xE2:
                switch (bytes[index + 1], bytes[index + 2]) {
                case (0x80, 0x93), (0x80, 0x94), (0x80, 0x95), (0x94, 0x80): dashes += 1
                case (0x80, 0xA6): ellipses += 1
                default: return false
                }
            default: return false
            }
            index += width
        }
        let count = dashes + dots + ellipses + slashes
        if dashes == count { return true }
        if slashes == count { return count == 1 }
        return dots + ellipses == count && (ellipses > 0 || dots >= 2)
    }
}
