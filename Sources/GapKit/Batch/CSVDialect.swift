import Foundation

/// Guesses how a CSV export is written.
enum CSVDialect {
    /// The delimiter of the header line: whichever of `,` `;` and tab occurs most outside quotes (`,` on a tie).
    static func delimiter(ofFileAt path: String) throws -> UInt8 {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw InputError(path: path, reason: .unreadable("permission denied")) }
        defer { try? handle.close() }
        var head = [UInt8](try handle.read(upToCount: 64 << 10) ?? Data())
        if let transcoder = CSVReader.utf16(Array(head.prefix(2))) {
            head = Array(String(decoding: head.dropFirst(2).chunks(littleEndian: transcoder.littleEndian), as: UTF16.self).utf8)
        }
        return delimiter(ofHeader: head)
    }

    static func delimiter(ofHeader bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var quoted = false
        for byte in bytes {
            if byte == 0x22 { quoted.toggle() }
            if quoted { continue }
            if byte == 0x0A || byte == 0x0D { break }
            if counts[byte] != nil { counts[byte, default: 0] += 1 }
        }
        let best = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }
        return best.map { $0.value > 0 ? $0.key : 0x2C } ?? 0x2C
    }
}

extension Collection where Element == UInt8 {
    /// UTF-16 code units from bytes (a trailing odd byte is dropped).
    func chunks(littleEndian: Bool) -> [UInt16] {
        let bytes = Array(self)
        return stride(from: 0, to: bytes.count - 1, by: 2).map {
            littleEndian ? UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8 : UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1])
        }
    }
}
