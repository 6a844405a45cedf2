import Foundation

/// Reads survey exports (CSV, JSON Lines, or a folder of answer files) row by row into a
/// `BatchAggregator`, streaming one line per respondent and one per rejected cell to their files.
///
/// Nothing is silently dropped: a cell that is not an answer is rejected with its row, column,
/// value and reason, and the rest of its row is still scored.
public final class BatchRunner {
    let questionnaire: Questionnaire
    let options: BatchOptions
    let layout: BatchLayout
    let aggregator: BatchAggregator
    let resolver: ColumnResolver
    /// One matcher per scale, in a buffer: a cell's lookup then costs no exclusivity or copy-on-write
    /// check, and the few tables of raw cells they learn stay in the processor's fastest cache.
    private let matchers: UnsafeMutableBufferPointer<CellMatcher>
    /// The index in `matchers` of each question's scale.
    private let matcherOfQuestion: [Int]
    private let respondentsFile: StagedFile?
    private let rejectsFile: StagedFile?
    /// Called now and then with the bytes read so far and the file's size.
    public var progress: ((Int, Int) -> Void)?

    public private(set) var respondents = 0
    public private(set) var rejectedCells = 0
    /// Columns that are neither a question, the id nor a group-by column, once each.
    public private(set) var unmatchedColumns: [String] = []
    /// (column, reason) → how many cells, and the first row it happened in.
    public private(set) var rejectsByReason: [String: (count: Int, firstRow: String)] = [:]
    public private(set) var duplicateIds: [String] = []
    public private(set) var duplicateCount = 0
    private var seenIds = Set<UInt64>()
    /// One code per question for the row being read, reused for every row.
    private let codes: UnsafeMutableBufferPointer<UInt8>
    /// Rejections by column and kind, for the summary.
    private var rejectCounts: [String: Int] = [:]

    public init(questionnaire: Questionnaire, options: BatchOptions, respondents: StagedFile?, rejects: StagedFile?) throws(OutputError) {
        self.questionnaire = questionnaire
        self.options = options
        layout = BatchLayout(questionnaire)
        aggregator = BatchAggregator(layout: layout)
        resolver = ColumnResolver(questionnaire: questionnaire, options: options)
        // One matcher per scale, shared by its questions; the last one, matching nothing, is for a
        // question whose scale is unknown (a validated questionnaire has none).
        let scales = questionnaire.scales + [.init(id: "", options: [], allowNA: false)]
        matchers = .allocate(capacity: scales.count)
        _ = matchers.initialize(from: scales.map { CellMatcher(scale: $0, languages: questionnaire.languages, map: options.map) })
        matcherOfQuestion = layout.questions.map { question in
            questionnaire.scales.firstIndex { $0.id == question.scale } ?? scales.count - 1
        }
        codes = .allocate(capacity: layout.questions.count)
        codes.initialize(repeating: CellMatcher.empty)
        respondentsFile = respondents
        rejectsFile = rejects
        // A byte-order mark first, so Excel reads the files as UTF-8.
        try rejects?.write("\u{FEFF}file,row,column,value,reason\r\n")
        let header = ["respondent"] + options.groupBy + ["file", "row", "answered", "applicable", "overall"]
            + questionnaire.areas.map(\.id)
        try respondents?.write("\u{FEFF}" + header.map(CSVTable.field).joined(separator: ",") + "\r\n")
    }

    deinit {
        codes.deallocate()
        matchers.deinitialize()
        matchers.deallocate()
    }

