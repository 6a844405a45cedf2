/// Groups question findings into nonconformities and draws the readiness verdict
/// (docs/SCORING.md, "Nonconformities" and "Readiness").
struct NonconformityGrader {
    var questionnaire: Questionnaire

    /// The nonconformities of scored questions, in order and numbered; marks each member question with its id.
    func nonconformities(_ results: inout [Assessment.QuestionResult]) -> [Assessment.Nonconformity] {
        let questions = questionnaire.questionIndex
        // Members per group, in document order; groups in the order of their first member.
        var groups: [(group: String, members: [Int])] = [], slot: [String: Int] = [:]
        for (index, result) in results.enumerated() where result.finding == .major || result.finding == .minor {
            let group = questions[result.id]?.ncGroup ?? result.clause
            if let existing = slot[group] {
                groups[existing].members.append(index)
            } else {
                slot[group] = groups.count
                groups.append((group, [index]))
            }
        }
        let graded = groups.map { entry -> (group: String, members: [Int], grade: Questionnaire.Grade, escalated: Bool) in
            if entry.members.contains(where: { results[$0].finding == .major }) { return (entry.group, entry.members, .major, false) }
            if let threshold = questionnaire.findings.escalateMinors, entry.members.count >= threshold {
                return (entry.group, entry.members, .major, true)
            }
            return (entry.group, entry.members, .minor, false)
        }
        // Major before minor; inside a grade, by the first member's position (the order of `groups`, kept by a stable sort).
        let ordered = graded.filter { $0.grade == .major } + graded.filter { $0.grade == .minor }
        return ordered.enumerated().map { number, entry in
            let id = Self.id(number + 1)
            for member in entry.members { results[member].nonconformity = id }
            return Assessment.Nonconformity(id: id, group: entry.group, clause: results[entry.members[0]].clause,
                                            grade: entry.grade, escalated: entry.escalated,
                                            questions: entry.members.map { results[$0].id })
        }
    }

    /// `NC-01` … `NC-99`, `NC-100`: at least two digits.
    static func id(_ number: Int) -> String {
        number < 10 ? "NC-0\(number)" : "NC-\(number)"
    }

    /// not-ready, incomplete, nearly-ready or ready, with the counts behind it.
    func readiness(_ results: [Assessment.QuestionResult], nonconformities: [Assessment.Nonconformity],
                   overall: Assessment.Summary) -> Assessment.Readiness {
        let questions = questionnaire.questionIndex
        let major = nonconformities.filter { $0.grade == .major }.count
        let minor = nonconformities.count - major
        let observation = results.filter { $0.finding == .observation }.count
        let unanswered = results.filter { $0.applicable && $0.score == nil && questions[$0.id]?.mandatory == true }.count
        let verdict: Assessment.Readiness.Verdict = major > 0 ? .notReady
            : unanswered > 0 || overall.answered == 0 ? .incomplete
            : minor > 0 ? .nearlyReady : .ready
        return .init(verdict: verdict, major: major, minor: minor, observation: observation, unanswered: unanswered)
    }
}
