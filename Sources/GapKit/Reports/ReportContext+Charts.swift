/// The four SVG charts of the HTML report.
extension ReportContext {
    func charts() -> [String: Any] {
        let a = input.assessment, plan = input.plan
        let style = ChartStyle(primary: input.branding.primaryColor)
        let (partial, compliant) = (q.thresholds.partial, q.thresholds.compliant)
        let radar = RadarChart(
            axes: a.areas.map { .init(label: text(q.area($0.id)?.title), value: $0.summary.score) },
            partial: partial, compliant: compliant, title: t("areas"), style: style)
        let bars = BarChart(
            bars: q.clauses.compactMap { clause in
                a.clause(clause.id).map { .init(label: "\(clause.id)  \(text(clause.title))", value: $0.summary.score, tone: tone($0.summary.status)) }
            },
            partial: partial, compliant: compliant,
            legend: [(.compliant, t("status_compliant")), (.partial, t("status_partial")), (.gap, t("status_gap"))],
            title: t("clauses"), style: style)
        let gantt = OwnerGanttChart(lanes: ganttLanes(), months: months(), totalWeeks: Double(max(1, plan.weeks)),
                                    phaseLabels: q.phases.map { text($0.title) }, title: t("gantt_by_owner"), style: style)
        let phases = PhaseChart(
            columns: [.init(label: t("today"), value: a.overall.score)]
                + plan.phases.map { phase in .init(label: text(q.phases.first { $0.id == phase.id }?.title), value: phase.projectedScore) },
            partial: partial, compliant: compliant, title: t("projection"), style: style)
        return ["radar": radar.svg(), "bars": bars.svg(), "gantt": gantt.svg(), "phases": phases.svg()]
    }

    /// One lane per owner, in the order the plan first needs them, then the milestones.
    private func ganttLanes() -> [OwnerGanttChart.Lane] {
        let plan = input.plan
        var order: [String] = []
        var bars: [String: [OwnerGanttChart.Bar]] = [:]
        for action in plan.actions.sorted(by: { ($0.schedule.start, $0.rank) < ($1.schedule.start, $1.rank) }) {
            let role = ownerRole(action.id) ?? ""
            if bars[role] == nil { order.append(role) }
            bars[role, default: []].append(.init(start: action.schedule.start, end: action.schedule.end,
                                                 phaseIndex: q.phaseIndex(action.phase) ?? 0, milestone: false))
        }
        var lanes: [OwnerGanttChart.Lane] = order.map { role in
            let sample = plan.actions.first { ownerRole($0.id) == role }
            let owner = sample.map { self.owner($0.id) } ?? [:]
            let name = (owner["role"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? t("nobody")
            let person = owner["person"] as? String
            return .init(label: name + (person.map { t("list_separator") + $0 } ?? ""), bars: bars[role] ?? [])
        }
        if !plan.milestones.isEmpty {
            lanes.append(.init(label: t("milestones_lane"), bars: plan.milestones.map {
                .init(start: $0.schedule.start, end: $0.schedule.end, phaseIndex: q.phaseIndex($0.phase) ?? 0, milestone: true)
            }))
        }
        return lanes
    }

    /// The first day of every month within the plan, in weeks from its start; the year is named in
    /// the first label and in January's.
    private func months() -> [OwnerGanttChart.Month] {
        let plan = input.plan
        let names = t("month_names").split(separator: " ").map(String.init)
        let first = plan.start.daysSinceEpoch, last = first + max(1, plan.weeks) * 7
        var year = plan.start.year, month = plan.start.month
        var result: [OwnerGanttChart.Month] = []
        while true {
            let day = CalendarDate(String(format: "%04d-%02d-01", year, month)) ?? plan.start
            let offset = day.daysSinceEpoch - first
            if offset > last - first { break }
            // The month the plan starts in, part-way through, gets no label: the next one names the year.
            guard offset >= 0 else { month += 1; if month > 12 { month = 1; year += 1 }; continue }
            let name = names.indices.contains(month - 1) ? names[month - 1] : String(month)
            let label = result.isEmpty || month == 1 ? t("month_year", ["month": name, "year": year]) : name
            result.append(.init(week: Double(max(0, offset)) / 7, label: label))
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return result
    }

    private func tone(_ status: Assessment.Status) -> ChartTone {
        switch status {
        case .compliant: return .compliant
        case .partial: return .partial
        case .gap: return .gap
        default: return .none
        }
    }
}
