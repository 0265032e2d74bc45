/// A strict pull parser for the XML of a workbook's parts: start and end tags with their
/// attributes, and text, read straight from the part's UTF-8 bytes.
///
/// Foundation's `XMLParser` (libxml2 through FoundationXML on Linux) takes about a second
/// for the callbacks alone of a 50,000-row sheet, more than reading the same data as CSV
/// whole; this scanner makes no string until one is asked for. It is strict where a damaged
/// part would otherwise read as wrong cells: tags must nest and close, attribute values be
/// quoted, entities be known; a document type declaration (which could define entities) is
/// refused, as no workbook part has one.
struct XMLScanner {
    enum Event: Equatable {
        /// A start tag (also for `<x/>`, which is followed by its ``end``).
        case start
        case end
        /// Character data (with entities still encoded, unless from a CDATA section).
        case text
        case endOfDocument
    }

    private let bytes: [UInt8]
    private var position = 0
    /// The current tag's qualified name (start and end events).
    private(set) var name: Range<Int> = 0..<0
    /// The current start tag's attributes: qualified name and raw value.
    private var attributes: [(name: Range<Int>, value: Range<Int>)] = []
    /// The current text event's bytes, and whether they come from CDATA (taken as they are).
    private var textRange: Range<Int> = 0..<0
    private var textIsRaw = false
    /// The names of the open elements.
    private var open: [Range<Int>] = []
    /// A self-closing tag owes its end event.
    private var pendingEnd = false

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        // A UTF-8 byte-order mark before the declaration.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    /// The depth of open elements (after a start event, including it).
    var depth: Int { open.count }

