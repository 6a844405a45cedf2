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
        var rows: [GanttChart.Row] = []
        for (index, phase) in q.phases.enumerated() {
            for action in plan.actions where action.phase == phase.id {
                rows.append(.init(label: "\(action.rank). \(text(q.action(action.id)?.title))", start: action.schedule.start,
                                  end: action.schedule.end, kind: .action, phaseIndex: index))
            }
            for milestone in plan.milestones where milestone.phase == phase.id {
                rows.append(.init(label: text(q.milestones.first { $0.id == milestone.id }?.title), start: milestone.schedule.start,
                                  end: milestone.schedule.end, kind: .milestone, phaseIndex: index))
            }
        }
        let gantt = GanttChart(rows: rows, phaseLabels: q.phases.map { text($0.title) }, totalWeeks: max(1, plan.weeks),
                               weekLabel: t("week"), title: t("gantt"), style: style)
        let phases = PhaseChart(
            columns: [.init(label: t("today"), value: a.overall.score)]
                + plan.phases.map { phase in .init(label: text(q.phases.first { $0.id == phase.id }?.title), value: phase.projectedScore) },
            partial: partial, compliant: compliant, title: t("projection"), style: style)
        return ["radar": radar.svg(), "bars": bars.svg(), "gantt": gantt.svg(), "phases": phases.svg()]
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
