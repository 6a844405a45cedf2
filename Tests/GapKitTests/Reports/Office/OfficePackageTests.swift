import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import GapKit

/// report.docx and report.xlsx of the sample answers: package structure, content, hostile text,
/// determinism.
@Suite struct OfficePackageTests {
    static let hostileNote = "=HYPERLINK(\"http://evil.example\",\"click\") <w:t>x</w:t> bell\u{7}nul\u{0}"

    static func input(language: String? = nil, branding: Branding = .default, hostile: Bool = false) throws -> ReportInput {
        var answers = try AnswerLoader(questionnaire: ReportTests.questionnaire).load(file: Repository.path("examples/acme-answers.yaml"))
        if hostile {
            answers.set(Answer(question: "Q-8.5.1.1-1", value: .option("no"), note: hostileNote, evidence: ["=1+2", "@SUM(A1)"]))
            answers.respondent.organization = "=cmd|' /C calc'!A0 <Acme>"
        }
        let q = ReportTests.questionnaire
        let assessment = Scorer(q).score(answers)
        let plan = Planner(q, capacity: 15, start: CalendarDate("2026-11-23")!).plan(assessment)
        return ReportInput(questionnaire: q, answers: answers, assessment: assessment, plan: plan, language: language, branding: branding)
    }

    static func file(_ format: ReportFormat, _ input: ReportInput) throws -> [UInt8] {
        let files = try ReportBuilder(input, templates: .builtIn()).files([format])
        return try #require(files.first { $0.name == "report.\(format.rawValue)" }).bytes
    }

    static func parts(_ bytes: [UInt8]) throws -> [(path: String, bytes: [UInt8])] { try OfficeArchive.entries(bytes) }

    static func part(_ parts: [(path: String, bytes: [UInt8])], _ path: String) throws -> XMLTree {
        try XMLTree.parse(try #require(parts.first { $0.path == path }, "no part \(path)").bytes)
    }

    @Test(arguments: [ReportFormat.docx, .xlsx], ["en", "zh-Hans"])
    func packageStructureResolves(format: ReportFormat, language: String) throws {
        let parts = try Self.parts(try Self.file(format, try Self.input(language: language, hostile: true)))
        let paths = Set(parts.map(\.path))
        #expect(parts.first?.path == "[Content_Types].xml")
        #expect(paths.count == parts.count, "a part is stored twice")
        // Every part is well-formed XML (the logo aside), and has a content type.
        let types = try Self.part(parts, "[Content_Types].xml")
        let defaults = Set(types.elements.filter { $0.name == "Default" }.compactMap { $0.attributes["Extension"] })
        let overrides = Set(types.elements.filter { $0.name == "Override" }.compactMap { $0.attributes["PartName"] })
        for part in parts where part.path != "[Content_Types].xml" {
            if !part.path.hasSuffix(".png") { _ = try XMLTree.parse(part.bytes, name: part.path) }
            let ext = String(part.path.split(separator: ".").last ?? "")
            #expect(overrides.contains("/" + part.path) || defaults.contains(ext), "\(part.path) has no content type")
        }
        for name in overrides { #expect(paths.contains(String(name.dropFirst())), "content type for a missing part \(name)") }
        // Every relationship points at a part that exists.
        for part in parts where part.path.hasSuffix(".rels") {
            let folder = part.path.replacingOccurrences(of: "_rels/", with: "").split(separator: "/").dropLast().joined(separator: "/")
            for relationship in try XMLTree.parse(part.bytes).elements where relationship.name == "Relationship" {
                let target = try #require(relationship.attributes["Target"])
                let resolved = Self.resolve(target, in: folder)
                #expect(paths.contains(resolved), "\(part.path): \(target) → \(resolved) is not in the package")
            }
        }
        #expect(paths.contains("_rels/.rels"))
    }

    /// With nothing answered there are no scores: charts have gaps, score cells are empty, and
    /// both files are still whole.
    @Test(arguments: [ReportFormat.docx, .xlsx])
    func aReportOfNoAnswersIsWhole(format: ReportFormat) throws {
        let q = ReportTests.questionnaire
        let answers = AnswerSet(questionnaire: q.id)
        let assessment = Scorer(q).score(answers)
        let plan = Planner(q, start: CalendarDate("2026-11-23")!).plan(assessment)
        let input = ReportInput(questionnaire: q, answers: answers, assessment: assessment, plan: plan)
        let parts = try Self.parts(try Self.file(format, input))
        for part in parts where !part.path.hasSuffix(".png") { _ = try XMLTree.parse(part.bytes, name: part.path) }
        if format == .xlsx {
            let summary = try Self.part(parts, "xl/worksheets/sheet1.xml")
            #expect(summary.text.contains("Not assessed"))
        } else {
            // Three series (score, two thresholds) name every area; only the thresholds have values.
            let radar = try Self.part(parts, "word/charts/chart1.xml")
            let areas = assessment.areas.count
            #expect(areas > 0 && radar.elements.filter { $0.name == "c:pt" }.count == 3 * areas + 2 * areas)
        }
    }

    /// A relationship target relative to its source's folder, `..` folded.
    static func resolve(_ target: String, in folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var components = folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = components.popLast() } else if piece != "." { components.append(String(piece)) }
        }
        return components.joined(separator: "/")
    }

