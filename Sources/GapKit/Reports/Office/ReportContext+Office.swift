extension ReportContext {
    /// A fixed text only the Word and Excel files use: the `office` domain of the string tables
    /// (sheet names, the tracker's columns and statuses), or the report's own text of that key.
    func office(_ key: String) -> String {
        StringTables.table("office", language: language)[key] ?? StringTables.table("office", language: "en")[key] ?? t(key)
    }

    /// The client's name: the engagement's, else the respondent's organisation.
    var clientName: String? {
        input.engagement?.client.name.map { text($0) } ?? input.answers.respondent.organization
    }

    /// Who carries an action's owner role at the client ("Operations / Guo Fei"), from the engagement.
    func assignee(_ owner: LocalizedText?) -> String {
        guard let owner, let assignment = input.engagement?.organisation.owners[q.text(owner, q.defaultLanguage)] else { return "" }
        return [assignment.department, assignment.person].compactMap { $0.map { text($0) } }.joined(separator: " / ")
    }

    /// The document control rows of the cover: report number, version, date, who prepared,
    /// reviewed and approved it (only those the engagement gives).
    var documentControl: [(label: String, value: String)] {
        guard let report = input.engagement?.report else { return [] }
        var rows: [(String, String)] = []
        if let number = report.number { rows.append((office("report_number"), number)) }
        if let version = report.version { rows.append((office("report_version"), version)) }
        if let date = report.date { rows.append((office("report_date"), self.date(date))) }
        for (key, value) in [("prepared_by_person", report.preparedBy), ("reviewed_by", report.reviewedBy), ("approved_by", report.approvedBy)] {
            if let value { rows.append((office(key), text(value))) }
        }
        return rows
    }

    /// Fill colours of table cells by status or severity.
    static func statusFill(_ status: String) -> String? {
        switch status {
        case "compliant", "ok": return "C6EFCE"
        case "partial", "minor": return "FFEB9C"
        case "gap", "missing", "major": return "FFC7CE"
        default: return nil
        }
    }
}
