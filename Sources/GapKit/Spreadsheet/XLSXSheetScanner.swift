import Foundation

/// Streams the rows of one worksheet part: unpacked chunk by chunk and scanned as bytes, one row
/// in memory at a time, never a tree of the sheet. Shared and inline strings, numbers, booleans,
/// dates (a number with a date style) and merged cells (their value in every cell they cover) are
/// given as text.
final class XLSXSheetScanner {
    /// A rectangle of merged cells, rows and columns from the header's numbering (rows from 1, columns from 0).
    struct Merge {
        var top: Int, left: Int, bottom: Int, right: Int
    }

    private enum Kind { case shared, inline, string, boolean, error, number, isoDate }

    private let workbook: XLSXWorkbook
    private let part: String
    private let onRow: (XLSXRow) throws -> Void

    private var row = XLSXRow()
    private var inRow = false, lastRow = 0
    private var column = 0, lastColumn = -1, kind = Kind.number, style = 0
    private var capture = false, inInline = false
    private var text: [UInt8] = []
    private var finishedData = false, sawData = false

    private var merges: [Merge] = [], nextMerge = 0, active: [Int] = [], mergeValues: [Int: [UInt8]] = [:]

    /// A cell's text longer than this is refused (Excel's own limit is 32,767 characters).
    static let cellLimit = 1 << 20

    private struct Stop: Error {}

    init(workbook: XLSXWorkbook, part: String, onRow: @escaping (XLSXRow) throws -> Void) {
        self.workbook = workbook
        self.part = part
        self.onRow = onRow
    }

    /// Reads the sheet: first the merged cells (listed after the rows, so one pass that only
    /// searches for them), then the rows.
    /// - Parameter chunk: how many bytes are unpacked at a time (small in tests, to cut tags and texts apart).
    func run(chunk: Int = 1 << 20) throws {
        merges = try Self.merges(workbook: workbook, part: part).sorted { $0.top < $1.top }
        var pending: [UInt8] = []
        do {
            try workbook.stream(part, chunk: chunk) { chunk in
                pending.append(contentsOf: chunk)
                let used = try pending.withUnsafeBytes { try scan($0) }
                pending.removeFirst(used)
                if pending.count > Self.cellLimit + 4096 { throw failure("a tag or a cell's text is longer than \(Self.cellLimit >> 20) MiB") }
            }
        } catch is Stop {
            return
        }
        guard finishedData else {
            throw failure(sawData ? "the sheet ends inside its rows (after row \(lastRow)): the part is cut short"
                : "the sheet has no <sheetData>: this part is not a worksheet")
        }
    }

    private func failure(_ message: String, cell: String? = nil) -> DiagnosticsError {
        XLSXWorkbook.error(workbook.name, part: part, cell: cell, message)
    }

    private var cellName: String { XLSXCellReference.name(column: column, row: lastRow == row.number && !inRow ? lastRow : row.number) }

