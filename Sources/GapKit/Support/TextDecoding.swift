/// Turns the bytes of a text file into a String, or says exactly where they stop being text.
enum TextDecoding {
    struct Failure: Error {
        var message: String
        var position: SourcePosition
        /// The text before the bad byte, so the diagnostic can quote the line.
        var validPrefix: String
    }

    /// UTF-8 (a leading byte-order mark is dropped) or UTF-16 with a byte-order mark.
    static func decode(_ bytes: [UInt8]) -> Result<String, Failure> {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return decodeUTF16(bytes)
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let offset = firstInvalidUTF8(body) {
            let prefix = String(decoding: body[..<offset], as: UTF8.self)
            return .failure(Failure(
                message: "invalid UTF-8: the bytes from 0x\(String(body[offset], radix: 16, uppercase: true)) on are not a UTF-8 character; save the file as UTF-8",
                position: position(ofByte: offset, in: body), validPrefix: prefix))
        }
        return .success(String(decoding: body, as: UTF8.self))
    }

    private static func decodeUTF16(_ bytes: [UInt8]) -> Result<String, Failure> {
        let littleEndian = bytes[0] == 0xFF
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 2
        while index + 1 < bytes.count {
            let (a, b) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        var text = ""
        var iterator = units.makeIterator()
        var decoder = UTF16()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): text.unicodeScalars.append(scalar)
            case .emptyInput: break loop
            case .error:
                let position = position(ofByte: text.utf8.count, in: Array(text.utf8))
                return .failure(Failure(message: "invalid UTF-16: unpaired surrogate", position: position, validPrefix: text))
            }
        }
        if bytes.count % 2 == 1 {
            let position = position(ofByte: text.utf8.count, in: Array(text.utf8))
            return .failure(Failure(message: "invalid UTF-16: odd number of bytes", position: position, validPrefix: text))
        }
        return .success(text)
    }

    /// Offset of the first byte that does not start a well-formed UTF-8 sequence, or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            if bytes[i + 1] < low || bytes[i + 1] > high { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    /// The 1-based line and column (in characters) of a byte offset into UTF-8 text.
    static func position(ofByte offset: Int, in bytes: [UInt8]) -> SourcePosition {
        var line = 1, column = 1
        for byte in bytes.prefix(offset) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourcePosition(line: line, column: column)
    }
}
