/// The sections of report.docx after the summary: scores, findings, documents, plan, appendix.
struct ReportDocumentSections {
    let context: ReportContext

    private var q: Questionnaire { context.q }
    private var assessment: Assessment { context.input.assessment }
    private var plan: Plan { context.input.plan }
    private var t: (String) -> String { context.t }

    /// Chart colours by status, as in the HTML report.
    static func toneColor(_ status: Assessment.Status) -> String? {
        switch status {
        case .compliant: return "2E7D32"
        case .partial: return "B26A00"
        case .gap: return "B71C1C"
        default: return "9E9E9E"
        }
    }

    func add(to document: inout WordDocument) {
        areas(&document)
        clauses(&document)
        findings(&document)
        documents(&document)
        planSection(&document)
        if context.input.appendix { appendix(&document) }
    }

    private func status(_ status: Assessment.Status) -> WordDocument.Table.Cell {
        .init(t("status_\(status.rawValue)"), fill: ReportContext.statusFill(status.rawValue))
    }

    private func thresholdSeries(_ count: Int) -> [Chart.Series] {
        [Chart.Series(name: t("status_compliant"), values: Array(repeating: q.thresholds.compliant, count: count), color: "2E7D32",
                      labels: false, dashed: true),
         Chart.Series(name: t("status_partial"), values: Array(repeating: q.thresholds.partial, count: count), color: "B26A00",
                      labels: false, dashed: true)]
    }

    private func areas(_ document: inout WordDocument) {
        document.heading(1, t("areas"))
        let groups = assessment.areas
        document.chart(Chart(kind: .radar, title: t("areas"), categories: groups.map { context.text(q.area($0.id)?.title) },
                             series: [Chart.Series(name: t("score"), values: groups.map(\.summary.score), color: document.accent)]
                                 + thresholdSeries(groups.count), showLegend: true), width: 16, height: 10)
        document.table(.init(widths: [3, 1, 1.4, 1, 1], header: [t("area"), t("score"), t("status"), t("coverage"), t("answered")],
                             rows: groups.map { group in
                                 [.init(context.text(q.area(group.id)?.title)), .init(NumberFormat.percent(group.summary.score)),
                                  status(group.summary.status), .init(NumberFormat.percent(group.summary.coverage, decimals: 0)),
                                  .init("\(group.summary.answered)/\(group.summary.applicable)")]
                             }, fontSize: nil))
    }

    private func clauses(_ document: inout WordDocument) {
        document.heading(1, t("clauses"))
        let top = q.clauses.compactMap { clause in assessment.clause(clause.id).map { (clause, $0) } }
        document.chart(Chart(kind: .bar(horizontal: true), title: t("clauses"),
                             categories: top.map { "\($0.0.id) \(context.text($0.0.title))" },
                             series: [Chart.Series(name: t("score"), values: top.map(\.1.summary.score), color: document.accent,
                                                   pointColors: top.map { Self.toneColor($0.1.summary.status) })]),
                       width: 16, height: max(5, 1.1 * Double(top.count) + 2))
        var depth: [String: Int] = [:]
        func walk(_ clause: Questionnaire.Clause, _ level: Int) {
            depth[clause.id] = level
            clause.clauses.forEach { walk($0, level + 1) }
        }
        q.clauses.forEach { walk($0, 0) }
        document.table(.init(widths: [0.8, 3.2, 0.9, 1.3, 0.9, 0.9],
                             header: [t("clause"), context.office("clause_title"), t("score"), t("status"), t("coverage"), t("answered")],
                             rows: assessment.clauses.map { group in
                                 let top = (depth[group.id] ?? 0) == 0
                                 return [.init(group.id, bold: top),
                                         .init(String(repeating: "  ", count: depth[group.id] ?? 0) + context.text(context.clauses[group.id]?.title), bold: top),
                                         .init(NumberFormat.percent(group.summary.score)), status(group.summary.status),
                                         .init(NumberFormat.percent(group.summary.coverage, decimals: 0)),
                                         .init("\(group.summary.answered)/\(group.summary.applicable)")]
                             }, fontSize: nil))
    }

    private func findings(_ document: inout WordDocument) {
        document.heading(1, t("findings"))
        let all = AssessmentText.ranked(assessment.questions.filter { $0.finding != nil })
        if all.isEmpty { document.paragraph(t("no_findings")) }
        let workbook = ReportWorkbook(context: context)
        for finding in Assessment.Finding.allCases {
            let items = all.filter { $0.finding == finding }
            guard !items.isEmpty else { continue }
            document.heading(2, "\(t(finding.rawValue)) (\(items.count))")
            document.table(.init(widths: [1.05, 0.75, 2.5, 1.2, 1.7, 1.05],
                                 header: [context.office("id"), t("clause"), t("question"), t("answer"), t("note"), t("linked_actions")],
                                 rows: items.map { result in
                                     let question = context.questions[result.id]
                                     let note = [result.answer?.note, (result.answer?.evidence ?? []).isEmpty ? nil
                                                    : "\(t("evidence"))\(t("colon"))\((result.answer?.evidence ?? []).joined(separator: "; "))"]
                                         .compactMap { $0 }.joined(separator: "\n")
                                     return [.init(result.id, fill: ReportContext.statusFill(finding.rawValue), bold: true), .init(result.clause),
                                             .init(context.text(question?.text)), .init(workbook.answerText(result.answer, question)),
                                             .init(note), .init((question?.actions ?? []).joined(separator: "\n"))]
                                 }, fontSize: nil))
        }
    }

