/// Text from outside (a file name, a cell) made safe to print on one line of a terminal or a
/// log: control characters are escaped (`\e`, `\n`, `\t`, `\r`, `\x07`, `\u{85}`) and bytes that
/// are not UTF-8 are written `\xFF`. Everything else is kept as it is, Chinese and backslashes
/// included, so a plain name prints unchanged and escaping twice changes nothing more.
public enum EscapedText {
    /// `bytes` (a file name as the file system holds it, valid UTF-8 or not) escaped.
    public static func escaping<Bytes: Collection<UInt8>>(bytes: Bytes) -> String {
        var output = ""
        var input = Array(bytes)[...]
        while !input.isEmpty {
            let length = validSequenceLength(input)
            if length == 0 {
                output += "\\x" + hex(input[input.startIndex])
                input = input.dropFirst()
                continue
            }
            let sequence = input.prefix(length)
            input = input.dropFirst(length)
            for scalar in String(decoding: sequence, as: UTF8.self).unicodeScalars { append(scalar, to: &output) }
        }
        return output
    }

    /// `text` escaped (a Swift string is valid Unicode: only controls and backslashes change).
    public static func escaping(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var output = ""
        for scalar in text.unicodeScalars { append(scalar, to: &output) }
        return output
    }

    /// Whether `bytes` are valid UTF-8 (a name that can be written back as it is).
    public static func isValidUTF8<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        var input = Array(bytes)[...]
        while !input.isEmpty {
            let length = validSequenceLength(input)
            if length == 0 { return false }
            input = input.dropFirst(length)
        }
        return true
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    private static func append(_ scalar: Unicode.Scalar, to output: inout String) {
        guard needsEscape(scalar) else {
            output.unicodeScalars.append(scalar)
            return
        }
        switch scalar {
        case "\u{1B}": output += "\\e"
        case "\n": output += "\\n"
        case "\r": output += "\\r"
        case "\t": output += "\\t"
        default:
            output += scalar.value < 0x80 ? "\\x" + hex(UInt8(scalar.value)) : "\\u{" + String(scalar.value, radix: 16) + "}"
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    /// The length of the valid UTF-8 sequence at the start of `bytes`, 0 when it is not one
    /// (overlong forms, surrogates and values past U+10FFFF are not valid).
    private static func validSequenceLength(_ bytes: ArraySlice<UInt8>) -> Int {
        guard let first = bytes.first else { return 0 }
        let length: Int, lower: UInt8, upper: UInt8
        switch first {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: (length, lower, upper) = (2, 0x80, 0xBF)
        case 0xE0: (length, lower, upper) = (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, lower, upper) = (3, 0x80, 0xBF)
        case 0xED: (length, lower, upper) = (3, 0x80, 0x9F)
        case 0xF0: (length, lower, upper) = (4, 0x90, 0xBF)
        case 0xF1...0xF3: (length, lower, upper) = (4, 0x80, 0xBF)
        case 0xF4: (length, lower, upper) = (4, 0x80, 0x8F)
        default: return 0
        }
        guard bytes.count >= length else { return 0 }
        let start = bytes.startIndex
        guard (lower...upper).contains(bytes[start + 1]) else { return 0 }
        for offset in 2..<length where !(0x80...0xBF).contains(bytes[start + offset]) { return 0 }
        return length
    }
}
