/// report.xlsx: the report's registers and the remediation tracker as a workbook.
struct ReportWorkbook {
    let context: ReportContext

    private var q: Questionnaire { context.q }
    private var assessment: Assessment { context.input.assessment }
    private var plan: Plan { context.input.plan }

    func workbook() -> Workbook {
        var workbook = Workbook(sheets: [summary(), register(nonconformity: true), register(nonconformity: false), tracker(),
                                         documents(), answers()])
        workbook.font = context.language == "zh-Hans" ? "Microsoft YaHei" : "Calibri"
        workbook.accent = String(context.input.branding.primaryColor.dropFirst())
        workbook.properties = WorkbookProperties(title: "\(context.t("report_title")): \(context.text(q.title))",
                                                 subject: context.clientName,
                                                 creator: context.input.branding.firm, language: context.language,
                                                 date: context.input.answers.date ?? plan.start)
        return workbook
    }

    private func status(_ status: Assessment.Status) -> String { context.t("status_\(status.rawValue)") }

    /// Fills for a status column, by the label each status has in this language.
    private func statusFills(_ range: String) -> [ConditionalFill] {
        [(Assessment.Status.compliant, ConditionalFill.Tone.good), (.partial, .warning), (.gap, .bad)].map {
            ConditionalFill(range: range, value: status($0.0), tone: $0.1)
        }
    }

    private func summary() -> Worksheet {
        var sheet = Worksheet(name: context.office("sheet_summary"))
        let answers = context.input.answers
        sheet.append([.text("\(context.t("report_title")): \(context.text(q.title))", .title)])
        sheet.append([])
        sheet.append([.header(context.office("key_figures")), .header(context.office("value"))])
        var figures: [(String, Cell)] = []
        if let client = context.clientName { figures.append((context.t("client"), .text(client))) }
        figures += context.documentControl.map { ($0.label, .text($0.value)) }
        figures.append((context.t("standard"), .text(context.text(q.title))))
        if let date = answers.date { figures.append((context.t("date"), .date(date))) }
        let verdict = assessment.readiness.verdict.rawValue
        figures += [
            (context.t("verdict"), .text(context.t("verdict_\(verdict)"))),
            (context.t("overall_score"), .percent(assessment.overall.score)),
            (context.t("coverage"), .percent(assessment.overall.coverage)),
            (context.t("major"), .integer(assessment.readiness.major)),
            (context.t("minor"), .integer(assessment.readiness.minor)),
            (context.t("observation"), .integer(assessment.readiness.observation)),
            (context.t("actions"), .integer(plan.actions.count)),
            (context.office("effort_days"), .number(plan.totalEffort)),
            (context.office("weeks_total"), .integer(plan.weeks)),
        ]
        if let last = (plan.actions.map(\.schedule) + plan.milestones.map(\.schedule)).max(by: { $0.endWeek < $1.endWeek }) {
            figures.append((context.t("certificate_by"), .date(last.endDate)))
        }
        for (label, cell) in figures { sheet.append([.text(label, .label), cell]) }
        sheet.append([])

        let areaHeader = sheet.nextRow
        sheet.append([context.t("area"), context.t("score"), context.t("status"), context.t("coverage"), context.t("answered")].map(Cell.header))
        for group in assessment.areas {
            sheet.append([.text(context.text(q.area(group.id)?.title)), .percent(group.summary.score), .text(status(group.summary.status)),
                          .percent(group.summary.coverage), .text("\(group.summary.answered)/\(group.summary.applicable)")])
        }
        sheet.fills += statusFills(CellReference.range(2, areaHeader + 1, 2, max(areaHeader + 1, sheet.rows.count)))
        sheet.append([])
        let clauseHeader = sheet.nextRow
        sheet.append([context.t("clause"), context.office("clause_title"), context.t("score"), context.t("status"),
                      context.t("coverage"), context.t("answered")].map(Cell.header))
        for group in assessment.clauses {
            sheet.append([.text(group.id), .text(context.text(context.clauses[group.id]?.title)), .percent(group.summary.score),
                          .text(status(group.summary.status)), .percent(group.summary.coverage),
                          .text("\(group.summary.answered)/\(group.summary.applicable)")])
        }
        sheet.fills += statusFills(CellReference.range(3, clauseHeader + 1, 3, max(clauseHeader + 1, sheet.rows.count)))
        sheet.widths = [0: 30]
        return sheet
    }

    /// Nonconformities (major and minor findings) or observations.
    private func register(nonconformity: Bool) -> Worksheet {
        var sheet = Worksheet(name: context.office(nonconformity ? "sheet_nonconformities" : "sheet_observations"))
        let results = AssessmentText.ranked(assessment.questions.filter {
            guard let finding = $0.finding else { return false }
            return nonconformity ? finding != .observation : finding == .observation
        })
        var header = [context.office("id"), context.t("clause"), context.office("clause_title"), context.t("question"),
                      context.t("answer"), context.t("status"), context.t("note"), context.t("evidence"), context.t("linked_actions")]
        if nonconformity { header.insert(context.t("severity"), at: 1) }
        sheet.append(header.map(Cell.header))
        for result in results {
            let question = context.questions[result.id]
            var row: [Cell] = [.text(result.id), .text(result.clause), .text(context.text(context.clauses[result.clause]?.title)),
                               .text(context.text(question?.text)), .text(answerText(result.answer, question)),
                               .text(status(result.status)), .text(result.answer?.note ?? ""),
                               .text((result.answer?.evidence ?? []).joined(separator: "; ")),
                               .text((question?.actions ?? []).joined(separator: "; "))]
            if nonconformity { row.insert(.text(context.t("finding_\((result.finding ?? .minor).rawValue)")), at: 1) }
            sheet.append(row)
        }
        sheet.frozenRows = 1
        sheet.filterRow = 1
        let last = max(2, sheet.rows.count)
        if nonconformity {
            sheet.fills = [ConditionalFill(range: CellReference.range(1, 2, 1, last), value: context.t("finding_major"), tone: .bad),
                           ConditionalFill(range: CellReference.range(1, 2, 1, last), value: context.t("finding_minor"), tone: .warning)]
        }
        let offset = nonconformity ? 1 : 0
        sheet.widths = [2 + offset: 28, 3 + offset: 50, 4 + offset: 24, 6 + offset: 36]
        return sheet
    }