    private func documents(_ document: inout WordDocument) {
        document.heading(1, t("documents"))
        let statuses = Dictionary(plan.documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rows: [(Questionnaire.Document, Plan.Document.Status, [String])] = q.documents.map {
            ($0, statuses[$0.id]?.status ?? .unknown, statuses[$0.id]?.actions ?? [])
        }
        func table(_ rows: [(Questionnaire.Document, Plan.Document.Status, [String])]) -> WordDocument.Table {
            .init(widths: [2.6, 0.7, 1.2, 1, 1.3], header: [t("document"), t("clause"), t("kind"), t("status"), t("written_by")],
                  rows: rows.map { document, status, actions in
                      [.init(context.text(document.title)), .init(document.clause ?? ""), .init(t("kind_\(document.kind.rawValue)")),
                       .init(t("doc_\(status.rawValue)"), fill: ReportContext.statusFill(status.rawValue)), .init(actions.joined(separator: "\n"))]
                  }, fontSize: nil)
        }
        document.heading(2, t("required_documents"))
        document.table(table(rows))
        document.heading(2, t("documents_to_write"))
        let toWrite = rows.filter { $0.1 == .missing || $0.1 == .partial }
        if toWrite.isEmpty { document.paragraph(t("nothing_to_write")) } else { document.table(table(toWrite)) }
    }

    private func planSection(_ document: inout WordDocument) {
        document.heading(1, t("plan"))
        document.paragraph("\(t("plan_starts"))\(t("colon"))\(context.date(plan.start)) · \(t("capacity"))\(t("colon"))"
            + "\(NumberFormat.days(plan.capacity.default)) \(t("per_week")) · \(t("effort"))\(t("colon"))\(NumberFormat.days(plan.totalEffort)) "
            + "\(t("person_days")) · \(plan.weeks) \(t(plan.weeks == 1 ? "week_one" : "weeks"))")
        let columns = [(t("today"), assessment.overall.score)] + plan.phases.map { phase in
            (context.text(q.phases.first { $0.id == phase.id }?.title), phase.projectedScore)
        }
        document.chart(Chart(kind: .bar(horizontal: false), title: t("projection"), categories: columns.map(\.0),
                             series: [Chart.Series(name: t("projected_score"), values: columns.map(\.1), color: document.accent)]),
                       width: 16, height: 7)
        for phase in plan.phases {
            let title = context.text(q.phases.first { $0.id == phase.id }?.title)
            document.heading(2, "\(title) · \(t("projected_score"))\(t("colon"))\(NumberFormat.percent(phase.projectedScore))")
            let actions = plan.actions.filter { $0.phase == phase.id }
            if actions.isEmpty {
                document.paragraph(t("no_actions"))
            } else {
                document.table(.init(widths: [0.65, 3, 1.4, 0.8, 0.8, 1.7],
                                     header: [t("rank"), t("action"), t("owner"), t("effort"), t("benefit"), t("schedule")],
                                     rows: actions.map { action in
                                         let spec = q.action(action.id)
                                         let assignee = context.assignee(spec?.owner)
                                         return [.init(String(action.rank)), .init("\(context.text(spec?.title))\n\(action.id)"),
                                                 .init(context.text(spec?.owner) + (assignee.isEmpty ? "" : "\n\(assignee)")), .init(NumberFormat.days(action.effort)),
                                                 .init("+" + NumberFormat.fixed(action.benefit * 100, decimals: 1)),
                                                 .init("\(context.date(action.schedule.startDate)) – \(context.date(action.schedule.endDate))")]
                                     }, fontSize: nil))
            }
            let milestones = plan.milestones.filter { $0.phase == phase.id }
            if !milestones.isEmpty {
                document.table(.init(widths: [3.5, 1, 1.7], header: [t("milestone"), t("duration"), t("schedule")],
                                     rows: milestones.map { milestone in
                                         [.init(context.text(q.milestones.first { $0.id == milestone.id }?.title), bold: true),
                                          .init("\(NumberFormat.days(milestone.weeks)) \(t(milestone.weeks == 1 ? "week_one" : "weeks"))"),
                                          .init("\(context.date(milestone.schedule.startDate)) – \(context.date(milestone.schedule.endDate))")]
                                     }, fontSize: nil))
            }
        }
        document.heading(2, t("gantt"))
        document.table(GanttTable(context: context).table())
        document.paragraph([.init(context.office("gantt_legend"), color: "595959", size: 8)])
    }

    private func appendix(_ document: inout WordDocument) {
        document.heading(1, t("appendix"))
        let results = Dictionary(assessment.questions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let workbook = ReportWorkbook(context: context)
        for clause in q.allClauses where !clause.questions.isEmpty {
            document.heading(3, "\(clause.id) \(context.text(clause.title))")
            document.table(.init(widths: [1.1, 3, 1.5, 1, 1.6], header: [context.office("id"), t("question"), t("answer"), t("status"), t("note")],
                                 rows: clause.questions.map { question in
                                     let result = results[question.id]
                                     let note = [result?.answer?.note, (result?.answer?.evidence ?? []).isEmpty ? nil
                                                    : "\(t("evidence"))\(t("colon"))\((result?.answer?.evidence ?? []).joined(separator: "; "))"]
                                         .compactMap { $0 }.joined(separator: "\n")
                                     return [.init(question.id), .init(context.text(question.text)),
                                             .init(workbook.answerText(result?.answer, question)), status(result?.status ?? .unanswered), .init(note)]
                                 }, fontSize: nil))
        }
    }
}
