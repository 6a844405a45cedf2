/// Byte-level helpers for the XML of Office files: tag names without their namespace prefix,
/// attributes, and the five entities plus character references.
enum XMLBytes {
    /// The local name of a tag's bytes (after `<` or `</`): `x:row r="1"` → `row`.
    static func localName(_ tag: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var end = 0
        while end < tag.count {
            let byte = tag[end]
            if byte == 0x20 || byte == 0x2F || byte == 0x3E || byte == 0x09 || byte == 0x0A || byte == 0x0D { break }
            end += 1
        }
        var start = 0
        for index in 0..<end where tag[index] == 0x3A { start = index + 1 }
        return UnsafeRawBufferPointer(rebasing: tag[start..<end])
    }

    static func equals(_ bytes: UnsafeRawBufferPointer, _ text: StaticString) -> Bool {
        guard bytes.count == text.utf8CodeUnitCount else { return false }
        let other = text.utf8Start
        for index in 0..<bytes.count where bytes[index] != other[index] { return false }
        return true
    }

    /// Each attribute of a tag's bytes: its local name and raw value (entities not yet decoded).
    static func forEachAttribute(_ tag: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Void) {
        var index = 0
        // Skip the element name.
        while index < tag.count, !isSpace(tag[index]), tag[index] != 0x2F { index += 1 }
        while index < tag.count {
            while index < tag.count, isSpace(tag[index]) { index += 1 }
            let nameStart = index
            while index < tag.count, tag[index] != 0x3D, !isSpace(tag[index]), tag[index] != 0x2F { index += 1 }
            let nameEnd = index
            while index < tag.count, isSpace(tag[index]) { index += 1 }
            guard index < tag.count, tag[index] == 0x3D else {
                index += 1
                continue
            }
            index += 1
            while index < tag.count, isSpace(tag[index]) { index += 1 }
            guard index < tag.count, tag[index] == 0x22 || tag[index] == 0x27 else { continue }
            let quote = tag[index]
            index += 1
            let valueStart = index
            while index < tag.count, tag[index] != quote { index += 1 }
            let name = localName(UnsafeRawBufferPointer(rebasing: tag[nameStart..<nameEnd]))
            body(name, UnsafeRawBufferPointer(rebasing: tag[valueStart..<min(index, tag.count)]))
            index += 1
        }
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// Text with `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` and `&#…;` decoded, appended to `out`;
    /// false when an entity is not one of those.
    @discardableResult
    static func appendDecoded(_ text: UnsafeRawBufferPointer, to out: inout [UInt8]) -> Bool {
        var index = 0, ok = true
        while index < text.count {
            let byte = text[index]
            guard byte == 0x26 else {
                out.append(byte)
                index += 1
                continue
            }
            var end = index + 1
            while end < text.count, end - index < 12, text[end] != 0x3B { end += 1 }
            guard end < text.count, text[end] == 0x3B else {
                ok = false
                out.append(byte)
                index += 1
                continue
            }
            let name = String(decoding: UnsafeRawBufferPointer(rebasing: text[(index + 1)..<end]), as: UTF8.self)
            var scalar: Unicode.Scalar?
            switch name {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if name.hasPrefix("#") {
                    scalar = UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
                }
            }
            if let scalar {
                out.append(contentsOf: String(scalar).utf8)
            } else {
                ok = false
                out.append(contentsOf: UnsafeRawBufferPointer(rebasing: text[index...end]))
            }
            index = end + 1
        }
        return ok
    }

    static func string(_ bytes: UnsafeRawBufferPointer) -> String {
        var out: [UInt8] = []
        appendDecoded(bytes, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

/// A small XML part (workbook, relationships, styles, shared strings) read as events in one pass:
/// no tree is built. Comments, processing instructions and CDATA are handled; DTDs are refused.
struct XMLEventReader {
    enum Event {
        case start(name: String, attributes: [String: String], selfClosing: Bool)
        case end(name: String)
        case text([UInt8])
    }

    struct Malformed: Error {
        var message: String
    }

    /// Calls `body` with each event of `data`.
    static func read(_ data: [UInt8], _ body: (Event) throws -> Void) throws {
        try data.withUnsafeBytes { buffer in
            var index = 0
            var text: [UInt8] = []
            func flushText() throws {
                if !text.isEmpty {
                    try body(.text(text))
                    text.removeAll(keepingCapacity: true)
                }
            }
            while index < buffer.count {
                if buffer[index] != 0x3C {
                    var end = index
                    while end < buffer.count, buffer[end] != 0x3C { end += 1 }
                    XMLBytes.appendDecoded(UnsafeRawBufferPointer(rebasing: buffer[index..<end]), to: &text)
                    index = end
                    continue
                }
                let rest = UnsafeRawBufferPointer(rebasing: buffer[index...])
                if starts(rest, "<!--") {
                    guard let close = find(rest, "-->") else { throw Malformed(message: "a comment is not closed") }
                    index += close + 3
                } else if starts(rest, "<![CDATA[") {
                    guard let close = find(rest, "]]>") else { throw Malformed(message: "a CDATA section is not closed") }
                    text.append(contentsOf: UnsafeRawBufferPointer(rebasing: rest[9..<close]))
                    index += close + 3
                } else if starts(rest, "<!") {
                    throw Malformed(message: "a document type declaration is not allowed in an Office file")
                } else if starts(rest, "<?") {
                    guard let close = find(rest, "?>") else { throw Malformed(message: "a processing instruction is not closed") }
                    index += close + 2
                } else {
                    guard let close = rest.firstIndex(of: 0x3E) else { throw Malformed(message: "a tag is not closed before the end") }
                    try flushText()
                    let isEnd = rest.count > 1 && rest[1] == 0x2F
                    let selfClosing = close > 0 && rest[close - 1] == 0x2F
                    let tag = UnsafeRawBufferPointer(rebasing: rest[(isEnd ? 2 : 1)..<(selfClosing ? close - 1 : close)])
                    let name = String(decoding: XMLBytes.localName(tag), as: UTF8.self)
                    if isEnd {
                        try body(.end(name: name))
                    } else {
                        var attributes: [String: String] = [:]
                        XMLBytes.forEachAttribute(tag) { key, value in
                            attributes[String(decoding: key, as: UTF8.self)] = XMLBytes.string(value)
                        }
                        try body(.start(name: name, attributes: attributes, selfClosing: selfClosing))
                        if selfClosing { try body(.end(name: name)) }
                    }
                    index += close + 1
                }
            }
            try flushText()
        }
    }

    private static func starts(_ bytes: UnsafeRawBufferPointer, _ prefix: StaticString) -> Bool {
        guard bytes.count >= prefix.utf8CodeUnitCount else { return false }
        for index in 0..<prefix.utf8CodeUnitCount where bytes[index] != prefix.utf8Start[index] { return false }
        return true
    }

    private static func find(_ bytes: UnsafeRawBufferPointer, _ needle: StaticString) -> Int? {
        let count = needle.utf8CodeUnitCount
        guard bytes.count >= count else { return nil }
        var index = 0
        while index + count <= bytes.count {
            if bytes[index] == needle.utf8Start[0], starts(UnsafeRawBufferPointer(rebasing: bytes[index...]), needle) { return index }
            index += 1
        }
        return nil
    }
}
