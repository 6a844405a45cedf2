extension ReportContext {
    /// A fixed text only the Word and Excel files use: the `office` domain of the string tables
    /// (sheet names, the tracker's columns and statuses), or the report's own text of that key.
    func office(_ key: String) -> String {
        StringTables.table("office", language: language)[key] ?? StringTables.table("office", language: "en")[key] ?? t(key)
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
