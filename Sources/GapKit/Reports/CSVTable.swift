/// A table written as CSV that opens cleanly in Excel: UTF-8 with a byte-order mark, CRLF line
/// ends, RFC 4180 quoting, and text that could start a formula neutralised with a leading `'`.
struct CSVTable {
    enum Cell {
        case text(String)
        case number(Double)
        case integer(Int)
        case empty
    }

    var header: [String]
    var rows: [[Cell]] = []

    init(header: [String]) {
        self.header = header
    }

    mutating func append(_ row: [Cell]) {
        rows.append(row)
    }

    /// The file's bytes.
    func bytes() -> [UInt8] {
        var out = "\u{FEFF}" + header.map { Self.field($0) }.joined(separator: ",") + "\r\n"
        for row in rows {
            out += row.map { cell -> String in
                switch cell {
                case .text(let text): return Self.field(text)
                case .number(let value): return value.isFinite ? Self.number(value) : ""
                case .integer(let value): return String(value)
                case .empty: return ""
                }
            }.joined(separator: ",") + "\r\n"
        }
        return Array(out.utf8)
    }

    /// Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection").
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"]

    /// A text field: neutralised if it could start a formula, quoted if it holds `,` `"` or a line break.
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, formulaStarts.contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" })
            || value.first == " " || value.last == " " else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Numbers unrounded, in the shortest form that reads back exactly, never in exponent form.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        let text = value.description
        return text.contains("e") ? NumberFormat.fixed(value, decimals: 12) : text
    }
}
