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
    let matchers: UnsafeMutableBufferPointer<CellMatcher>
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
    /// The same, to look them up in constant time: a header of 100,000 columns took over 20 s
    /// when each was searched in the list (issue 12, finding 7).
    private var unmatchedSet = Set<String>()
    /// (column, reason) → how many cells, and the first row it happened in; a question's column is named by the question id.
    public private(set) var rejectsByReason: [String: (count: Int, firstRow: String)] = [:]
    public private(set) var duplicateIds: [String] = []
    public private(set) var duplicateCount = 0
    private var seenIds = Set<UInt64>()
    /// One code per question for the row being read, reused for every row.
    private let codes: UnsafeMutableBufferPointer<UInt8>
    /// Rejections by column and kind, for the summary.
    private var rejectCounts: [String: Int] = [:]
    /// Roles of the columns of JSON Lines and answer files seen so far.
    private var roleCache: [String: ColumnResolver.Role] = [:]
    /// Questions some input has a column or an answer for.
    private var inExport: [Bool]

    public init(questionnaire: Questionnaire, options: BatchOptions, respondents: StagedFile?, rejects: StagedFile?) throws(OutputError) {
        self.questionnaire = questionnaire
        self.options = options
        layout = BatchLayout(questionnaire)
        aggregator = BatchAggregator(layout: layout, groupMap: options.groupMap)
        resolver = ColumnResolver(questionnaire: questionnaire, options: options)
        // One matcher per scale, shared by its questions; the last one, matching nothing, is for a
        // question whose scale is unknown (a validated questionnaire has none).
        let scales = questionnaire.scales + [.init(id: "", options: [], allowNA: false)]
        matchers = .allocate(capacity: scales.count)
        _ = matchers.initialize(from: scales.map { CellMatcher(scale: $0, languages: questionnaire.languages, map: options.map) })
        matcherOfQuestion = layout.questions.map { question in
            questionnaire.scales.firstIndex { $0.id == question.scale } ?? scales.count - 1
        }
        inExport = [Bool](repeating: false, count: layout.questions.count)
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

    /// Reads one input: a folder of answer files, an Excel workbook (.xlsx), a JSON Lines file (.jsonl, .ndjson) or a CSV export.
    /// - Parameter name: how rows of this input are named in rejects, respondents and ids (the path
    ///   as the user gave it, so `x/export.csv` and `y/export.csv` stay apart); `path` by default.
    public func read(_ path: String, as name: String? = nil) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(path: name ?? path, reason: .notFound)
        }
        let before = respondents
        let name = name ?? path
        let empty: String
        if isDirectory.boolValue {
            try readFolder(path, name: name)
            empty = "no answer file (.yaml, .yml, .json) in it was read"
        } else if ["xlsx", "xlsm"].contains(URL(fileURLWithPath: path).pathExtension.lowercased()) {
            try readXLSX(path, name: name)
            empty = "its sheet holds a header row but no rows"
        } else if ["jsonl", "ndjson"].contains(URL(fileURLWithPath: path).pathExtension.lowercased()) {
            try readJSONLines(path, name: name)
            empty = "no line of it holds a respondent"
        } else {
            try readCSV(path, name: name)
            empty = "it holds a header row but no rows"
        }
        if respondents == before { warn("\(name): warning: no respondents: \(empty)") }
    }

    /// Warnings so far (also given to `onWarning` as they happen): inputs without respondents, very many groups.
    public var warnings: [String] { warningLock.withLock { warningList } }
    /// Called with each warning when it happens, possibly on another thread.
    public var onWarning: (@Sendable (String) -> Void)?
    private var warningList: [String] = []
    private let warningLock = NSLock()

    private func warn(_ text: String) {
        warningLock.withLock { warningList.append(text) }
        onWarning?(text)
    }

    /// The most groups `--group-by` may make: each holds counts and, in the results, statistics
    /// and scores for every question (about 400 KB with the ISO/IEC 20000 questionnaire), so a
    /// column of unique values made 4,000 groups of a 60 KB file take 1.6 GB (issue 12, finding 11).
    public static let maxGroups = 1_000

    /// The aggregated result of everything read.
    /// - Parameter commit: whether to rename respondents.csv and rejects.csv into place now;
    ///   without, pass `streamedOutputs` to `AtomicFile.write(_:with:)` to write them with the rest.
    public func finish(commit: Bool = true) throws -> BatchResult {
        if commit {
            try respondentsFile?.commit()
            try rejectsFile?.commit()
        }
        let (overall, groups) = aggregator.result(options: options, groupColumns: options.groupBy)
        var result = BatchResult(overall: overall, groups: groups, options: options, respondents: respondents, rejectedCells: rejectedCells,
                                 duplicateIds: duplicateCount, unmatchedColumns: unmatchedColumns)
        result.questionsInExport = layout.questions.indices.filter { inExport[$0] }.map { layout.questions[$0].id }
        var reference: [BatchResult.QuestionStats]?, isReference = [Bool](repeating: false, count: groups.count)
        if let wanted = options.referenceGroup, let column = options.groupBy.firstIndex(of: wanted.column) {
            reference = aggregator.referenceStats(options: options)
            guard reference != nil else {
                let seen = Set(groups.map { $0.key[column].value }).sorted()
                throw BatchError.noReferenceGroup("--reference-group \(wanted.column)=\(wanted.value): no respondent has it"
                    + Suggestion.hint(for: wanted.value, in: seen) + " (values seen: \(seen.prefix(10).joined(separator: ", ")))")
            }
            let key = options.groupMap.key(wanted.value)
            isReference = groups.map { options.groupMap.key($0.key[column].value) == key }
        }
        result.comparison = CohortComparison.compare(groups: groups, ids: result.questionsInExport, reference: reference,
                                                     isReference: isReference, options: options)
        result.mergedGroups = aggregator.mergedVariants
        return result
    }

    /// Groups written more than one way, merged, one warning line each.
    public var mergedGroupWarnings: [String] {
        aggregator.mergedVariants.map { merged in
            "warning: group '\(merged.group.joined(separator: " · "))' merges "
                + merged.variants.map { "'\($0.joined(separator: " · "))'" }.joined(separator: ", ")
        }
    }

    /// The temporary files being written, removed by `discard` (or by a signal handler).
    public var stagedFiles: [String] { [respondentsFile?.temporary, rejectsFile?.temporary].compactMap { $0 } }

    /// The files written row by row (respondents.csv, rejects.csv), still under temporary names.
    public var streamedOutputs: [StagedFile] { [respondentsFile, rejectsFile].compactMap { $0 } }

    /// Removes the partial output files.
    public func discard() {
        respondentsFile?.discard()
        rejectsFile?.discard()
    }

    // MARK: CSV

    private func readCSV(_ path: String, name file: String) throws {
        var csvOptions = CSVReader.Options()
        csvOptions.delimiter = try options.delimiter ?? CSVDialect.delimiter(ofFileAt: path)
        let reader = try CSVReader(path: path, options: csvOptions)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        var roles: [ColumnResolver.Role] = [], headers: [String] = []
        var questionColumns: [(column: Int, question: Int, matcher: Int)] = [], idColumn: Int?, groupColumns: [Int] = []
        // The record of the header: 1 after an Excel `sep=;` line, which a spreadsheet does not show as a row.
        var headerIndex = 0, sawHeader = false
        let matchers = self.matchers
        // Counting, scoring and writing respondents run on a second thread (RowPipeline).
        let pipeline = RowPipeline(questions: layout.questions.count) { [unowned self] codes, id, group, row in
            try self.record(codes, id: id, group: group, file: file, row: row)
        }
        var finished = false
        defer { if !finished { try? pipeline.finish() } }
        do {
            try reader.forEachRecord { record in
                if record.index <= headerIndex {
                    if record.index == 0, CSVDialect.isSeparatorLine(record.strings) {
                        headerIndex = 1
                        return
                    }
                    sawHeader = true
                    headers = record.strings
                    roles = resolver.roles(headers)
                    (questionColumns, idColumn, groupColumns) = try columns(roles, headers: headers, path: file)
                    return
                }
                let row = record.row - headerIndex
                let codes = pipeline.nextRow()
                for (column, question, matcher) in questionColumns where column < record.count {
                    let field = record[column]
                    if field.isEmpty { continue }
                    let raw = UnsafeRawBufferPointer(field.rawBytes)
                    let code = field.doubledQuotes != 0 ? field.withUnescapedBytes { matchers[matcher].code(UnsafeRawBufferPointer($0)) }
                        : raw.count <= 8 ? matchers[matcher].code(packed: field.packedPrefix, raw) : matchers[matcher].code(raw)
                    if code >= CellMatcher.rejected {
                        try reject(file: file, row: row, column: headers[column], value: field.string,
                                   reason: matchers[matcher].reason(code), summary: layout.questions[question].id)
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
                let group = groupColumns.map { $0 < record.count ? record[$0].trimmedString : "" }
                try pipeline.commit(id: id, group: group, row: row)
                if record.index & 0x3FFF == 0 { progress?(reader.bytesRead, size) }
            }
            finished = true
            try pipeline.finish()
        } catch let error as CSVReadError {
            throw DiagnosticsError(file: SourceFile(path: file, text: ""),
                                   .error(Self.explain(error, headers: headers, rowShift: headerIndex), at: nil))
        }
        guard sawHeader else {
            throw DiagnosticsError(file: SourceFile(path: file, text: ""), .error(
                size == 0 ? "the file is empty; expected a header row, then one row per respondent"
                    : "no header row: the file holds only blank lines; expected a header row, then one row per respondent", at: nil))
        }
        progress?(size, size)
    }

    /// A CSV syntax error in words, at the spreadsheet row and column (`rowShift` rows before the header are not counted).
    static func explain(_ error: CSVReadError, headers: [String], rowShift: Int) -> String {
        func column(_ field: Int) -> String {
            "column \(field + 1)" + (field < headers.count ? " ('\(headers[field])')" : "")
        }
        let row = (error.row ?? 1) - rowShift
        switch error {
        case let .unterminatedQuote(_, field):
            return "row \(row), \(column(field)): a quoted cell is not closed before the end of the file; "
                + "look for a stray '\"' there (a quote inside a cell is written '\"\"')"
        case let .unexpectedByteAfterQuote(_, field, byte):
            let shown = (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16, uppercase: true))"
            return "row \(row), \(column(field)): \(shown) after the closing quote of a quoted cell; "
                + "a quote inside a quoted cell is written '\"\"'"
        case let .recordTooLong(_, field, limit):
            let size = "\(limit >> 20) MiB"
            guard let field else { return "row \(row) is longer than \(size); a survey export never has such a row" }
            return "row \(row), \(column(field)): a quote opens there and is not closed within \(size); "
                + "look for a stray '\"' (a quote inside a cell is written '\"\"')"
        case .cannotOpen, .readFailed:
            return error.description
        }
    }

    /// Question, id and group columns of a header; every `--group-by` and `--id-column` must be there.
    func columns(_ roles: [ColumnResolver.Role], headers: [String], path: String) throws
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
                    inExport[q] = true
                    questions.append((column, q, matcherOfQuestion[q]))
                }
            case .id: id = id ?? column
            case .group(let g): groups[g] = column
            case .ignored:
                noteUnmatched(headers[column])
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

    /// One JSON object per line: keys are columns as in a CSV header. An object shaped like an answer
    /// file is read as the folder reader reads one: `answers` holds question ids (a value or
    /// `{"value": …, "note": …}` each), `respondent` fields are columns, `questionnaire` must match.
    private func readJSONLines(_ path: String, name file: String) throws {
        let handle: FileHandle
        do {
            handle = FileHandle(fileDescriptor: try InputFile.openRegular(path, allowPipe: true), closeOnDealloc: true)
        } catch let error as InputError {
            throw InputError(path: file, reason: error.reason)
        }
        defer { try? handle.close() }
        let limit = CSVReader.Options().maxRecordBytes
        var pending: [UInt8] = [], line = 0
        func process(_ bytes: ArraySlice<UInt8>) throws {
            line += 1
            guard !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) else { return }
            guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
                try reject(file: file, row: line, column: "", value: String(decoding: bytes.prefix(80), as: UTF8.self),
                           reason: "not a JSON object; the whole line is skipped")
                return
            }
            if let id = object["questionnaire"] as? String, id != questionnaire.id {
                try reject(file: file, row: line, column: "questionnaire", value: id,
                           reason: "answers for another questionnaire than '\(questionnaire.id)'; the whole line is skipped")
                return
            }
            var cells: [Cell] = []
            for (key, value) in object.sorted(by: { $0.key < $1.key }) {
                switch key {
                case "answers" where value is [String: Any]:
                    for (id, answer) in ((value as? [String: Any]) ?? [:]).sorted(by: { $0.key < $1.key }) {
                        cells.append(Cell(column: id, Self.answer(answer), isAnswer: true))
                    }
                case "respondent" where value is [String: Any]:
                    for (field, text) in ((value as? [String: Any]) ?? [:]).sorted(by: { $0.key < $1.key }) {
                        cells.append(Cell(column: field, Self.scalar(text), isFormatKey: true))
                    }
                default:
                    cells.append(Cell(column: key, Self.scalar(value), isFormatKey: AnswerLoader.rootKeys.contains(key)))
                }
            }
            try addRow(cells, file: file, row: line)
        }
        // Lines are cut out of each chunk in place; only the unfinished last line is kept for the next.
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            pending.append(contentsOf: chunk)
            var start = 0
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                try process(pending[start..<newline])
                start = newline + 1
            }
            pending.removeSubrange(0..<start)
            if pending.count > limit {
                throw DiagnosticsError(file: SourceFile(path: file, text: ""), .error(
                    "line \(line + 1) is longer than \(limit >> 20) MiB; a JSON Lines file holds one respondent per line", at: nil))
            }
        }
        if !pending.isEmpty { try process(pending[...]) }
    }

    /// A JSON value as the text of a cell, or why it cannot be one.
    static func scalar(_ value: Any) -> Result<String, CellProblem> {
        switch value {
        case let string as String: return .success(string)
        case is NSNull: return .success("")
        case let number as NSNumber:
            // JSONSerialization gives `true` and `false` as the two shared boolean numbers.
            if number === NSNumber(value: true) { return .success("true") }
            if number === NSNumber(value: false) { return .success("false") }
            let double = number.doubleValue
            return .success(double == double.rounded() && abs(double) < 1e15 ? String(Int(double)) : number.stringValue)
        case is [Any]:
            return .failure(CellProblem(value: compactJSON(value), reason: "a list, not one answer"))
        default:
            return .failure(CellProblem(value: compactJSON(value), reason: "an object, not one answer"))
        }
    }

    /// An answer of an `answers` object: a scalar, or an object whose `value` is one (`note` and
    /// `evidence` are not scored). An object with a note or evidence but no value is what `gapkit ask`
    /// writes for a question noted but not yet answered: unanswered.
    static func answer(_ value: Any) -> Result<String, CellProblem> {
        guard let object = value as? [String: Any] else { return scalar(value) }
        guard let inner = object["value"] else {
            if !object.isEmpty, Set(object.keys).isSubset(of: answerDetailKeys) { return .success("") }
            return .failure(CellProblem(value: compactJSON(value), reason: "an object without a 'value'"))
        }
        return scalar(inner)
    }

    /// The keys an answer may have besides `value`.
    static let answerDetailKeys: Set<String> = ["note", "evidence"]

    /// A JSON value in one line, for a rejected cell.
    static func compactJSON(_ value: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])) ?? Data()
        let text = String(decoding: data, as: UTF8.self)
        return text.count > 80 ? String(text.prefix(79)) + "…" : text
    }

    /// Every `.yaml`, `.yml` and `.json` answer file of a folder, in name order, one respondent each,
    /// named by its path (the folder as given, then the file name). A file that cannot be read, is
    /// not YAML, repeats a key or answers another questionnaire is one bad respondent: it is
    /// rejected (with the line and column of each problem) and the run goes on.
    private func readFolder(_ path: String, name folder: String) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: path)
            .filter { ["yaml", "yml", "json"].contains(URL(fileURLWithPath: $0).pathExtension.lowercased()) }.sorted()
        for name in names {
            let file = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            let stream: YAMLStream
            do {
                stream = try YAMLLoader().parse(file: URL(fileURLWithPath: path).appendingPathComponent(name).path)
            } catch let error as DiagnosticsError {
                try rejectFile(file, error.diagnostics)
                continue
            } catch let error as InputError {
                try reject(file: file, row: 1, column: "", value: "", reason: "\(error.message); the file is skipped")
                continue
            }
            if stream.diagnostics.contains(where: { $0.severity == .error }) {
                try rejectFile(file, stream.diagnostics)
                continue
            }
            guard let root = stream.documents.first?.mapping else {
                try reject(file: file, row: 1, column: "", value: "", reason: "not an answer file (no mapping); the file is skipped")
                continue
            }
            if let other = root.first(where: { $0.key.scalar?.text == "questionnaire" })?.value,
               let id = other.scalar?.text, id != questionnaire.id {
                try reject(file: file, row: other.position.line, column: "questionnaire", value: id,
                           reason: "answers for another questionnaire than '\(questionnaire.id)'; the file is skipped")
                continue
            }
            var cells = [Cell(column: "id", .success(String(file.dropLast(URL(fileURLWithPath: name).pathExtension.count + 1))),
                              isFormatKey: true)]
            for pair in root {
                let key = pair.key.scalar?.text ?? ""
                switch key {
                case "respondent":
                    cells += (pair.value.mapping ?? []).compactMap { field in
                        field.value.scalar.map { Cell(column: field.key.scalar?.text ?? "", .success($0.text), isFormatKey: true) }
                    }
                case "answers":
                    for answer in pair.value.mapping ?? [] {
                        cells.append(Cell(column: answer.key.scalar?.text ?? "", Self.answer(answer.value), isAnswer: true,
                                          line: answer.value.position.line))
                    }
                default:
                    if let scalar = pair.value.scalar {
                        cells.append(Cell(column: key, .success(scalar.text), isFormatKey: AnswerLoader.rootKeys.contains(key)))
                    }
                }
            }
            try addRow(cells, file: file, row: 1)
        }
    }

    /// An answer node of an answer file: a scalar, or a mapping whose `value` is one.
    static func answer(_ node: YAMLNode) -> Result<String, CellProblem> {
        if node.isNull { return .success("") }
        if let scalar = node.scalar { return .success(scalar.text) }
        if let mapping = node.mapping {
            guard let value = mapping.first(where: { $0.key.scalar?.text == "value" })?.value else {
                // A note or evidence without a value: noted, not yet answered.
                if !mapping.isEmpty, mapping.allSatisfy({ answerDetailKeys.contains($0.key.scalar?.text ?? "") }) { return .success("") }
                return .failure(CellProblem(value: "", reason: "a mapping without a 'value'"))
            }
            if value.isNull { return .success("") }
            if let scalar = value.scalar { return .success(scalar.text) }
        }
        return .failure(CellProblem(value: "", reason: "a list or mapping, not one answer"))
    }

    /// Rejects a whole answer file, once per error found in it.
    private func rejectFile(_ name: String, _ diagnostics: [Diagnostic]) throws {
        for diagnostic in diagnostics where diagnostic.severity == .error {
            let column = diagnostic.position.map { " (column \($0.column))" } ?? ""
            try reject(file: name, row: diagnostic.position?.line ?? 1, column: "", value: "",
                       reason: "\(diagnostic.message)\(column); the file is skipped")
        }
    }

    /// A value that cannot be a cell (a list, an object), as shown in rejects.csv, and why.
    struct CellProblem: Error {
        var value: String
        var reason: String
    }

    /// One cell of a JSON Lines row or an answer file.
    struct Cell {
        var column: String
        var text: Result<String, CellProblem>
        /// From an `answers` object: an unknown column can only be a question id.
        var isAnswer = false
        /// A key of the answer-file format (`gapkit`, `date`, `respondent` fields…): never listed as unmatched.
        var isFormatKey = false
        /// The line of the value in its file, when it has its own (answer files).
        var line: Int?

        init(column: String, _ text: Result<String, CellProblem>, isAnswer: Bool = false, isFormatKey: Bool = false, line: Int? = nil) {
            self.column = column
            self.text = text
            self.isAnswer = isAnswer
            self.isFormatKey = isFormatKey
            self.line = line
        }
    }

    /// A row of named cells: an unknown key of an `answers` object is rejected (it can only be a
    /// question id); other unknown columns are listed once, as for a CSV header.
    private func addRow(_ cells: [Cell], file: String, row: Int) throws {
        codes.update(repeating: CellMatcher.empty)
        var id: String?, group = [String](repeating: "", count: options.groupBy.count)
        for cell in cells {
            let column = cell.column, row = cell.line ?? row
            let role = role(of: column)
            let text: String
            switch cell.text {
            case .success(let value):
                text = value
            case .failure(let problem):
                if role != .ignored || cell.isAnswer {
                    try reject(file: file, row: row, column: column, value: problem.value, reason: problem.reason)
                } else if !cell.isFormatKey {
                    noteUnmatched(column)
                }
                continue
            }
            switch role {
            case .question(let q):
                inExport[q] = true
                let m = matcherOfQuestion[q]
                // As bytes, so the matcher's table of raw cells seen before answers most of them.
                var bytes = text
                let code = bytes.withUTF8 { matchers[m].code(UnsafeRawBufferPointer($0)) }
                if code >= CellMatcher.rejected {
                    try reject(file: file, row: row, column: column, value: text, reason: matchers[m].reason(code),
                               summary: layout.questions[q].id)
                } else {
                    codes[q] = code
                }
            case .id: id = text
            case .group(let g): group[g] = text.trimmingCharacters(in: .whitespaces)
            case .ignored:
                if options.idColumn == nil, id == nil, ColumnResolver.idHeaders.contains(CellMatcher.normalize(column)) {
                    id = text
                } else if cell.isAnswer {
                    try reject(file: file, row: row, column: column, value: text, reason: "no such question in '\(questionnaire.id)'")
                } else if !cell.isFormatKey {
                    noteUnmatched(column)
                }
            }
        }
        try record(codes, id: id, group: group, file: file, row: row)
    }

    /// Lists a column that matches nothing, once.
    private func noteUnmatched(_ column: String) {
        if unmatchedSet.insert(column).inserted { unmatchedColumns.append(column) }
    }

    /// A column's role, remembered: JSON Lines repeat the same keys on every line.
    private func role(of column: String) -> ColumnResolver.Role {
        if let known = roleCache[column] { return known }
        let role = resolver.role(column)
        if roleCache.count < 100_000 { roleCache[column] = role }
        return role
    }

    // MARK: Rows

    /// Counts and scores one respondent and writes its line to respondents.csv. With a CSV input
    /// this runs on the pipeline's second thread, which alone touches what it changes.
    func record(_ codes: UnsafeMutableBufferPointer<UInt8>, id: String?, group: [String], file: String, row: Int) throws {
        respondents += 1
        let respondent = id.flatMap { $0.isEmpty ? nil : $0 } ?? "\(file)#\(row)"
        // Seen ids are kept as 8-byte hashes, the one thing that grows with rows.
        if !seenIds.insert(FNV1a.hash(respondent.utf8)).inserted {
            duplicateCount += 1
            if duplicateIds.count < 10 { duplicateIds.append("\(respondent) (\(file) row \(row))") }
        }
        let scores = aggregator.add(codes, group: options.groupBy.isEmpty ? nil : group)
        if aggregator.keys.count > Self.maxGroups + 1 {
            throw BatchError(message: "--group-by \(options.groupBy.joined(separator: ", ")) gives more than \(Self.maxGroups) groups "
                + "(at \(file) row \(row)); each group takes memory for every question, so check that it is not a column of free text or ids")
        }
        guard let respondentsFile else { return }
        var line = CSVTable.field(respondent)
        for value in group { line += "," + CSVTable.field(value) }
        line += "," + CSVTable.field(file) + ",\(row),\(scores.answered),\(scores.applicable)," + Self.fixed6(scores.overall)
        for area in scores.areas { line += "," + Self.fixed6(area) }
        try respondentsFile.write(line + "\r\n")
    }

    /// Lists a rejected cell; `summary` names its column in the summary (a question column by its id, not its long header).
    func reject(file: String, row: Int, column: String, value: String, reason: String, summary: String? = nil) throws {
        rejectedCells += 1
        let key = (summary ?? column) + "\u{1F}" + reason
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
