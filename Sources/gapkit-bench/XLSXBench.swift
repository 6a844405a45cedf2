import ArgumentParser
import Foundation
import ZIPFoundation

/// Generates an .xlsx survey export of N rows × 200 columns and times `gapkit batch` on it.
struct XLSXBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xlsx",
        abstract: "Time gapkit batch on a generated Excel export (100,000 rows × 200 columns by default): seconds, peak memory."
    )

    @Option(help: "Respondents (rows) to generate.")
    var respondents = 100_000

    @Option(help: "Columns in all (an id, a department, a date, the questions, then number columns).")
    var columns = 200

    @Option(help: "Seed of the answers.")
    var seed: UInt64 = 2026

    @Option(help: "The questionnaire.")
    var questionnaire = "questionnaires/iso20000-1-2018.yaml"

    @Option(help: "Times to run gapkit batch on the file.")
    var runs = 3

    @Option(help: "Where to write the workbook and results (default: a temporary folder, removed after).")
    var folder: String?

    func validate() throws {
        guard respondents >= 1, runs >= 1 else { throw ValidationError("--respondents and --runs must be at least 1") }
    }

    func run() throws {
        let directory = folder ?? FileManager.default.temporaryDirectory.appendingPathComponent("gapkit-bench-xlsx-\(getpid())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { if folder == nil { try? FileManager.default.removeItem(atPath: directory) } }
        let questions = try SurveyGenerator(questionnairePath: questionnaire).questionIds()
        guard columns >= 3 + questions.count else { throw ValidationError("--columns must be at least \(3 + questions.count)") }
        let path = directory + "/survey.xlsx"
        let started = Date()
        let (sheetBytes, fileBytes) = try XLSXSurveyWriter(questions: questions, columns: columns, seed: seed)
            .write(respondents: respondents, to: path, scratch: directory)
        print("generated \(respondents) rows × \(columns) columns: sheet XML \(sheetBytes) bytes, workbook \(fileBytes) bytes, in "
            + String(format: "%.1f", Date().timeIntervalSince(started)) + " s")
        let gapkit = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gapkit").path
        for run in 1...runs {
            let out = directory + "/out"
            let (seconds, peak, status) = try BatchBench().measure(gapkit, ["batch", questionnaire, path, "--group-by", "Department", "--out", out])
            guard status == 0 else { throw ValidationError("gapkit batch exited with status \(status)") }
            print(String(format: "run %d: %.2f s, %.0f rows/s, %.1f MB of sheet XML/s, peak memory %.1f MB",
                         run, seconds, Double(respondents) / seconds, Double(sheetBytes) / 1_000_000 / seconds, Double(peak) / 1024))
        }
    }
}

/// Writes a workbook as Excel lays one out: shared strings for texts, dates as numbers with a date style.
struct XLSXSurveyWriter {
    let questions: [(id: String, kind: SurveyGenerator.Kind)]
    let columns: Int
    let seed: UInt64

    func write(respondents: Int, to path: String, scratch: String) throws -> (sheet: Int, file: Int) {
        let departments = ["IT Operations", "Service Desk", "Infrastructure", "Security", "Development", "Finance", "HR", "Sales"]
        let answers = ["yes", "partial", "no", "0", "1", "2", "3", "4", "5", "N/A", "Yes – fully in place, with evidence", "maybe"]
        let headers = ["Respondent ID", "Department", "Submitted"] + questions.map { "[\($0.id)] Is this requirement met, in full?" }
            + (0..<(columns - 3 - questions.count)).map { "Extra \($0 + 1)" }
        let strings = headers + departments + answers
        let index = Dictionary(strings.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let letters = (0..<columns).map(Self.letters)
        let sheetPath = scratch + "/sheet1.xml"
        guard FileManager.default.createFile(atPath: sheetPath, contents: nil), let handle = FileHandle(forWritingAtPath: sheetPath) else {
            throw ValidationError("cannot write \(sheetPath)")
        }
        var buffer = Array(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#.utf8)
        var written = 0
        func cell(_ column: Int, _ row: Int, shared: Int) {
            buffer += Array("<c r=\"\(letters[column])\(row)\" t=\"s\"><v>\(shared)</v></c>".utf8)
        }
        buffer += Array("<row r=\"1\">".utf8)
        for (column, header) in headers.enumerated() { cell(column, 1, shared: index[header]!) }
        buffer += Array("</row>".utf8)
        var random = SplitMix64(seed: seed)
        for respondent in 1...respondents {
            let row = respondent + 1
            buffer += Array("<row r=\"\(row)\"><c r=\"A\(row)\"><v>\(respondent)</v></c>".utf8)
            cell(1, row, shared: index[departments[Int(random.next() % 8)]]!)
            buffer += Array("<c r=\"C\(row)\" s=\"1\"><v>\(46336 + respondent % 10).39583333333</v></c>".utf8)
            for (q, question) in questions.enumerated() {
                let roll = random.next() % 1000
                if roll < 30 { continue }
                let answer: String
                if roll < 40, question.kind != .maturity { answer = answers[10] }
                else if roll < 41 { answer = "maybe" }
                else if roll < 100, question.kind == .allowsNA { answer = "N/A" }
                else if question.kind == .maturity { answer = String(random.next() % 6) }
                else { answer = answers[Int(random.next() % 3)] }
                cell(3 + q, row, shared: index[answer]!)
            }
            for column in (3 + questions.count)..<columns {
                buffer += Array("<c r=\"\(letters[column])\(row)\"><v>\(random.next() % 100)</v></c>".utf8)
            }
            buffer += Array("</row>".utf8)
            if buffer.count > 8 << 20 {
                try handle.write(contentsOf: buffer)
                written += buffer.count
                buffer.removeAll(keepingCapacity: true)
            }
        }
        buffer += Array("</sheetData></worksheet>".utf8)
        try handle.write(contentsOf: buffer)
        try handle.close()
        written += buffer.count

        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        let parts: [(String, String)] = [
            ("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>"#),
            ("_rels/.rels", #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            ("xl/workbook.xml", #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Responses" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#),
            ("xl/styles.xml", #"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="22" applyNumberFormat="1"/></cellXfs></styleSheet>"#),
            ("xl/sharedStrings.xml", #"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
                + strings.map { "<si><t>\(escape($0))</t></si>" }.joined() + "</sst>"),
        ]
        try? FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try archive.addEntry(with: "xl/worksheets/sheet1.xml", fileURL: URL(fileURLWithPath: sheetPath), compressionMethod: .deflate)
        try FileManager.default.removeItem(atPath: sheetPath)
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return (written, size)
    }

    static func letters(_ column: Int) -> String {
        var letters = "", n = column + 1
        while n > 0 {
            letters = String(Character(Unicode.Scalar(UInt8(65 + (n - 1) % 26)))) + letters
            n = (n - 1) / 26
        }
        return letters
    }
}
