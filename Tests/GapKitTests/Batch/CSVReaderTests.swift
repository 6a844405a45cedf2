import Testing
@testable import GapKit

/// The CSV reader's word-at-a-time tricks, checked against plain byte-by-byte code.
@Suite struct CSVReaderTests {
    /// Bytes that matter to the scan (delimiters, line ends, quotes, zero, high bytes) and a few letters.
    static let alphabet: [UInt8] = [0x2C, 0x3B, 0x09, 0x0A, 0x0D, 0x22, 0x00, 0x80, 0xFF, 0xE4, 0x01, 0x2B, 0x61, 0x62, 0x20]

    @Test func firstStopFindsTheFirstDelimiterOrLineEndInAWord() {
        var random = SeededGenerator(seed: 20261121)
        for _ in 0..<50_000 {
            let bytes = (0..<8).map { _ in Self.alphabet.randomElement(using: &random)! }
            let delimiter = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09].randomElement(using: &random)!
            let expected = bytes.firstIndex { $0 == delimiter || $0 == 0x0A || $0 == 0x0D } ?? 8
            let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            #expect(CSVReader.firstStop(in: word, delimiter: delimiter) == expected, "\(bytes) with \(delimiter)")
        }
    }

    @Test func aFieldsPackedPrefixEqualsItsBytesPacked() throws {
        // Fields of every length from 0 to 12, the last one ending the input (just before the slack).
        let fields = (0...12).map { String(repeating: "é", count: $0 / 2) + String(repeating: "x", count: $0 % 2) }
        for field in fields {
            try CSVReader(bytes: Array(("a," + field).utf8)).forEachRecord { record in
                let bytes = record[1].rawBytes
                #expect(record[1].packedPrefix == CellMatcher.pack(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes).prefix(8))),
                        "field '\(field)'")
            }
        }
    }

    /// Random exports (quoted cells with delimiters, quotes and line ends, CRLF, LF and CR rows, long
    /// and short cells) read in chunks of many sizes equal what a plain state machine reads.
    @Test func randomExportsReadAsAByteByByteReaderReadsThem() throws {
        var random = SeededGenerator(seed: 7)
        for trial in 0..<300 {
            let delimiter = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09].randomElement(using: &random)!
            let bytes = Self.randomExport(delimiter: delimiter, using: &random)
            let expected = Self.reference(bytes, delimiter: delimiter)
            for chunk in [1, 3, 8, 13, 4096] {
                var options = CSVReader.Options(delimiter: delimiter)
                options.chunkSize = chunk
                var rows: [[String]] = []
                try CSVReader(bytes: bytes, options: options).forEachRecord { rows.append($0.strings) }
                #expect(rows == expected, "trial \(trial), chunk \(chunk): \(String(decoding: bytes, as: UTF8.self).debugDescription)")
            }
        }
    }

    static func randomExport(delimiter: UInt8, using random: inout SeededGenerator) -> [UInt8] {
        let plain: [UInt8] = Array("abcyes partial 3 是".utf8)
        var bytes: [UInt8] = []
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            for column in 0..<Int.random(in: 1...12, using: &random) {
                if column > 0 { bytes.append(delimiter) }
                let length = [0, 1, 2, 5, 7, 8, 9, 15, 16, 17, 30].randomElement(using: &random)!
                if Bool.random(using: &random) && Int.random(in: 0..<4, using: &random) == 0 {
                    bytes.append(0x22)
                    for _ in 0..<length {
                        bytes += [[delimiter], [0x0A], [0x0D, 0x0A], [0x22, 0x22], [plain.randomElement(using: &random)!]]
                            .randomElement(using: &random)!
                    }
                    bytes.append(0x22)
                } else {
                    // Unquoted cells may not start with a quote, but may hold one later.
                    for index in 0..<length {
                        bytes.append(index > 0 && Int.random(in: 0..<20, using: &random) == 0 ? 0x22 : plain.randomElement(using: &random)!)
                    }
                }
            }
            bytes += [[0x0D, 0x0A], [0x0A], [0x0D]].randomElement(using: &random)!
        }
        if Bool.random(using: &random) { bytes.removeLast() }  // the last row without a line end
        return bytes
    }

    /// A byte-by-byte reader of the same dialect: blank lines skipped, quotes only at a cell's start.
    static func reference(_ bytes: [UInt8], delimiter: UInt8) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell: [UInt8] = []
        var index = 0, inQuotes = false, atCellStart = true, rowStarted = false
        func endCell() { row.append(String(decoding: cell, as: UTF8.self)); cell = []; atCellStart = true }
        func endRow() {
            endCell()
            if rowStarted { rows.append(row) }
            row = []
            rowStarted = false
        }
        while index < bytes.count {
            let byte = bytes[index]
            if !(byte == 0x0A || byte == 0x0D) || inQuotes { rowStarted = true }
            if inQuotes {
                if byte == 0x22 {
                    if index + 1 < bytes.count, bytes[index + 1] == 0x22 { cell.append(0x22); index += 1 } else { inQuotes = false }
                } else {
                    cell.append(byte)
                }
            } else if byte == 0x22 && atCellStart {
                inQuotes = true
                atCellStart = false
            } else if byte == delimiter {
                endCell()
            } else if byte == 0x0A || byte == 0x0D {
                endRow()
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else {
                cell.append(byte)
                atCellStart = false
            }
            index += 1
        }
        if rowStarted { endRow() }
        return rows
    }
}
