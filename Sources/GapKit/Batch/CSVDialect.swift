import Foundation

/// Guesses how a CSV export is written.
enum CSVDialect {
    /// The delimiters tried, in the order that wins a tie.
    static let candidates: [UInt8] = [0x2C, 0x3B, 0x09]
    /// How many records at the start of a file are looked at.
    static let sampleRecords = 20

    /// The delimiter of a file, from its first 64 KiB (`delimiter(of:complete:)`).
    static func delimiter(ofFileAt path: String) throws -> UInt8 {
        let fd: Int32
        do {
            fd = try InputFile.openRegular(path)
        } catch let error as InputError {
            // A pipe can be read only once: guessing the delimiter would consume its first rows.
            guard case .unreadable(let why) = error.reason, why.contains("FIFO") else { throw error }
            throw InputError(path: path, reason: .unreadable(why + "; a pipe is read once, so give --delimiter to read it"))
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        defer { try? handle.close() }
        let limit = 64 << 10
        var head = [UInt8](try handle.read(upToCount: limit) ?? Data())
        let complete = head.count < limit
        if let transcoder = CSVReader.utf16(Array(head.prefix(2))) {
            head = Array(String(decoding: head.dropFirst(2).chunks(littleEndian: transcoder.littleEndian), as: UTF16.self).utf8)
        }
        return delimiter(of: head, complete: complete)
    }

    /// The delimiter of the first records of an export.
    ///
    /// Excel's `sep=;` first line says it outright. Otherwise each of `,` `;` and tab splits the
    /// first records (outside quotes), and the one that gives the header's field count (more than
    /// one) on the most records wins; then the one with more fields, then the earlier in
    /// `candidates`. Counting on several records, not only the header, is what tells a semicolon
    /// export whose question texts hold unquoted commas from a comma-separated one.
    /// - Parameter complete: whether `bytes` is the whole file, so its last record is whole too.
    static func delimiter(of bytes: [UInt8], complete: Bool = true) -> UInt8 {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        if let declared = separatorLine(bytes[start...]) { return declared }
        let records = fieldCounts(bytes[start...], complete: complete)
        guard let header = records.first else { return 0x2C }
        var best: (delimiter: UInt8, matching: Int, fields: Int) = (0x2C, -1, 0)
        for (c, delimiter) in candidates.enumerated() where header[c] > 1 {
            let matching = records.count { $0[c] == header[c] }
            if matching > best.matching || (matching == best.matching && header[c] > best.fields) {
                best = (delimiter, matching, header[c])
            }
        }
        return best.delimiter
    }

    /// The delimiter an Excel `sep=X` first line declares, if the bytes start with one.
    static func separatorLine(_ bytes: ArraySlice<UInt8>) -> UInt8? {
        let prefix = Array("sep=".utf8)
        guard bytes.count >= 5, bytes.prefix(4).map({ $0 | 0x20 }) == prefix else { return nil }
        let delimiter = bytes[bytes.startIndex + 4]
        let after = bytes.dropFirst(5).first
        guard after == nil || after == 0x0A || after == 0x0D,
              delimiter < 0x80, delimiter != 0x22, delimiter != 0x0A, delimiter != 0x0D else { return nil }
        return delimiter
    }

    /// Whether a first record is an Excel `sep=X` line: `sep=` and an empty field when read with
    /// X as the delimiter, or the one field `sep=X` when read with another.
    static func isSeparatorLine(_ fields: [String]) -> Bool {
        guard let first = fields.first?.lowercased(), first.hasPrefix("sep=") else { return false }
        return fields.count == 1 && first.unicodeScalars.count == 5 || fields.count == 2 && first == "sep=" && fields[1].isEmpty
    }

    /// Fields per record for each candidate delimiter, over the first `sampleRecords` records
    /// (blank lines skipped; quotes toggle, so a line break inside quotes stays in its record).
    static func fieldCounts(_ bytes: ArraySlice<UInt8>, complete: Bool) -> [[Int]] {
        var records: [[Int]] = [], current = [Int](repeating: 1, count: candidates.count)
        var quoted = false, empty = true
        for byte in bytes {
            if byte == 0x22 { quoted.toggle() }
            if quoted { empty = false; continue }
            if byte == 0x0A || byte == 0x0D {
                if !empty { records.append(current) }
                if records.count == sampleRecords { return records }
                current = [Int](repeating: 1, count: candidates.count)
                empty = true
                continue
            }
            empty = false
            if let c = candidates.firstIndex(of: byte) { current[c] += 1 }
        }
        // The last record counts when the file ends there, or when no line ended at all.
        if !empty, complete || records.isEmpty { records.append(current) }
        return records
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
