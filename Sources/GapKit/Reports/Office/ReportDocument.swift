import Foundation

/// report.docx: the sections of the HTML report as a Word document, with native charts.
struct ReportDocument {
    let context: ReportContext

    private var q: Questionnaire { context.q }
    private var assessment: Assessment { context.input.assessment }
    private var plan: Plan { context.input.plan }
    private var t: (String) -> String { context.t }

    func document() -> WordDocument {
        var document = WordDocument()
        let zh = context.language == "zh-Hans"
        document.language = zh ? "zh-CN" : "en-GB"
        document.accent = String(context.input.branding.primaryColor.dropFirst())
        document.logo = Self.png(context.input.branding.logo)
        let client = context.clientName
        let number = context.input.engagement?.report.number
        document.headerText = ([number, t("report_title") + t("colon") + context.text(q.title), client].compactMap { $0 }).joined(separator: " · ")
        document.footerText = context.input.branding.footer
            ?? context.input.engagement?.report.confidentiality.map { context.text($0) } ?? t("confidential")
        document.pageWords = (t("page_before"), t("page_of"), t("page_after"))
        document.properties = WorkbookProperties(title: "\(t("report_title")): \(context.text(q.title))", subject: client,
                                                 creator: context.input.branding.firm, language: context.language,
                                                 date: context.input.answers.date ?? plan.start)
        cover(&document)
        document.blocks.append(.paragraph([.init(t("contents"), bold: true, color: document.accent, size: 16)], style: nil))
        document.blocks.append(.contents(levels: 2))
        summary(&document)
        ReportDocumentSections(context: context).add(to: &document)
        return document
    }

    /// The logo's PNG bytes and pixel size, from a `data:image/png;base64,` URI (an SVG logo is left out).
    static func png(_ uri: String?) -> (png: [UInt8], width: Int, height: Int)? {
        let prefix = "data:image/png;base64,"
        guard let uri, uri.hasPrefix(prefix), let data = Data(base64Encoded: String(uri.dropFirst(prefix.count))) else { return nil }
        let bytes = [UInt8](data)
        guard bytes.count > 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) else { return nil }
        func int(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        let (width, height) = (int(16), int(20))
        guard width > 0, height > 0 else { return nil }
        return (bytes, width, height)
    }

    private func cover(_ document: inout WordDocument) {
        let answers = context.input.answers
        if document.logo != nil { document.blocks.append(.logo(height: 2)) }
        if let firm = context.input.branding.firm { document.paragraph([.init(firm, bold: true, color: document.accent, size: 12)]) }
        document.paragraph(t("report_title"), style: "Title")
        document.paragraph(context.text(q.title), style: "Subtitle")
        var rows: [(String, String)] = []
        if let client = context.clientName { rows.append((t("client"), client)) }
        rows.append((t("standard"), context.text(q.title)))
        if let date = answers.date { rows.append((t("date"), context.date(date))) }
        let respondent = [answers.respondent.name, answers.respondent.role].compactMap { $0 }.joined(separator: ", ")
        if !respondent.isEmpty { rows.append((t("respondent"), respondent)) }
        if let consultant = context.input.engagement?.consultant.name.map({ context.text($0) }) ?? answers.consultant {
            rows.append((t("consultant"), consultant))
        }
        rows += context.documentControl
        rows.append((t("questionnaire"), q.id + (q.version.map { " (\(t("version")) \($0))" } ?? "")))
        document.table(.init(widths: [1, 2.5], header: [], rows: rows.map { [.init($0.0, bold: true), .init($0.1)] }, fontSize: 10))
        document.paragraph([.init(t("confidential"), color: "595959", size: 9)])
        document.blocks.append(.pageBreak)
    }

    private func summary(_ document: inout WordDocument) {
        document.heading(1, t("summary"))
        let verdict = assessment.readiness.verdict.rawValue
        document.heading(2, t("conclusion"))
        document.paragraph(t("verdict_\(verdict)"), style: "Verdict")
        document.paragraph(t("verdict_text_\(verdict)").replacingOccurrences(of: "{unanswered}", with: String(assessment.readiness.unanswered)))
        if assessment.overall.answered < assessment.overall.applicable {
            document.paragraph([.init(t("coverage_warning")
                .replacingOccurrences(of: "{unanswered}", with: String(assessment.overall.applicable - assessment.overall.answered))
                .replacingOccurrences(of: "{applicable}", with: String(assessment.overall.applicable)), color: "B26A00")])
        }
        var figures: [(String, String)] = [
            (t("overall_score"), NumberFormat.percent(assessment.overall.score) + " · " + t("status_\(assessment.overall.status.rawValue)")),
            (t("coverage"), NumberFormat.percent(assessment.overall.coverage, decimals: 0)),
            (t("major"), String(assessment.readiness.major)), (t("minor"), String(assessment.readiness.minor)),
            (t("observation"), String(assessment.readiness.observation)),
            (t("actions"), String(plan.actions.count)), (t("effort"), "\(NumberFormat.days(plan.totalEffort)) \(t("person_days"))"),
            (t("weeks_to_certificate"), String(plan.weeks)),
        ]
        if let last = (plan.actions.map(\.schedule) + plan.milestones.map(\.schedule)).max(by: { $0.endWeek < $1.endWeek }) {
            figures.append((t("certificate_by"), context.date(last.endDate)))
        }
        document.table(.init(widths: [1.2, 1], header: [context.office("key_figures"), context.office("value")],
                             rows: figures.map { [.init($0.0), .init($0.1, bold: true)] }, fontSize: 10))
        let top = AssessmentText.ranked(assessment.questions.filter { $0.finding != nil }).prefix(5)
        if !top.isEmpty {
            document.heading(2, t("top_gaps"))
            document.table(.init(widths: [1.1, 0.6, 3, 0.9], header: [t("severity"), t("clause"), t("question"), t("status")],
                                 rows: top.map { result in
                                     let finding = (result.finding ?? .observation).rawValue
                                     return [.init(t("finding_\(finding)"), fill: ReportContext.statusFill(finding)), .init(result.clause),
                                             .init(context.text(context.questions[result.id]?.text)),
                                             .init(t("status_\(result.status.rawValue)"), fill: ReportContext.statusFill(result.status.rawValue))]
                                 }, fontSize: nil))
        }
        document.heading(2, t("method"))
        document.paragraph(t("method_text"))
        document.paragraph("\(t("thresholds"))\(t("colon"))\(t("status_compliant")) ≥ \(NumberFormat.percent(q.thresholds.compliant, decimals: 0)), "
            + "\(t("status_partial")) ≥ \(NumberFormat.percent(q.thresholds.partial, decimals: 0))")
    }
}
