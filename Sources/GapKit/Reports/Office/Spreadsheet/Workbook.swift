/// A spreadsheet to write as .xlsx: sheets of typed cells, with the layout a reader needs
/// (frozen header rows, filters, widths, drop-down lists, conditional fills).
///
/// Text is always stored as text (an inline string), never as a formula: a note that starts with
/// `=` stays a note. Numbers, percentages and dates are numbers with a number format.
struct Workbook {
    var sheets: [Worksheet] = []
    /// The font for the cells: a Latin font, and the East Asian one for Chinese text.
    var font = "Calibri"
    /// `RRGGBB` of header rows and titles.
    var accent = "1F4E79"
    var properties = WorkbookProperties()

    init(sheets: [Worksheet] = []) { self.sheets = sheets }
}

/// Title, author and date written into the file's properties.
struct WorkbookProperties {
    var title = ""
    var subject: String?
    var creator: String?
    var language = "en"
    var date: CalendarDate?
}

struct Worksheet {
    var name: String
    var rows: [[Cell]] = []
    /// Widths in characters by column index; columns not listed fit their content.
    var widths: [Int: Double] = [:]
    /// Rows kept in view at the top when scrolling.
    var frozenRows = 0
    /// The 1-based row of the header whose columns get filter buttons (down to the last row).
    var filterRow: Int?
    var validations: [DataValidation] = []
    var fills: [ConditionalFill] = []

    init(name: String) { self.name = name }

    /// The 1-based number of the next row appended.
    var nextRow: Int { rows.count + 1 }
    var columnCount: Int { rows.map(\.count).max() ?? 0 }

    mutating func append(_ row: [Cell]) { rows.append(row) }
}

struct Cell {
    enum Value {
        case none
        case text(String)
        case number(Double)
        case date(CalendarDate)
    }

    var value: Value
    var style: CellStyle

    static let empty = Cell(value: .none, style: .text)
    static func text(_ text: String, _ style: CellStyle = .text) -> Cell { Cell(value: .text(text), style: style) }
    static func header(_ text: String) -> Cell { Cell(value: .text(text), style: .header) }
    static func integer(_ value: Int) -> Cell { Cell(value: .number(Double(value)), style: .integer) }
    static func number(_ value: Double, _ style: CellStyle = .decimal) -> Cell {
        Cell(value: value.isFinite ? .number(value) : .none, style: style)
    }
    /// A share of 1 shown as a percentage; nil is an empty cell.
    static func percent(_ value: Double?) -> Cell { value.map { number($0, .percent) } ?? Cell(value: .none, style: .percent) }
    static func date(_ date: CalendarDate?, _ style: CellStyle = .date) -> Cell { Cell(value: date.map(Value.date) ?? .none, style: style) }
}

/// The cell formats of every workbook (their order is the order of `cellXfs` in styles.xml).
enum CellStyle: Int, CaseIterable {
    case plain, header, text, integer, decimal, percent, date, title, label, inputText, inputPercent, inputDate

    var numberFormat: Int {
        switch self {
        case .integer: return 1
        case .decimal: return SpreadsheetStylesPart.decimalFormat
        case .percent: return SpreadsheetStylesPart.percentFormat
        case .inputPercent: return 9
        case .date, .inputDate: return SpreadsheetStylesPart.dateFormat
        default: return 0
        }
    }
}

/// A1-style references.
enum CellReference {
    /// 0 → A, 25 → Z, 26 → AA.
    static func column(_ index: Int) -> String {
        var index = index + 1, name = ""
        while index > 0 {
            let rest = (index - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + rest))) + name
            index = (index - 1) / 26
        }
        return name
    }

    /// Column index (0-based) and row (1-based) → `B7`.
    static func cell(_ column: Int, _ row: Int) -> String { self.column(column) + String(row) }

    static func range(_ column: Int, _ row: Int, _ lastColumn: Int, _ lastRow: Int) -> String {
        cell(column, row) + ":" + cell(lastColumn, lastRow)
    }
}

/// A drop-down list or a number/date check on a range of cells.
struct DataValidation {
    enum Kind {
        case list([String])
        case decimal(min: Double, max: Double)
        case date
    }

    var range: String
    var kind: Kind
}

/// A fill a cell gets when its value equals `value`.
struct ConditionalFill {
    enum Tone: Int, CaseIterable {
        case good, warning, bad, neutral

        var rgb: String {
            switch self {
            case .good: return "C6EFCE"
            case .warning: return "FFEB9C"
            case .bad: return "FFC7CE"
            case .neutral: return "E7E6E6"
            }
        }
    }

    var range: String
    var value: String
    var tone: Tone
}
