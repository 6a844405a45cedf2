/// The fixed texts of the reports: the `report` domain of the string tables.
///
/// Templates read them as `{{t.key}}`.
enum ReportStrings {
    static func table(for language: String) -> [String: String] { Strings("report", language: language).all }

    /// A date as people of the language write it: 2026-11-20 or 2026年11月20日.
    static func date(_ date: CalendarDate, language: String) -> String {
        language == "zh-Hans" ? "\(date.year)年\(date.month)月\(date.day)日" : date.description
    }
}
