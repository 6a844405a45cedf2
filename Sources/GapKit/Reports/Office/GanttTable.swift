/// The schedule as a Word table: a row per action and milestone, a column per week (or per group
/// of weeks when the plan is long), the weeks it runs shaded in its phase's shade.
struct GanttTable {
    let context: ReportContext

    /// Most week columns that fit across an A4 page.
    static let maxColumns = 26
    /// Shades of the phases, darkest first.
    static let shades = ["1F4E79", "2E75B6", "5B9BD5", "9DC3E6", "BDD7EE"]

    func table() -> WordDocument.Table {
        let q = context.q, plan = context.input.plan
        let weeks = max(1, plan.weeks)
        let span = (weeks + Self.maxColumns - 1) / Self.maxColumns
        let columns = (weeks + span - 1) / span
        var rows: [[WordDocument.Table.Cell]] = []
        for (index, phase) in q.phases.enumerated() {
            let shade = Self.shades[min(index, Self.shades.count - 1)]
            var items: [(label: String, schedule: Plan.Schedule, bold: Bool)] = plan.actions.filter { $0.phase == phase.id }.map {
                ("\($0.rank). \(context.text(q.action($0.id)?.title))", $0.schedule, false)
            }
            items += plan.milestones.filter { $0.phase == phase.id }.map { milestone in
                ("◆ " + context.text(q.milestones.first { $0.id == milestone.id }?.title), milestone.schedule, true)
            }
            for item in items {
                var row: [WordDocument.Table.Cell] = [.init(item.label, bold: item.bold)]
                for column in 0..<columns {
                    let first = column * span + 1, last = first + span - 1
                    let runs = item.schedule.startWeek <= last && item.schedule.endWeek >= first
                    row.append(.init("", fill: runs ? shade : nil))
                }
                rows.append(row)
            }
        }
        let header = [context.t("action")] + (0..<columns).map { column in
            String(column * span + 1)
        }
        return .init(widths: [Double(columns) * 0.55] + Array(repeating: 1, count: columns), header: header,
                     rows: rows, fontSize: 6, compact: true)
    }
}
