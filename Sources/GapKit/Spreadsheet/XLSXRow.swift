/// One row of a sheet: its spreadsheet number and its non-empty cells (column index from 0, the
/// value's UTF-8 bytes), in column order. Reused from row to row.
struct XLSXRow {
    var number = 0
    private(set) var columns: [Int] = []
    private(set) var ends: [Int] = []
    private(set) var bytes: [UInt8] = []

    var count: Int { columns.count }

    mutating func reset(number: Int) {
        self.number = number
        columns.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func append(column: Int, _ value: UnsafeRawBufferPointer) {
        columns.append(column)
        bytes.append(contentsOf: value)
        ends.append(bytes.count)
    }

    mutating func append(column: Int, _ value: [UInt8]) {
        value.withUnsafeBytes { append(column: column, $0) }
    }

    func range(_ index: Int) -> Range<Int> { (index == 0 ? 0 : ends[index - 1])..<ends[index] }

    func string(_ index: Int) -> String { String(decoding: bytes[range(index)], as: UTF8.self) }

    /// The value of column `column`, or nil when that cell is empty.
    func value(ofColumn column: Int) -> String? {
        columns.firstIndex(of: column).map(string)
    }

    /// Sorts the cells by column (merged cells are added after the others).
    mutating func sortByColumn() {
        guard zip(columns, columns.dropFirst()).contains(where: { $0 >= $1 }) else { return }
        let order = columns.indices.sorted { columns[$0] < columns[$1] }
        let values = order.map { Array(bytes[range($0)]) }
        let sorted = order.map { columns[$0] }
        reset(number: number)
        for (column, value) in zip(sorted, values) { append(column: column, value) }
    }
}

/// A cell reference: `AB12` → column 27 (from 0) and row 12.
enum XLSXCellReference {
    static func parse(_ bytes: UnsafeRawBufferPointer) -> (column: Int, row: Int)? {
        var column = 0, row = 0, index = 0
        while index < bytes.count, index < 3 {
            let byte = bytes[index] | 0x20
            guard byte >= 0x61, byte <= 0x7A else { break }
            column = column * 26 + Int(byte - 0x60)
            index += 1
        }
        guard column > 0, index < bytes.count else { return nil }
        while index < bytes.count {
            let digit = bytes[index] &- 0x30
            guard digit < 10, row < 10_000_000 else { return nil }
            row = row * 10 + Int(digit)
            index += 1
        }
        return row > 0 ? (column - 1, row) : nil
    }

    static func name(column: Int, row: Int) -> String {
        var letters = "", n = column + 1
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(Character(Unicode.Scalar(UInt8(65 + r)))) + letters
            n = (n - 1) / 26
        }
        return letters + String(row)
    }
}