    func answerText(_ answer: Answer?, _ question: Questionnaire.Question?) -> String {
        guard let value = answer?.value else { return context.t("status_unanswered") }
        guard case .option(let option) = value else { return context.t("status_na") }
        return question.flatMap { q.scale($0.scale)?.option(option) }.map { context.text($0.label) } ?? option
    }

    /// The remediation tracker: the planned actions and the columns the client fills in.
    private func tracker() -> Worksheet {
        var sheet = Worksheet(name: context.office("sheet_plan"))
        sheet.append([context.t("rank"), context.office("id"), context.t("action"), context.t("phase"), context.office("closes"),
                      context.t("owner"), context.office("department"), context.office("effort_days"), context.office("planned_start"),
                      context.office("planned_end"), context.office("tracker_status"), context.office("percent_done"),
                      context.office("actual_end"), context.office("comment")].map(Cell.header))
        let todo = context.office("todo")
        for action in plan.actions {
            let spec = q.action(action.id)
            sheet.append([.integer(action.rank), .text(action.id), .text(context.text(spec?.title)),
                          .text(context.text(q.phases.first { $0.id == action.phase }?.title)),
                          .text(action.questions.joined(separator: "; ")), .text(context.text(spec?.owner)),
                          .text(context.assignee(spec?.owner), .inputText), .number(action.effort), .date(action.schedule.startDate), .date(action.schedule.endDate),
                          .text(todo, .inputText), .number(0, .inputPercent), .date(nil, .inputDate), .text("", .inputText)])
        }
        sheet.frozenRows = 1
        sheet.filterRow = 1
        let last = max(2, sheet.rows.count)
        let status = CellReference.range(10, 2, 10, last)
        sheet.validations = [
            DataValidation(range: status, kind: .list([todo, context.office("in_progress"), context.office("done")])),
            DataValidation(range: CellReference.range(11, 2, 11, last), kind: .decimal(min: 0, max: 1)),
            DataValidation(range: CellReference.range(12, 2, 12, last), kind: .date),
        ]
        sheet.fills = [ConditionalFill(range: status, value: context.office("done"), tone: .good),
                       ConditionalFill(range: status, value: context.office("in_progress"), tone: .warning),
                       ConditionalFill(range: status, value: todo, tone: .neutral)]
        sheet.widths = [2: 44, 4: 24, 6: 20, 10: 14, 11: 12, 12: 14, 13: 36]
        return sheet
    }

    private func documents() -> Worksheet {
        var sheet = Worksheet(name: context.office("sheet_documents"))
        sheet.append([context.office("id"), context.t("document"), context.t("clause"), context.t("kind"), context.t("status"),
                      context.t("written_by")].map(Cell.header))
        let statuses = Dictionary(plan.documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for document in q.documents {
            let status = statuses[document.id]
            sheet.append([.text(document.id), .text(context.text(document.title)), .text(document.clause ?? ""),
                          .text(context.t("kind_\(document.kind.rawValue)")), .text(context.t("doc_\((status?.status ?? .unknown).rawValue)")),
                          .text((status?.actions ?? []).joined(separator: "; "))])
        }
        sheet.frozenRows = 1
        sheet.filterRow = 1
        let range = CellReference.range(4, 2, 4, max(2, sheet.rows.count))
        sheet.fills = [ConditionalFill(range: range, value: context.t("doc_ok"), tone: .good),
                       ConditionalFill(range: range, value: context.t("doc_partial"), tone: .warning),
                       ConditionalFill(range: range, value: context.t("doc_missing"), tone: .bad)]
        return sheet
    }

    private func answers() -> Worksheet {
        var sheet = Worksheet(name: context.office("sheet_answers"))
        sheet.append([context.t("clause"), context.office("id"), context.t("question"), context.t("answer"), context.office("question_score"),
                      context.t("status"), context.t("note"), context.t("evidence")].map(Cell.header))
        let results = Dictionary(assessment.questions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for clause in q.allClauses {
            for question in clause.questions {
                let result = results[question.id]
                sheet.append([.text(clause.id), .text(question.id), .text(context.text(question.text)),
                              .text(answerText(result?.answer, question)), .percent(result?.score),
                              .text(status(result?.status ?? .unanswered)), .text(result?.answer?.note ?? ""),
                              .text((result?.answer?.evidence ?? []).joined(separator: "; "))])
            }
        }
        sheet.frozenRows = 1
        sheet.filterRow = 1
        sheet.fills = statusFills(CellReference.range(5, 2, 5, max(2, sheet.rows.count)))
        sheet.widths = [2: 60, 3: 28, 6: 40]
        return sheet
    }
}