    /// Reads one input: a folder of answer files, a JSON Lines file (.jsonl, .ndjson) or a CSV export.
    public func read(_ path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(path: path, reason: .notFound)
        }
        if isDirectory.boolValue { return try readFolder(path) }
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        if ext == "jsonl" || ext == "ndjson" { return try readJSONLines(path) }
        try readCSV(path)
    }

    /// The aggregated result of everything read.
    public func finish() throws -> BatchResult {
        try respondentsFile?.commit()
        try rejectsFile?.commit()
        let (overall, groups) = aggregator.result(options: options, groupColumns: options.groupBy)
        return BatchResult(overall: overall, groups: groups, options: options, respondents: respondents, rejectedCells: rejectedCells,
                           duplicateIds: duplicateCount, unmatchedColumns: unmatchedColumns)
    }

    /// Removes the partial output files.
    public func discard() {
        respondentsFile?.discard()
        rejectsFile?.discard()
    }

    // MARK: CSV

    private func readCSV(_ path: String) throws {
        var csvOptions = CSVReader.Options()
        csvOptions.delimiter = try options.delimiter ?? CSVDialect.delimiter(ofFileAt: path)
        let reader = try CSVReader(path: path, options: csvOptions)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        var roles: [ColumnResolver.Role] = [], headers: [String] = []
        var questionColumns: [(column: Int, question: Int, matcher: Int)] = [], idColumn: Int?, groupColumns: [Int] = []
        let file = URL(fileURLWithPath: path).lastPathComponent
        let matchers = self.matchers
        // Counting, scoring and writing respondents run on a second thread (RowPipeline).
        let pipeline = RowPipeline(questions: layout.questions.count) { [unowned self] codes, id, group, row in
            try self.record(codes, id: id, group: group, file: file, row: row)
        }
        var finished = false
        defer { if !finished { try? pipeline.finish() } }
        do {
            try reader.forEachRecord { record in
                if record.index == 0 {
                    headers = record.strings
                    roles = resolver.roles(headers)
                    (questionColumns, idColumn, groupColumns) = try columns(roles, headers: headers, path: path)
                    return
                }
                let row = record.index + 1
                let codes = pipeline.nextRow()
                for (column, question, matcher) in questionColumns where column < record.count {
                    let field = record[column]
                    if field.isEmpty { continue }
                    let raw = UnsafeRawBufferPointer(field.rawBytes)
                    let code = field.doubledQuotes != 0 ? field.withUnescapedBytes { matchers[matcher].code(UnsafeRawBufferPointer($0)) }
                        : raw.count <= 8 ? matchers[matcher].code(packed: field.packedPrefix, raw) : matchers[matcher].code(raw)
                    if code >= CellMatcher.rejected {
                        try reject(file: file, row: row, column: headers[column], value: field.string,
                                   reason: matchers[matcher].reason(code))
                    } else {
                        codes[question] = code
                    }
                }
                if record.count > headers.count {
                    for extra in headers.count..<record.count where !record[extra].isEmpty {
                        try reject(file: file, row: row, column: "column \(extra + 1)", value: record[extra].string,
                                   reason: "a cell beyond the last column of the header")
                    }
                }
                let id = idColumn.flatMap { $0 < record.count ? record[$0].string : nil }
                let group = groupColumns.map { $0 < record.count ? record[$0].string : "" }
                try pipeline.commit(id: id, group: group, row: row)
                if record.index & 0x3FFF == 0 { progress?(reader.bytesRead, size) }
            }
            finished = true
            try pipeline.finish()
        } catch let error as CSVReadError {
            throw DiagnosticsError(file: SourceFile(path: path, text: ""), .error(error.description, at: nil))
        }
        progress?(size, size)
    }

    /// Question, id and group columns of a header; every `--group-by` and `--id-column` must be there.
    private func columns(_ roles: [ColumnResolver.Role], headers: [String], path: String) throws
        -> ([(column: Int, question: Int, matcher: Int)], Int?, [Int]) {
        var questions: [(Int, Int, Int)] = [], id: Int?, groups = [Int](repeating: -1, count: options.groupBy.count)
        var claimed: [Int: Int] = [:]
        var problems: [Diagnostic] = []
        for (column, role) in roles.enumerated() {
            switch role {
            case .question(let q):
                if let first = claimed[q] {
                    problems.append(.error("columns \(first + 1) and \(column + 1) both hold question \(layout.questions[q].id)", at: nil))
                } else {
                    claimed[q] = column
                    questions.append((column, q, matcherOfQuestion[q]))
                }
            case .id: id = id ?? column
            case .group(let g): groups[g] = column
            case .ignored:
                if !unmatchedColumns.contains(headers[column]) { unmatchedColumns.append(headers[column]) }
            }
        }
        for (g, name) in options.groupBy.enumerated() where groups[g] < 0 {
            problems.append(.error("no column '\(name)' to group by\(Suggestion.hint(for: name, in: headers))", at: nil))
        }
        if let name = options.idColumn, id == nil {
            problems.append(.error("no id column '\(name)'\(Suggestion.hint(for: name, in: headers))", at: nil))
        }
        if questions.isEmpty { problems.append(.error("no column matches a question of '\(questionnaire.id)'", at: nil)) }
        guard problems.isEmpty else { throw DiagnosticsError(file: SourceFile(path: path, text: ""), diagnostics: problems) }
        return (questions, id, groups)
    }

    // MARK: JSON Lines and folders

    /// One JSON object per line: keys are columns as in a CSV header; an `answers` object is read as more columns.
    private func readJSONLines(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw InputError(path: path, reason: .unreadable("permission denied")) }
        defer { try? handle.close() }
        let file = URL(fileURLWithPath: path).lastPathComponent
        var pending = Data(), line = 0
        func process(_ data: Data) throws {
            line += 1
            guard !data.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) else { return }
            guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
                try reject(file: file, row: line, column: "", value: String(decoding: data.prefix(80), as: UTF8.self),
                           reason: "not a JSON object; the whole line is skipped")
                return
            }
            var cells: [Cell] = []
            for (key, value) in object.sorted(by: { $0.key < $1.key }) {
                if key == "answers", let answers = value as? [String: Any] {
                    cells += answers.sorted { $0.key < $1.key }.map { Cell(column: $0.key, text: Self.text($0.value), isAnswer: true) }
                } else {
                    cells.append(Cell(column: key, text: Self.text(value), isAnswer: false))
                }
            }
            try addRow(cells, file: file, row: line)
        }
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            pending.append(chunk)
            while let newline = pending.firstIndex(of: 0x0A) {
                try process(pending[pending.startIndex..<newline])
                pending.removeSubrange(pending.startIndex...newline)
            }
        }
        if !pending.isEmpty { try process(pending) }
    }

    /// Every `.yaml`, `.yml` and `.json` answer file of a folder, in name order, one respondent each.
    /// A file that cannot be read, is not YAML, or repeats a key is one bad respondent: it is
    /// rejected (with the line and column of each problem) and the run goes on.
    private func readFolder(_ path: String) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: path)
            .filter { ["yaml", "yml", "json"].contains(URL(fileURLWithPath: $0).pathExtension.lowercased()) }.sorted()
        for name in names {
            let stream: YAMLStream
            do {
                stream = try YAMLLoader().parse(file: URL(fileURLWithPath: path).appendingPathComponent(name).path)
            } catch let error as DiagnosticsError {
                try rejectFile(name, error.diagnostics)
                continue
            } catch let error as InputError {
                try reject(file: name, row: 1, column: "", value: "", reason: "\(error.message); the file is skipped")
                continue
            }
            if stream.diagnostics.contains(where: { $0.severity == .error }) {
                try rejectFile(name, stream.diagnostics)
                continue
            }
            guard let root = stream.documents.first?.mapping else {
                try reject(file: name, row: 1, column: "", value: "", reason: "not an answer file (no mapping); skipped")
                continue
            }
            var cells = [Cell(column: "id", text: URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent, isAnswer: false)]
            for pair in root {
                switch pair.key.scalar?.text {
                case "respondent"?:
                    cells += (pair.value.mapping ?? []).compactMap { field in
                        field.value.scalar.map { Cell(column: field.key.scalar?.text ?? "", text: $0.text, isAnswer: false) }
                    }
                case "answers"?:
                    for answer in pair.value.mapping ?? [] {
                        let value = answer.value.scalar ?? answer.value.mapping?.first { $0.key.scalar?.text == "value" }?.value.scalar
                        cells.append(Cell(column: answer.key.scalar?.text ?? "", text: answer.value.isNull ? "" : value?.text ?? "", isAnswer: true))
                    }
                case "questionnaire"?:
                    if let id = pair.value.scalar?.text, id != questionnaire.id {
                        try reject(file: name, row: pair.value.position.line, column: "questionnaire", value: id,
                                   reason: "answers for another questionnaire than '\(questionnaire.id)'")
                    }
                default:
                    if let scalar = pair.value.scalar { cells.append(Cell(column: pair.key.scalar?.text ?? "", text: scalar.text, isAnswer: false)) }
                }
            }
            try addRow(cells, file: name, row: 1)
        }
    }

    /// Rejects a whole answer file, once per error found in it.
    private func rejectFile(_ name: String, _ diagnostics: [Diagnostic]) throws {
        for diagnostic in diagnostics where diagnostic.severity == .error {
            let column = diagnostic.position.map { " (column \($0.column))" } ?? ""
            try reject(file: name, row: diagnostic.position?.line ?? 1, column: "", value: "",
                       reason: "\(diagnostic.message)\(column); the file is skipped")
        }
    }

    /// One cell of a JSON Lines row or an answer file; `isAnswer` when it came from an `answers` object.
    struct Cell {
        var column: String
        var text: String
        var isAnswer: Bool
    }

    /// A row of named cells: an unknown key of an `answers` object is rejected (it can only be a
    /// question id); other unknown columns are listed once, as for a CSV header.
    private func addRow(_ cells: [Cell], file: String, row: Int) throws {
        codes.update(repeating: CellMatcher.empty)
        var id: String?, group = [String](repeating: "", count: options.groupBy.count)
        for cell in cells {
            let (column, text) = (cell.column, cell.text)
            switch resolver.role(column) {
            case .question(let q):
                let matcher = matchers[matcherOfQuestion[q]]
                let code = matcher.code(text)
                if code >= CellMatcher.rejected {
                    try reject(file: file, row: row, column: column, value: text, reason: matcher.reason(code))
                } else {
                    codes[q] = code
                }
            case .id: id = text
            case .group(let g): group[g] = text
            case .ignored:
                if options.idColumn == nil, id == nil, ColumnResolver.idHeaders.contains(CellMatcher.normalize(column)) {
                    id = text
                } else if cell.isAnswer {
                    try reject(file: file, row: row, column: column, value: text, reason: "no such question in '\(questionnaire.id)'")
                } else if !unmatchedColumns.contains(column) {
                    unmatchedColumns.append(column)
                }
            }
        }
        try record(codes, id: id, group: group, file: file, row: row)
    }

    static func text(_ value: Any) -> String {
        switch value {
        case let string as String: return string
        case is NSNull: return ""
        case let number as NSNumber:
            let double = number.doubleValue
            return double == double.rounded() && abs(double) < 1e15 ? String(Int(double)) : number.stringValue
        default: return "\(value)"
        }
    }

    // MARK: Rows

    /// Counts and scores one respondent and writes its line to respondents.csv. With a CSV input
    /// this runs on the pipeline's second thread, which alone touches what it changes.
    private func record(_ codes: UnsafeMutableBufferPointer<UInt8>, id: String?, group: [String], file: String, row: Int) throws {
        respondents += 1
        let respondent = id.flatMap { $0.isEmpty ? nil : $0 } ?? "\(file)#\(row)"
        // Seen ids are kept as 8-byte hashes, the one thing that grows with rows.
        if !seenIds.insert(FNV1a.hash(respondent.utf8)).inserted {
            duplicateCount += 1
            if duplicateIds.count < 10 { duplicateIds.append("\(respondent) (\(file) row \(row))") }
        }
        let scores = aggregator.add(codes, group: options.groupBy.isEmpty ? nil : group)
        guard let respondentsFile else { return }
        var line = CSVTable.field(respondent)
        for value in group { line += "," + CSVTable.field(value) }
        line += "," + CSVTable.field(file) + ",\(row),\(scores.answered),\(scores.applicable)," + Self.fixed6(scores.overall)
        for area in scores.areas { line += "," + Self.fixed6(area) }
        try respondentsFile.write(line + "\r\n")
    }

    private func reject(file: String, row: Int, column: String, value: String, reason: String) throws {
        rejectedCells += 1
        let key = column + "\u{1F}" + reason
        if let known = rejectsByReason[key] {
            rejectsByReason[key] = (known.count + 1, known.firstRow)
        } else {
            rejectsByReason[key] = (1, "\(file) row \(row)")
        }
        try rejectsFile?.write([file, String(row), column, value, reason].map(CSVTable.field).joined(separator: ",") + "\r\n")
    }

    /// A score with six decimals, quickly (respondents.csv has one row per respondent); empty for none.
    static func fixed6(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        let micro = Int((value * 1_000_000).rounded())
        let fraction = String(micro % 1_000_000)
        return "\(micro / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }

}