    @Test func theWorkbookHoldsTheSampleNumbersAsNumbersAndDates() throws {
        let input = try Self.input()
        let parts = try Self.parts(try Self.file(.xlsx, input))
        let workbook = try Self.part(parts, "xl/workbook.xml")
        #expect(workbook.elements.filter { $0.name == "sheet" }.compactMap { $0.attributes["name"] }
            == ["Summary", "Nonconformities", "Observations", "Plan", "Documents", "Answers"])
        let summary = try Self.part(parts, "xl/worksheets/sheet1.xml")
        let overall = try #require(input.assessment.overall.score)
        #expect(summary.values.contains(WorksheetPart.number(overall)), "the overall score is not a number on the summary")
        let firstNonconformity = try #require(AssessmentText.ranked(input.assessment.questions.filter {
            $0.finding == .major || $0.finding == .minor
        }).first)
        let nonconformities = try Self.part(parts, "xl/worksheets/sheet2.xml")
        #expect(nonconformities.cells["A2"] == firstNonconformity.id)
        let plan = try Self.part(parts, "xl/worksheets/sheet4.xml")
        let first = try #require(input.plan.actions.first)
        #expect(plan.cells["B2"] == first.id)
        #expect(plan.cells["I2"] == String(WorksheetPart.serial(first.schedule.startDate)))
        #expect(plan.cells["J2"] == String(WorksheetPart.serial(first.schedule.endDate)))
        #expect(plan.elements.contains { $0.name == "pane" && $0.attributes["state"] == "frozen" })
        #expect(plan.elements.contains { $0.name == "autoFilter" })
        #expect(plan.elements.contains { $0.name == "dataValidation" && $0.attributes["type"] == "list" })
        #expect(plan.text.contains("\"todo,in progress,done\""))
        let styles = try Self.part(parts, "xl/styles.xml")
        #expect(styles.elements.contains { $0.name == "numFmt" && $0.attributes["formatCode"] == "yyyy-mm-dd" })
    }

    @Test func theSheetNamesFollowTheLanguage() throws {
        let parts = try Self.parts(try Self.file(.xlsx, try Self.input(language: "zh-Hans")))
        let workbook = try Self.part(parts, "xl/workbook.xml")
        #expect(workbook.elements.filter { $0.name == "sheet" }.compactMap { $0.attributes["name"] }
            == ["摘要", "不符合项", "观察项", "整改计划", "文件", "全部回答"])
    }

    @Test func theDocumentHasHeadingsContentsChartsAndEveryNonconformity() throws {
        let input = try Self.input(branding: Branding(firm: "Pearl River", logo: Self.pngURI, primaryColor: "#8A1538", footer: "Confidential"))
        let parts = try Self.parts(try Self.file(.docx, input))
        let document = try Self.part(parts, "word/document.xml")
        let styles = document.elements.filter { $0.name == "w:pStyle" }.compactMap { $0.attributes["w:val"] }
        #expect(styles.filter { $0 == "Heading1" }.count == 7)
        #expect(document.text.contains(" TOC \\o \"1-2\" \\h \\z \\u "))
        #expect(document.text.contains(NumberFormat.percent(input.assessment.overall.score)))
        for result in input.assessment.questions where result.finding != nil {
            #expect(document.text.contains(result.id), "finding \(result.id) is missing")
        }
        let rows = document.elements.filter { $0.name == "w:trPr" }.count
        #expect(rows > 0 && document.elements.filter { $0.name == "w:cantSplit" }.count == rows)
        #expect(document.elements.contains { $0.name == "w:tblHeader" })
        #expect(document.elements.filter { $0.name == "c:chart" }.count == 3)
        #expect(document.elements.contains { $0.name == "a:blip" })
        #expect(try Self.part(parts, "word/charts/chart1.xml").elements.contains { $0.name == "c:radarChart" })
        #expect(try Self.part(parts, "word/charts/chart2.xml").elements.contains { $0.name == "c:barChart" })
        let styleSheet = try Self.part(parts, "word/styles.xml")
        #expect(styleSheet.elements.contains { $0.name == "w:color" && $0.attributes["w:val"] == "8A1538" })
        #expect(styleSheet.elements.contains { $0.name == "w:style" && $0.attributes["w:styleId"] == "Heading3" })
        let footer = try Self.part(parts, "word/footer1.xml")
        #expect(footer.elements.compactMap { $0.attributes["w:instr"] } == [" PAGE ", " NUMPAGES "])
        #expect(footer.text.hasPrefix("Confidential"))
        #expect(try Self.part(parts, "word/header1.xml").text.contains("Acme Cloud"))
    }

    @Test func chineseTextHasEastAsianFontsAndLanguage() throws {
        let parts = try Self.parts(try Self.file(.docx, try Self.input(language: "zh-Hans")))
        let styles = try Self.part(parts, "word/styles.xml")
        #expect(styles.elements.contains { $0.name == "w:lang" && $0.attributes["w:eastAsia"] == "zh-CN" })
        #expect(styles.elements.contains { $0.name == "w:rFonts" && $0.attributes["w:eastAsia"] == "SimSun" })
        #expect(styles.elements.contains { $0.name == "w:rFonts" && $0.attributes["w:eastAsia"] == "Microsoft YaHei" })
        #expect(try Self.part(parts, "word/document.xml").text.contains("执行摘要"))
        #expect(try Self.part(parts, "word/charts/chart1.xml").elements.contains { $0.name == "c:lang" && $0.attributes["val"] == "zh-CN" })
    }

    @Test func theEngagementGivesTheReportNumberAndWhoCarriesEachAction() throws {
        var input = try Self.input()
        let engagement = try EngagementLoader(questionnaire: input.questionnaire).load(file: Repository.path("examples/acme-engagement.yaml"))
        input.engagement = engagement
        let number = try #require(engagement.report.number)
        let docx = try Self.parts(try Self.file(.docx, input))
        #expect(try Self.part(docx, "word/header1.xml").text.hasPrefix(number))
        #expect(try Self.part(docx, "word/document.xml").text.contains(number))
        let xlsx = try Self.parts(try Self.file(.xlsx, input))
        let plan = try Self.part(xlsx, "xl/worksheets/sheet4.xml")
        let first = try #require(input.plan.actions.first)
        let owner = try #require(input.questionnaire.action(first.id)?.owner)
        let assignment = try #require(engagement.organisation.owners[input.questionnaire.text(owner, input.questionnaire.defaultLanguage)])
        let person = try #require(assignment.person.map { input.questionnaire.text($0, "en") })
        #expect(plan.cells["G2"]?.contains(person) == true, "\(plan.cells["G2"] ?? "nothing") does not name \(person)")
    }

    @Test(arguments: [ReportFormat.docx, .xlsx])
    func aHostileNoteStaysPlainText(format: ReportFormat) throws {
        let parts = try Self.parts(try Self.file(format, try Self.input(hostile: true)))
        let cleaned = XMLCharacters.cleaned(Self.hostileNote)
        var found = false
        for part in parts where part.path.hasSuffix(".xml") {
            let tree = try XMLTree.parse(part.bytes, name: part.path)
            // No formula anywhere, and no element that came from the note.
            #expect(!tree.elements.contains { $0.name == "f" }, "\(part.path) holds a formula")
            if tree.text.contains(cleaned) { found = true }
        }
        #expect(found, "the note is not in the \(format.rawValue) as text")
        if format == .xlsx {
            let sheet = try Self.part(parts, "xl/worksheets/sheet2.xml")
            #expect(sheet.cellTypes.values.allSatisfy { $0 == "inlineStr" })
        }
    }

    @Test(arguments: [ReportFormat.docx, .xlsx])
    func twoRunsGiveTheSameBytes(format: ReportFormat) throws {
        let first = try Self.file(format, try Self.input(language: "zh-Hans", hostile: true))
        let second = try Self.file(format, try Self.input(language: "zh-Hans", hostile: true))
        #expect(first == second)
        // The first entry's local header: modification time 00:00:00, date 1980-01-01 (DOS format).
        #expect(Array(first[10..<14]) == [0, 0, 0x21, 0])
    }

    /// A 1×1 PNG as a data URI (signature and IHDR are all the document reads).
    static let pngURI = "data:image/png;base64," + Data([
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 2, 0, 0, 0, 1,
        8, 6, 0, 0, 0, 0xF4, 0x22, 0x7F, 0x8A, 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]).base64EncodedString()
}

/// A parsed XML part: its elements with attributes in document order, its text, and (for a
/// worksheet) cell values and types by reference.
final class XMLTree: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
    }

    var elements: [Element] = []
    var text = ""
    /// `<v>` and inline-string texts by cell reference, and each cell's `t`.
    var cells: [String: String] = [:]
    var cellTypes: [String: String] = [:]
    var values: [String] = []
    private var cell: String?
    private var inValue = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(Element(name: name, attributes: attributes))
        if name == "c" {
            cell = attributes["r"]
            if let cell, let type = attributes["t"] { cellTypes[cell] = type }
        }
        if name == "v" || name == "t" { inValue = true }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "v" || name == "t" { inValue = false }
        if name == "c" { cell = nil }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
        if inValue, let cell {
            cells[cell, default: ""] += string
            values.append(string)
        }
    }

    static func parse(_ bytes: [UInt8], name: String = "part") throws -> XMLTree {
        let tree = XMLTree()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = tree
        guard parser.parse() else {
            throw NSError(domain: "XML", code: 1, userInfo: [NSLocalizedDescriptionKey:
                "\(name) is not well-formed at \(parser.lineNumber):\(parser.columnNumber): \(String(describing: parser.parserError))"])
        }
        return tree
    }
}