    /// Scans complete tags and the text between them; returns how many bytes were used (the rest,
    /// an unfinished tag or text, waits for the next chunk).
    private func scan(_ buffer: UnsafeRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        let count = buffer.count
        var index = 0
        while index < count {
            if buffer[index] == 0x3C {
                guard let found = memchr(base + index, 0x3E, count - index) else { break }
                var close = base.distance(to: UnsafeRawPointer(found))
                if index + 3 < count, buffer[index + 1] == 0x21, buffer[index + 2] == 0x2D {
                    // A comment: up to "-->".
                    var end = index + 4
                    while end + 2 < count, !(buffer[end] == 0x2D && buffer[end + 1] == 0x2D && buffer[end + 2] == 0x3E) { end += 1 }
                    guard end + 2 < count else { break }
                    close = end + 2
                } else {
                    try tag(UnsafeRawBufferPointer(rebasing: buffer[(index + 1)..<close]))
                }
                index = close + 1
            } else {
                guard let found = memchr(base + index, 0x3C, count - index) else { break }
                let end = base.distance(to: UnsafeRawPointer(found))
                if capture {
                    text.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[index..<end]))
                    if text.count > Self.cellLimit { throw failure("the cell's text is longer than \(Self.cellLimit >> 20) MiB", cell: cellName) }
                }
                index = end
            }
        }
        return index
    }

    private func tag(_ tag: UnsafeRawBufferPointer) throws {
        guard let first = tag.first else { return }
        if first == 0x3F || first == 0x21 { return }
        if first == 0x2F {
            let name = XMLBytes.localName(UnsafeRawBufferPointer(rebasing: tag[1...]))
            switch name.count {
            case 1 where name[0] == 0x63: try finishCell()                         // </c>
            case 1 where name[0] == 0x76: capture = false                          // </v>
            case 1 where name[0] == 0x74: if inInline { capture = false }          // </t>
            case 2 where XMLBytes.equals(name, "is"): inInline = false
            case 3 where XMLBytes.equals(name, "row"): try finishRow()
            case 9 where XMLBytes.equals(name, "sheetData"):
                finishedData = true
                throw Stop()
            default: break
            }
            return
        }
        let selfClosing = tag.last == 0x2F
        let name = XMLBytes.localName(tag)
        switch name.count {
        case 1 where name[0] == 0x63:                                              // <c>
            try startCell(tag)
            if selfClosing { try finishCell() }
        case 1 where name[0] == 0x76:                                              // <v>
            if !selfClosing {
                capture = true
                text.removeAll(keepingCapacity: true)
            }
        case 1 where name[0] == 0x74:                                              // <t> of an inline string
            if inInline, !selfClosing { capture = true }
        case 2 where XMLBytes.equals(name, "is"):
            inInline = !selfClosing
            text.removeAll(keepingCapacity: true)
        case 3 where XMLBytes.equals(name, "row"):
            try startRow(tag)
            if selfClosing { try finishRow() }
        case 9 where XMLBytes.equals(name, "sheetData"):
            sawData = true
            if selfClosing {
                finishedData = true
                throw Stop()
            }
        default:
            break
        }
    }

    private func startRow(_ tag: UnsafeRawBufferPointer) throws {
        var number: Int?, bad: String?
        XMLBytes.forEachAttribute(tag) { name, value in
            guard XMLBytes.equals(name, "r") else { return }
            number = Int(String(decoding: value, as: UTF8.self))
            if number == nil { bad = String(decoding: value, as: UTF8.self) }
        }
        if let bad { throw failure("row number '\(bad)' is not a number", cell: nil) }
        let next = number ?? lastRow + 1
        guard next > lastRow, next <= 1_048_576 else {
            throw failure("row \(next) comes after row \(lastRow); rows must be in ascending order, from 1 to 1,048,576")
        }
        row.reset(number: next)
        inRow = true
        sawData = true
        lastColumn = -1
    }

    private func startCell(_ tag: UnsafeRawBufferPointer) throws {
        guard inRow else { throw failure("a cell outside a row") }
        var reference: UnsafeRawBufferPointer?, type: UnsafeRawBufferPointer?, styleValue = 0
        // The attributes of a cell are nearly always r, s and t with double quotes: read them in one pass.
        var index = 1
        while index + 3 < tag.count {
            let byte = tag[index]
            if tag[index + 1] == 0x3D, tag[index + 2] == 0x22, XMLBytes.isSpace(tag[index - 1]) {
                var end = index + 3
                while end < tag.count, tag[end] != 0x22 { end += 1 }
                let value = UnsafeRawBufferPointer(rebasing: tag[(index + 3)..<end])
                switch byte {
                case 0x72: reference = value                                        // r
                case 0x74: type = value                                             // t
                case 0x73:                                                          // s
                    var n = 0
                    for digit in value where digit >= 0x30 && digit <= 0x39 && n < 1_000_000 { n = n * 10 + Int(digit - 0x30) }
                    styleValue = n
                default: break
                }
                index = end + 1
            } else {
                index += 1
            }
        }
        if let reference {
            guard let parsed = XLSXCellReference.parse(reference), parsed.column < 16_384 else {
                throw failure("'\(String(decoding: reference, as: UTF8.self))' is not a cell reference", cell: XLSXCellReference.name(column: lastColumn + 1, row: row.number))
            }
            column = parsed.column
        } else {
            column = lastColumn + 1
        }
        guard column > lastColumn else {
            throw failure("cell \(XLSXCellReference.name(column: column, row: row.number)) comes after \(XLSXCellReference.name(column: lastColumn, row: row.number)); cells must be in column order",
                          cell: XLSXCellReference.name(column: column, row: row.number))
        }
        style = styleValue
        kind = .number
        if let type {
            switch String(decoding: type, as: UTF8.self) {
            case "s": kind = .shared
            case "inlineStr": kind = .inline
            case "str": kind = .string
            case "b": kind = .boolean
            case "e": kind = .error
            case "d": kind = .isoDate
            case "n": kind = .number
            default:
                throw failure("unknown cell type '\(String(decoding: type, as: UTF8.self))'", cell: XLSXCellReference.name(column: column, row: row.number))
            }
        }
        text.removeAll(keepingCapacity: true)
        capture = false
        inInline = false
    }

    private func finishCell() throws {
        lastColumn = column
        capture = false
        guard !text.isEmpty else { return }
        var cell: String { XLSXCellReference.name(column: column, row: row.number) }
        switch kind {
        case .shared:
            var index = 0
            for byte in text {
                guard byte >= 0x30, byte <= 0x39, index < Int.max / 20 else {
                    throw failure("'\(String(decoding: text, as: UTF8.self))' is not a shared string number", cell: cell)
                }
                index = index * 10 + Int(byte - 0x30)
            }
            let strings = workbook.sharedStrings
            guard index < strings.count else {
                throw failure("shared string \(index) does not exist (the workbook has \(strings.count))", cell: cell)
            }
            strings.bytes.withUnsafeBytes { row.append(column: column, UnsafeRawBufferPointer(rebasing: $0[strings.range(index)])) }
        case .boolean:
            row.append(column: column, Array((text == [0x31] ? "TRUE" : "FALSE").utf8))
        case .number where style < workbook.dateStyles.count && workbook.dateStyles[style]:
            guard let serial = Double(String(decoding: text, as: UTF8.self)) else {
                throw failure("'\(String(decoding: text, as: UTF8.self))' is not a number", cell: cell)
            }
            row.append(column: column, Array(ExcelDate.text(serial: serial, date1904: workbook.date1904).utf8))
        default:
            if text.contains(0x26) {
                var decoded: [UInt8] = []
                decoded.reserveCapacity(text.count)
                let ok = text.withUnsafeBytes { XMLBytes.appendDecoded($0, to: &decoded) }
                guard ok else { throw failure("an unknown entity in '\(String(decoding: text.prefix(60), as: UTF8.self))'", cell: cell) }
                row.append(column: column, decoded)
            } else {
                text.withUnsafeBytes { row.append(column: column, $0) }
            }
        }
    }

    private func finishRow() throws {
        guard inRow else { return }
        inRow = false
        if !merges.isEmpty { fillMerges() }
        lastRow = row.number
        try onRow(row)
    }

    /// Gives every cell a merge covers the value of its top-left cell.
    private func fillMerges() {
        let number = row.number
        while nextMerge < merges.count, merges[nextMerge].top <= number {
            active.append(nextMerge)
            nextMerge += 1
        }
        active.removeAll { merges[$0].bottom < number }
        var added = false
        for m in active {
            let merge = merges[m]
            if merge.top == number, let value = row.value(ofColumn: merge.left) { mergeValues[m] = Array(value.utf8) }
            guard let value = mergeValues[m] else { continue }
            for column in merge.left...merge.right where !(number == merge.top && column == merge.left) && !row.columns.contains(column) {
                row.append(column: column, value)
                added = true
            }
        }
        if added { row.sortByColumn() }
    }

    /// The merged cells of a sheet: a pass that only searches the unpacked bytes for `mergeCell`
    /// (they come after the rows) and reads the XML from there.
    static func merges(workbook: XLSXWorkbook, part: String) throws -> [Merge] {
        let needle = Array("mergeCell".utf8)
        var tail: [UInt8] = [], found: [UInt8]? = nil
        try workbook.stream(part) { chunk in
            if var collected = found {
                found = nil  // keep the array uniquely referenced while it grows
                collected.append(contentsOf: chunk)
                found = collected
                if collected.count > XLSXWorkbook.partLimit { throw XLSXWorkbook.error(workbook.name, part: part, "the merged cells take more than \(XLSXWorkbook.partLimit >> 20) MiB") }
                return
            }
            let window = tail + Array(chunk)
            if let offset = window.withUnsafeBytes({ search($0, for: needle) }) {
                let start = window[..<offset].lastIndex(of: 0x3C) ?? offset
                found = Array(window[start...])
            } else {
                tail = Array(window.suffix(needle.count))
            }
        }
        guard let found else { return [] }
        var merges: [Merge] = []
        do {
            try XMLEventReader.read(found) { event in
                guard case let .start(name, attributes, _) = event, name == "mergeCell", let ref = attributes["ref"] else { return }
                let corners = ref.split(separator: ":").map { Array($0.utf8).withUnsafeBytes { XLSXCellReference.parse($0) } }
                guard corners.count == 2, let a = corners[0], let b = corners[1], a.row <= b.row, a.column <= b.column else {
                    throw XLSXWorkbook.error(workbook.name, part: part, "merged cells '\(ref)' are not a range such as A1:C1")
                }
                merges.append(Merge(top: a.row, left: a.column, bottom: b.row, right: b.column))
            }
        } catch let error as XMLEventReader.Malformed {
            throw XLSXWorkbook.error(workbook.name, part: part, "not well-formed XML after the rows: \(error.message)")
        }
        return merges
    }
}