    /// The next event.
    mutating func next() throws(XMLError) -> Event {
        if pendingEnd {
            pendingEnd = false
            if let last = open.popLast() { name = last }
            return .end
        }
        while position < bytes.count {
            if bytes[position] != UInt8(ascii: "<") {
                let start = position
                while position < bytes.count, bytes[position] != UInt8(ascii: "<") { position += 1 }
                if open.isEmpty {
                    // Outside the root only whitespace may stand.
                    guard bytes[start..<position].allSatisfy(XMLScanner.isSpace) else {
                        throw .malformed(offset: start, "text outside the root element")
                    }
                    continue
                }
                textRange = start..<position
                textIsRaw = false
                return .text
            }
            // The byte after `<` tells which markup this is: a start tag, almost always.
            let second = position + 1 < bytes.count ? bytes[position + 1] : 0
            if second == UInt8(ascii: "?") {
                position = try find("?>", from: position + 2) + 2
            } else if second == UInt8(ascii: "!"), matches("<!--", at: position) {
                position = try find("-->", from: position + 4) + 3
            } else if second == UInt8(ascii: "!"), matches("<![CDATA[", at: position) {
                let start = position + 9
                let end = try find("]]>", from: start)
                position = end + 3
                guard !open.isEmpty else { throw .malformed(offset: start, "CDATA outside the root element") }
                textRange = start..<end
                textIsRaw = true
                return .text
            } else if second == UInt8(ascii: "!") {
                throw .malformed(offset: position, "a document type declaration, which no workbook part has")
            } else if second == UInt8(ascii: "/") {
                position += 2
                let tagName = scanName()
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ">") else {
                    throw .malformed(offset: position, "an end tag that does not close")
                }
                position += 1
                guard let last = open.popLast(), sameBytes(last, tagName) else {
                    throw .malformed(offset: tagName.lowerBound, "an end tag that matches no open element")
                }
                name = tagName
                return .end
            } else {
                try scanStartTag()
                return .start
            }
        }
        guard open.isEmpty else { throw .malformed(offset: position, "the part ends inside an element") }
        return .endOfDocument
    }

    /// Whether the current tag's local name (after any prefix) is `local`.
    func isNamed(_ local: StaticString) -> Bool {
        let count = local.utf8CodeUnitCount
        guard name.count >= count else { return false }
        let start = name.upperBound - count
        // The whole name, or the part after a prefix's colon.
        guard start == name.lowerBound || bytes[start - 1] == UInt8(ascii: ":") else { return false }
        let wanted = local.utf8Start
        for offset in 0..<count where bytes[start + offset] != wanted[offset] { return false }
        return true
    }

    /// The decoded value of the current start tag's attribute whose qualified name is
    /// `qualified` (`r`, `t`, `r:id`), or, failing that, whose local name is (prefixes vary).
    func attribute(_ qualified: StaticString) -> String? {
        if let exact = rawAttribute(qualified) { return XMLScanner.decode(exact) }
        let wanted = UnsafeBufferPointer(start: qualified.utf8Start, count: qualified.utf8CodeUnitCount)
        let local = XMLScanner.localName(wanted[...])
        guard local.count < wanted.count,
            let found = attributes.first(where: { XMLScanner.localName(bytes[$0.name]).elementsEqual(local) })
        else { return nil }
        return XMLScanner.decode(bytes[found.value])
    }

    /// The raw bytes of the current start tag's attribute named exactly `qualified`, entities
    /// still encoded: for the few attributes read on every cell (`r`, `t`, `s`), which hold none.
    func rawAttribute(_ qualified: StaticString) -> ArraySlice<UInt8>? {
        let count = qualified.utf8CodeUnitCount
        let wanted = qualified.utf8Start
        for attribute in attributes where attribute.name.count == count {
            var same = true
            for offset in 0..<count where bytes[attribute.name.lowerBound + offset] != wanted[offset] {
                same = false
                break
            }
            if same { return bytes[attribute.value] }
        }
        return nil
    }

    private func sameBytes(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        for offset in 0..<a.count where bytes[a.lowerBound + offset] != bytes[b.lowerBound + offset] { return false }
        return true
    }

    /// The current text event's characters, entities decoded.
    var text: String {
        textIsRaw ? String(decoding: bytes[textRange], as: UTF8.self) : XMLScanner.decode(bytes[textRange])
    }

    /// The current text's raw bytes when it holds no entity (the common case for numbers).
    var plainText: ArraySlice<UInt8>? {
        textIsRaw || !bytes[textRange].contains(UInt8(ascii: "&")) ? bytes[textRange] : nil
    }

    // MARK: - Scanning

    private mutating func scanStartTag() throws(XMLError) {
        position += 1
        let tagName = scanName()
        guard !tagName.isEmpty else { throw .malformed(offset: position, "a tag without a name") }
        attributes.removeAll(keepingCapacity: true)
        while true {
            skipSpace()
            guard position < bytes.count else { throw .malformed(offset: position, "the part ends inside a tag") }
            switch bytes[position] {
            case UInt8(ascii: ">"):
                position += 1
                open.append(tagName)
                name = tagName
                return
            case UInt8(ascii: "/"):
                guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: ">") else {
                    throw .malformed(offset: position, "a '/' inside a tag")
                }
                position += 2
                open.append(tagName)
                name = tagName
                pendingEnd = true
                return
            default:
                let attributeName = scanName()
                guard !attributeName.isEmpty else { throw .malformed(offset: position, "an attribute without a name") }
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
                    throw .malformed(offset: position, "an attribute without a value")
                }
                position += 1
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'")
                else { throw .malformed(offset: position, "an attribute value without quotes") }
                let quote = bytes[position]
                let start = position + 1
                guard let end = bytes[start...].firstIndex(of: quote) else {
                    throw .malformed(offset: start, "an attribute value that does not end")
                }
                guard !bytes[start..<end].contains(UInt8(ascii: "<")) else {
                    throw .malformed(offset: start, "a '<' inside an attribute value")
                }
                attributes.append((attributeName, start..<end))
                position = end + 1
            }
        }
    }

    private mutating func scanName() -> Range<Int> {
        let start = position
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ">"),
                UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                return start..<position
            default:
                position += 1
            }
        }
        return start..<position
    }

    private mutating func skipSpace() {
        while position < bytes.count, XMLScanner.isSpace(bytes[position]) { position += 1 }
    }

    private func matches(_ literal: StaticString, at offset: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        let wanted = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        return bytes[offset..<offset + count].elementsEqual(wanted)
    }

    private func find(_ literal: StaticString, from offset: Int) throws(XMLError) -> Int {
        var index = offset
        while index < bytes.count {
            if matches(literal, at: index) { return index }
            index += 1
        }
        throw .malformed(offset: offset, "'\(literal)' never comes")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func localName<C: Collection>(_ qualified: C) -> C.SubSequence where C.Element == UInt8 {
        guard let colon = qualified.firstIndex(of: UInt8(ascii: ":")) else { return qualified[...] }
        return qualified[qualified.index(after: colon)...]
    }

    // MARK: - Entities

    /// Text or an attribute value with its entity and character references replaced; a
    /// reference that is not one of XML's five or a valid character stays as written (it
    /// cannot occur in a well-formed part, and dropping it would change the cell).
    static func decode(_ raw: ArraySlice<UInt8>) -> String {
        guard raw.contains(UInt8(ascii: "&")) else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            guard byte == UInt8(ascii: "&"), let semicolon = raw[index...].prefix(12).firstIndex(of: UInt8(ascii: ";"))
            else {
                out.append(byte)
                index += 1
                continue
            }
            let entity = String(decoding: raw[(index + 1)..<semicolon], as: UTF8.self)
            if let replacement = reference(entity) {
                out.append(contentsOf: replacement.utf8)
                index = semicolon + 1
            } else {
                out.append(byte)
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func reference(_ entity: String) -> String? {
        switch entity {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            let scalar: UInt32?
            if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                scalar = UInt32(entity.dropFirst(2), radix: 16)
            } else if entity.hasPrefix("#") {
                scalar = UInt32(entity.dropFirst(), radix: 10)
            } else {
                scalar = nil
            }
            return scalar.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }
}

/// Why an XML part could not be read.
enum XMLError: Error, Equatable, Sendable, CustomStringConvertible {
    case malformed(offset: Int, String)

    var description: String {
        switch self {
        case .malformed(let offset, let what): "malformed XML at byte \(offset): \(what)"
        }
    }
}
