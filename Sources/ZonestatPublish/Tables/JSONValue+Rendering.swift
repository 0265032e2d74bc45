import ZonestatCSV

/// Writing JSON text: two-space indentation, and objects or arrays that hold only scalars (or
/// arrays of scalars) on one line, so that a table's JSON reads one row per line and diffs cleanly.
extension JSONValue {
    /// The value as JSON text, without a trailing newline.
    public func rendered() -> String {
        var text = ""
        write(into: &text, indent: 0)
        return text
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    /// A scalar, or an array of scalars: fits on one line inside its parent.
    private var isFlat: Bool {
        switch self {
        case .array(let elements): elements.allSatisfy(\.isScalar)
        case .object: false
        default: true
        }
    }

    private func write(into text: inout String, indent: Int) {
        switch self {
        case .string(let value): JSONValue.writeString(value, into: &text)
        case .number(let literal): text += literal
        case .bool(let value): text += value ? "true" : "false"
        case .null: text += "null"
        case .array(let elements):
            let inline = elements.allSatisfy(\.isScalar)
            writeContainer(elements, open: "[", close: "]", inline: inline, into: &text, indent: indent) { element, text in
                element.write(into: &text, indent: indent + 1)
            }
        case .object(let members):
            let inline = members.allSatisfy(\.value.isFlat)
            writeContainer(members, open: "{", close: "}", inline: inline, into: &text, indent: indent) { member, text in
                JSONValue.writeString(member.key, into: &text)
                text += ": "
                member.value.write(into: &text, indent: indent + 1)
            }
        }
    }

    private func writeContainer<Element>(
        _ elements: [Element], open: String, close: String, inline: Bool, into text: inout String, indent: Int,
        writeElement: (Element, inout String) -> Void
    ) {
        if elements.isEmpty {
            text += open + close
            return
        }
        if inline {
            text += open
            for (index, element) in elements.enumerated() {
                if index > 0 { text += ", " }
                writeElement(element, &text)
            }
            text += close
            return
        }
        let padding = String(repeating: "  ", count: indent + 1)
        text += open + "\n"
        for (index, element) in elements.enumerated() {
            text += padding
            writeElement(element, &text)
            text += index + 1 < elements.count ? ",\n" : "\n"
        }
        text += String(repeating: "  ", count: indent) + close
    }

    /// A JSON string literal: `"` and `\` escaped, control characters as `\n`, `\t` or `\u00XX`;
    /// everything else as UTF-8.
    static func writeString(_ value: String, into text: inout String) {
        // The one JSON string encoder: the tables' byte writer's.
        var literal = ByteWriter(capacity: value.utf8.count + 2)
        literal.appendJSONString(value)
        text += String(decoding: literal.written, as: UTF8.self)
    }
}