/// Where `needle` first occurs in `bytes`: memchr for its first byte, then a compare.
func search(_ bytes: UnsafeRawBufferPointer, for needle: [UInt8]) -> Int? {
    guard let base = bytes.baseAddress, let first = needle.first else { return nil }
    var index = 0
    while index + needle.count <= bytes.count {
        guard let found = memchr(base + index, Int32(first), bytes.count - index - needle.count + 1) else { return nil }
        let at = base.distance(to: UnsafeRawPointer(found))
        if memcmp(base + at, needle, needle.count) == 0 { return at }
        index = at + 1
    }
    return nil
}

/// Excel's serial dates: days since 1899-12-30 (with Excel's 29 February 1900 for 60), or since 1904-01-01.
enum ExcelDate {
    static func text(serial: Double, date1904: Bool) -> String {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return String(serial) }
        let seconds = Int((serial * 86_400).rounded())
        let whole = serial < 1
        var days = seconds / 86_400
        let time = seconds % 86_400
        if !date1904, days > 0, days < 61 { days += 1 }  // before Excel's nonexistent 1900-02-29
        // Days since 1970-01-01, then the civil date (Howard Hinnant's algorithm).
        let z = days + (date1904 ? -24_107 : -25_569) + 719_468
        let era = z / 146_097, doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let date = "\(year)-\(two(month))-\(two(day))"
        if time == 0 { return date }
        let clock = "\(two(time / 3_600)):\(two(time / 60 % 60)):\(two(time % 60))"
        return whole ? clock : date + " " + clock
    }
}
