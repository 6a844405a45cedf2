import Foundation

/// The readable plan `gapkit plan` prints: actions by phase with their weeks, milestones and documents to write.
public struct PlanText: Sendable {
    public var questionnaire: Questionnaire
    public var plan: Plan
    public var language: String

    public init(_ questionnaire: Questionnaire, _ plan: Plan, language: String? = nil) {
        self.questionnaire = questionnaire
        self.plan = plan
        self.language = language ?? questionnaire.defaultLanguage
    }

    public func render() -> String {
        let q = questionnaire, p = plan
        var out = "Implementation plan: \(p.actions.count) actions, \(NumberFormat.days(p.totalEffort)) person-days, "
        out += "\(p.weeks) weeks (each owner \(NumberFormat.days(p.capacity.default)) person-days a week"
        let others = p.owners.filter { p.capacity.of($0) != p.capacity.default }
        out += others.map { "; \($0) \(NumberFormat.days(p.capacity.of($0)))" }.joined()
        out += "; week 1 starts \(p.start))\n"
        for phase in p.phases {
            let title = q.phases.first { $0.id == phase.id }.map { q.text($0.title, language) } ?? phase.id
            out += "\n\(title): \(NumberFormat.days(phase.effort)) person-days, projected score \(NumberFormat.percent(phase.projectedScore))\n"
            let actions = p.actions.filter { $0.phase == phase.id }
            if !actions.isEmpty {
                out += "  rank  action                   effort  benefit  priority  weeks\n"
                for action in actions {
                    out += "  " + TerminalWidth.padLeft(String(action.rank), to: 4) + "  " + TerminalWidth.padRight(action.id, to: 24)
                        + TerminalWidth.padLeft(NumberFormat.days(action.effort) + " d", to: 7)
                        + TerminalWidth.padLeft("+" + NumberFormat.fixed(action.benefit * 100, decimals: 1), to: 9)
                        + TerminalWidth.padLeft(NumberFormat.fixed(action.priority * 100, decimals: 2), to: 10)
                        + "  " + weeks(action.schedule) + "\n"
                    let spec = q.action(action.id)
                    let title = spec.map { q.text($0.title, language) } ?? ""
                    let owner = spec?.owner.map { " (" + q.text($0, language).trimmingCharacters(in: .whitespaces) + ")" } ?? ""
                    out += "        " + TerminalWidth.truncate(title + owner, to: 70) + "\n"
                }
            }
            for milestone in p.milestones where milestone.phase == phase.id {
                let title = q.milestones.first { $0.id == milestone.id }.map { q.text($0.title, language) } ?? ""
                out += "  milestone  " + TerminalWidth.padRight(TerminalWidth.truncate(title, to: 40), to: 41)
                    + weeks(milestone.schedule) + "  (\(milestone.schedule.startDate) – \(milestone.schedule.endDate))\n"
            }
        }
        let toWrite = p.documents.filter { $0.status == .missing || $0.status == .partial }
        if !toWrite.isEmpty {
            out += "\nDocuments to write or revise (\(toWrite.count))\n"
            for document in toWrite {
                let title = q.documents.first { $0.id == document.id }.map { q.text($0.title, language) } ?? ""
                out += "  " + TerminalWidth.padRight(document.status.rawValue, to: 9) + TerminalWidth.padRight(document.id, to: 26)
                    + TerminalWidth.truncate(title, to: 43) + "\n"
            }
        }
        out += "\nbenefit: overall score gained, in percentage points; priority: severity-weighted points per person-day (docs/SCORING.md).\n"
        return out
    }

    private func weeks(_ schedule: Plan.Schedule) -> String {
        schedule.startWeek == schedule.endWeek ? "week \(schedule.startWeek)" : "weeks \(schedule.startWeek)–\(schedule.endWeek)"
    }
}
