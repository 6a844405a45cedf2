/// A Word document to write as .docx: blocks of headings, paragraphs, tables, charts and the
/// logo, with the page header and footer, in one language.
///
/// Headings use Word's own Heading 1–3 styles, so the navigation pane and the table of contents
/// work; every text is escaped as it is written.
struct WordDocument {
    enum Block {
        case heading(level: Int, text: String)
        case paragraph([Run], style: String? = nil)
        case table(Table)
        /// A table-of-contents field over Heading 1–`levels`; Word and LibreOffice update it.
        case contents(levels: Int)
        /// A chart of `charts`, by index, at a size in centimetres.
        case chart(index: Int, width: Double, height: Double)
        /// The logo, `height` centimetres tall.
        case logo(height: Double)
        case pageBreak
    }

    struct Run {
        var text: String
        var bold = false
        /// `RRGGBB`.
        var color: String?
        /// Points.
        var size: Double?

        init(_ text: String, bold: Bool = false, color: String? = nil, size: Double? = nil) {
            self.text = text
            self.bold = bold
            self.color = color
            self.size = size
        }
    }

    struct Table {
        struct Cell {
            var text: String
            /// Background `RRGGBB`.
            var fill: String?
            var bold = false

            init(_ text: String, fill: String? = nil, bold: Bool = false) {
                self.text = text
                self.fill = fill
                self.bold = bold
            }
        }

        /// Relative column widths.
        var widths: [Double]
        var header: [String]
        var rows: [[Cell]]
        /// Points; nil keeps the table style's size.
        var fontSize: Double?
        /// No padding in the cells and text centred after the first column (a grid such as the Gantt).
        var compact = false
    }

    var blocks: [Block] = []
    var charts: [Chart] = []
    /// The logo as PNG bytes, with its size in pixels.
    var logo: (png: [UInt8], width: Int, height: Int)?
    /// The report's language as Word tags it: en-GB, or zh-CN for Simplified Chinese.
    var language = "en-GB"
    /// `RRGGBB` of headings and table headers.
    var accent = "1F4E79"
    var latinFont = "Calibri"
    var eastAsianFont = "SimSun"
    var eastAsianHeadingFont = "Microsoft YaHei"
    var headerText = ""
    var footerText = ""
    /// The words around the page numbers: "Page " 1 " of " 9 "".
    var pageWords = (before: "Page ", of: " of ", after: "")
    var properties = WorkbookProperties()

    mutating func heading(_ level: Int, _ text: String) { blocks.append(.heading(level: level, text: text)) }
    mutating func paragraph(_ text: String, style: String? = nil) { blocks.append(.paragraph([Run(text)], style: style)) }
    mutating func paragraph(_ runs: [Run], style: String? = nil) { blocks.append(.paragraph(runs, style: style)) }
    mutating func table(_ table: Table) { blocks.append(.table(table)) }

    mutating func chart(_ chart: Chart, width: Double = 16, height: Double = 9) {
        charts.append(chart)
        blocks.append(.chart(index: charts.count - 1, width: width, height: height))
    }

    /// The headings in order, with the bookmark each gets.
    var headings: [(level: Int, text: String, bookmark: String)] {
        var out: [(Int, String, String)] = []
        for block in blocks {
            if case .heading(let level, let text) = block { out.append((level, text, "_Toc\(100_000 + out.count + 1)")) }
        }
        return out
    }
}
