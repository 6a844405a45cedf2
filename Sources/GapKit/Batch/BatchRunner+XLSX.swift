import Foundation

extension BatchRunner {
    /// An Excel workbook laid out like a CSV export: the first sheet (or `--sheet`), its first row
    /// the header, one respondent per later row, named by spreadsheet row numbers.
    func readXLSX(_ path: String, name file: String) throws {
        let workbook = try XLSXWorkbook(path: path, name: file)
        let part = try workbook.sheetPart(named: options.sheet)
        var headers: [String] = [], sawHeader = false
        var questionColumns: [(column: Int, question: Int, matcher: Int)] = [], idColumn: Int?, groupColumns: [Int] = []
        // Column → the index in questionColumns, or -1.
        var questionAt: [Int] = []
        let matchers = self.matchers
        let pipeline = RowPipeline(questions: layout.questions.count) { [unowned self] codes, id, group, row in
            try self.record(codes, id: id, group: group, file: file, row: row)
        }
        var finished = false
        defer { if !finished { try? pipeline.finish() } }
        var rowsRead = 0
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let scanner = XLSXSheetScanner(workbook: workbook, part: part) { [unowned self] row in
            if !sawHeader {
                guard row.count > 0 else { return }
                sawHeader = true
                let width = (row.columns.last ?? -1) + 1
                headers = (0..<width).map { row.value(ofColumn: $0) ?? "" }
                let roles = resolver.roles(headers)
                (questionColumns, idColumn, groupColumns) = try columns(roles, headers: headers, path: file)
                questionAt = [Int](repeating: -1, count: width)
                for (index, entry) in questionColumns.enumerated() { questionAt[entry.column] = index }
                return
            }
            let codes = pipeline.nextRow()
            var id: String?, group = [String](repeating: "", count: groupColumns.count)
            try row.bytes.withUnsafeBytes { bytes in
                for cell in 0..<row.count {
                    let column = row.columns[cell]
                    guard column < questionAt.count else {
                        try reject(file: file, row: row.number, column: XLSXCellReference.name(column: column, row: row.number),
                                   value: row.string(cell), reason: "a cell beyond the last column of the header")
                        continue
                    }
                    if column == idColumn { id = row.string(cell) }
                    if let g = groupColumns.firstIndex(of: column) { group[g] = row.string(cell).trimmingCharacters(in: .whitespaces) }
                    let q = questionAt[column]
                    guard q >= 0 else { continue }
                    let (_, question, matcher) = questionColumns[q]
                    let code = matchers[matcher].code(UnsafeRawBufferPointer(rebasing: bytes[row.range(cell)]))
                    if code >= CellMatcher.rejected {
                        try reject(file: file, row: row.number, column: headers[column], value: row.string(cell),
                                   reason: matchers[matcher].reason(code), summary: layout.questions[question].id)
                    } else if code != CellMatcher.empty {
                        codes[question] = code
                    }
                }
            }
            try pipeline.commit(id: id, group: group, row: row.number)
            rowsRead += 1
            if rowsRead & 0x3FFF == 0 { progress?(size / 2, size) }
        }
        try scanner.run()
        finished = true
        try pipeline.finish()
        guard sawHeader else {
            throw XLSXWorkbook.error(file, part: part, "the sheet is empty; expected a header row, then one row per respondent")
        }
        progress?(size, size)
    }
}
