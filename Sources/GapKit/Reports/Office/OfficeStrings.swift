/// The fixed strings only the Word and Excel files use, in English and Simplified Chinese (the
/// rest come from `ReportStrings`).
enum OfficeStrings {
    static func table(for language: String) -> [String: String] { language == "zh-Hans" ? chinese : english }

    static let english: [String: String] = [
        "sheet_summary": "Summary", "sheet_nonconformities": "Nonconformities", "sheet_observations": "Observations",
        "sheet_plan": "Plan", "sheet_documents": "Documents", "sheet_answers": "Answers",
        "id": "ID", "closes": "Nonconformities closed", "department": "Department / person",
        "effort_days": "Effort (person-days)", "planned_start": "Planned start", "planned_end": "Planned end",
        "tracker_status": "Status", "percent_done": "% done", "actual_end": "Actual completion", "comment": "Comment",
        "todo": "todo", "in_progress": "in progress", "done": "done",
        "question_score": "Score", "clause_title": "Clause title", "report_no": "Report no.",
        "key_figures": "Key figures", "value": "Value", "weeks_total": "Weeks of the plan",
        "tracker_help": "Fill in the shaded columns: status (list), % done, actual completion date and comment.",
        "gantt_weeks": "Weeks", "gantt_legend": "Shaded cells: the weeks in which an action or milestone runs, in its phase's shade.",
    ]

    static let chinese: [String: String] = [
        "sheet_summary": "摘要", "sheet_nonconformities": "不符合项", "sheet_observations": "观察项",
        "sheet_plan": "整改计划", "sheet_documents": "文件", "sheet_answers": "全部回答",
        "id": "编号", "closes": "关闭的不符合项", "department": "部门/人员",
        "effort_days": "工作量（人天）", "planned_start": "计划开始", "planned_end": "计划完成",
        "tracker_status": "状态", "percent_done": "完成百分比", "actual_end": "实际完成日期", "comment": "说明",
        "todo": "待办", "in_progress": "进行中", "done": "已完成",
        "question_score": "得分", "clause_title": "条款名称", "report_no": "报告编号",
        "key_figures": "关键数据", "value": "数值", "weeks_total": "计划周数",
        "tracker_help": "请填写带底色的列：状态（下拉选择）、完成百分比、实际完成日期和说明。",
        "gantt_weeks": "周", "gantt_legend": "带底色的单元格：措施或里程碑进行的周次，底色表示所属阶段。",
    ]
}

extension ReportContext {
    /// A fixed string of the Office files, falling back to the report's own strings.
    func office(_ key: String) -> String {
        OfficeStrings.table(for: language)[key] ?? OfficeStrings.english[key] ?? t(key)
    }

    /// Fill colours by status, for table cells.
    static func statusFill(_ status: String) -> String? {
        switch status {
        case "compliant", "ok": return "C6EFCE"
        case "partial", "minor": return "FFEB9C"
        case "gap", "missing", "major": return "FFC7CE"
        default: return nil
        }
    }
}
