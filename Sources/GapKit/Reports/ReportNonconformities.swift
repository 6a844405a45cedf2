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
    /// Groups with at least one major or minor question finding; major first, then by the position of the first member.
    static func all(_ questionnaire: Questionnaire, _ assessment: Assessment) -> [ReportNonconformity] {
        let groupOf = Dictionary(questionnaire.allQuestions.map { ($0.id, $0.ncGroup) }, uniquingKeysWith: { a, _ in a })
        var order: [String] = []
        var members: [String: [Assessment.QuestionResult]] = [:]
        for result in assessment.questions where result.finding == .major || result.finding == .minor {
            let group = groupOf[result.id] ?? result.clause
            if members[group] == nil { order.append(group) }
            members[group, default: []].append(result)
        }
        let escalateAt = questionnaire.findings.escalateMinors
        var list: [ReportNonconformity] = order.map { group in
            let items = members[group] ?? []
            let major = items.contains { $0.finding == .major }
            let escalated = !major && escalateAt.map { items.count >= $0 } == true
            return ReportNonconformity(id: "", group: group, clause: items.first?.clause ?? group,
                                       grade: major || escalated ? .major : .minor, escalated: escalated, questions: items)
        }
        let position = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        list.sort { a, b in a.grade != b.grade ? a.grade < b.grade : (position[a.group] ?? 0) < (position[b.group] ?? 0) }
        let digits = max(2, String(list.count).count)
        for index in list.indices {
            let number = String(index + 1)
            list[index].id = "NC-" + String(repeating: "0", count: max(0, digits - number.count)) + number
        }
        return list
    }
}

/// Clause ids in numeric order: segment by segment, numerically where both are whole numbers, so 4.1 < 8.2 < 10.1.
enum ClauseOrder {
    static func less(_ a: String, _ b: String) -> Bool {
        let x = a.split(separator: "."), y = b.split(separator: ".")
        for (p, q) in zip(x, y) where p != q {
            if let m = Int(p), let n = Int(q) { return m < n }
            return p < q
        }
        return x.count < y.count
    }
}
