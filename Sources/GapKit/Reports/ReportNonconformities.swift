/// The nonconformities a report lists: question findings grouped by `nc_group`, graded and
/// numbered NC-01, NC-02, … as docs/SCORING.md says.
struct ReportNonconformity {
    var id: String
    var group: String
    /// The clause directly containing the first member.
    var clause: String
    var grade: Assessment.Finding
    var escalated: Bool
    /// Member question results, in questionnaire order.
    var questions: [Assessment.QuestionResult]
}

extension ReportNonconformity {
    /// The assessment's nonconformities (`NonconformityGrader`: the rules live there once), with
    /// their member question results.
    static func all(_ questionnaire: Questionnaire, _ assessment: Assessment) -> [ReportNonconformity] {
        let results = Dictionary(assessment.questions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return assessment.nonconformities.map { nc in
            ReportNonconformity(id: nc.id, group: nc.group, clause: nc.clause, grade: nc.grade == .major ? .major : .minor,
                                escalated: nc.escalated, questions: nc.questions.compactMap { results[$0] })
        }
    }
}
