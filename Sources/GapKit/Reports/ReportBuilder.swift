/// The formats `gapkit assess` writes.
public enum ReportFormat: String, CaseIterable, Sendable {
    case html, md, csv, json, docx, xlsx
}

/// Renders a report into files: `report.html`, `report.md`, `report.json`, `findings.csv`,
/// `actions.csv`, `documents.csv`, `report.docx` and `report.xlsx`. Everything is rendered in
/// memory first, so a failure writes nothing.
public struct ReportBuilder: Sendable {
    public var input: ReportInput
    public var templates: ReportTemplates

    public init(_ input: ReportInput, templates: ReportTemplates) {
        self.input = input
        self.templates = templates
    }

    /// File name → content, in a fixed order.
    public func files(_ formats: Set<ReportFormat>) throws -> [(name: String, bytes: [UInt8])] {
        var files: [(String, [UInt8])] = []
        let context = ReportContext(input)
        if formats.contains(.html) || formats.contains(.md) {
            let values = XMLCharacters.cleaned(context.values())
            if formats.contains(.html) { files.append(("report.html", Array(templates.html.render(values, library: templates.library).utf8))) }
            if formats.contains(.md) { files.append(("report.md", Array(templates.markdown.render(values, library: templates.library).utf8))) }
        }
        if formats.contains(.json) { files.append(("report.json", Array(JSONWriter().string(json()).utf8))) }
        if formats.contains(.csv) {
            let tables = ReportCSV(context: context)
            files += [("findings.csv", tables.findings().bytes()), ("actions.csv", tables.actions().bytes()),
                      ("documents.csv", tables.documents().bytes())]
        }
        do throws(OfficePackageError) {
            if formats.contains(.docx) { files.append(("report.docx", try ReportDocument(context: context).document().docx())) }
            if formats.contains(.xlsx) { files.append(("report.xlsx", try ReportWorkbook(context: context).workbook().xlsx())) }
        } catch {
            throw OutputError(path: "report.\(formats.contains(.docx) ? "docx" : "xlsx")", reason: error.reason)
        }
        return files
    }

    /// Score and plan together, under the contracts of `gapkit score` and `gapkit plan`.
    func json() -> JSONValue {
        let answers = input.answers
        return .object([
            "questionnaire": .object(["id": .string(input.questionnaire.id), "version": input.questionnaire.version.map(JSONValue.string)]),
            "respondent": .object(["name": answers.respondent.name.map(JSONValue.string), "role": answers.respondent.role.map(JSONValue.string),
                                   "organization": answers.respondent.organization.map(JSONValue.string)]),
            "consultant": answers.consultant.map(JSONValue.string),
            "date": answers.date.map { .string($0.description) },
            "language": .string(input.language),
            "score": input.assessment.json,
            "plan": input.plan.json,
        ])
    }
}
