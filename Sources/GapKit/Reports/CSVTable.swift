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

    /// Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"),
    /// including their full-width forms.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"]

    /// A text field: neutralised if it could start a formula, quoted if it holds `,` `;` `"`, a line
    /// break, or leading or trailing spaces; control characters other than tab and line breaks
    /// become U+FFFD, as in the HTML report. One pass over the UTF-8 bytes: respondents.csv calls
    /// it for every row.
    static func field(_ text: String) -> String {
        var needsQuotes = text.utf8.first == 0x20 || text.utf8.last == 0x20
        var quotes = 0, controls = false
        for byte in text.utf8 {
            switch byte {
            case 0x22: quotes += 1; needsQuotes = true
            case 0x2C, 0x3B, 0x0A, 0x0D: needsQuotes = true
            case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F: controls = true
            default: break
            }
        }
        let text = controls ? XMLCharacters.cleaned(text) : text
        let neutralise = text.unicodeScalars.first.map { formulaStarts.contains($0) } ?? false
        let value = neutralise ? "'" + text : text
        guard needsQuotes else { return value }
        guard quotes > 0 else { return "\"" + value + "\"" }
        var out = "\""
        out.reserveCapacity(value.utf8.count + quotes + 2)
        for scalar in value.unicodeScalars {
            if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
        }
        return out + "\""
    }

    /// Numbers unrounded, in the shortest form that reads back exactly, never in exponent form.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        let text = value.description
        return text.contains("e") ? NumberFormat.fixed(value, decimals: 12) : text
    }
}
