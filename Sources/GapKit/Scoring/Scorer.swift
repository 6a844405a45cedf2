/// Applies the scoring rules of docs/SCORING.md to one answer set.
public struct Scorer: Sendable {
    public var questionnaire: Questionnaire

    public init(_ questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
    }

    public func score(_ answers: AnswerSet) -> Assessment {
        var results: [Assessment.QuestionResult] = []
        func visit(_ clause: Questionnaire.Clause, weight: Double) {
            let pathWeight = weight * clause.weight
            for question in clause.questions { results.append(result(question, in: clause.id, pathWeight: pathWeight, answers)) }
            for child in clause.clauses { visit(child, weight: pathWeight) }
        }
        for clause in questionnaire.clauses { visit(clause, weight: 1) }
        return assessment(of: results)
    }

    /// Clause, area and overall summaries and the readiness verdict of questions already scored
    /// (one respondent's, or a group's aggregated scores), given in the order of `Questionnaire.allQuestions`.
    public func assessment(of results: [Assessment.QuestionResult]) -> Assessment {
        // Depth first, a clause's questions are the contiguous run of results met while visiting it.
        var clauseMembers: [(id: String, range: Range<Int>)] = []
        var next = 0
        func visit(_ clause: Questionnaire.Clause) {
            let start = next
            next += clause.questions.count
            let index = clauseMembers.count
            clauseMembers.append((clause.id, start..<start))
            for child in clause.clauses { visit(child) }
            clauseMembers[index].range = start..<min(next, results.count)
        }
        for clause in questionnaire.clauses { visit(clause) }
        var results = results
        let grading = NonconformityGrader(questionnaire: questionnaire)
        let nonconformities = grading.nonconformities(&results)
        let overall = summarize(results[...])
        return Assessment(
            thresholds: questionnaire.thresholds,
            overall: overall,
            areas: questionnaire.areas.map { area in
                .init(id: area.id, summary: summarize(results.filter { $0.area == area.id }[...]))
            },
            clauses: clauseMembers.map { .init(id: $0.id, summary: summarize(results[$0.range])) },
            questions: results, nonconformities: nonconformities,
            readiness: grading.readiness(results, nonconformities: nonconformities, overall: overall))
    }

    /// The status and finding of an answered, applicable question with score `score`: on a requirement
    /// question a gap is its `gap_finding` and a partial answer minor; elsewhere both are observations.
    public func judge(_ score: Double, question: Questionnaire.Question) -> (Assessment.Status, Assessment.Finding?) {
        let status = status(of: score)
        switch status {
        case .gap where question.mandatory: return (status, question.gapFinding == .major ? .major : .minor)
        case .partial where question.mandatory: return (status, .minor)
        case .gap, .partial: return (status, .observation)
        default: return (status, nil)
        }
    }

    private func result(_ question: Questionnaire.Question, in clause: String, pathWeight: Double,
                        _ answers: AnswerSet) -> Assessment.QuestionResult {
        let answer = answers[question.id]
        let weight = pathWeight * question.weight
        var result = Assessment.QuestionResult(id: question.id, clause: clause, area: question.area, answer: answer,
                                               weight: weight, score: nil, applicable: true, status: .unanswered, finding: nil)
        if answer?.value == .notApplicable || !conditionHolds(question, answers) {
            result.applicable = false
            result.status = .notApplicable
            return result
        }
        guard case .option(let value)? = answer?.value,
              let option = questionnaire.scale(question.scale)?.option(value) else { return result }
        result.score = option.score
        (result.status, result.finding) = judge(option.score, question: question)
        return result
    }

    /// `applies_if` holds unless the named question has an answer (including `na`) outside the list.
    private func conditionHolds(_ question: Questionnaire.Question, _ answers: AnswerSet) -> Bool {
        guard let condition = question.appliesIf, let value = answers[condition.question]?.value else { return true }
        return condition.values.contains(value.description)
    }

    /// How far below a threshold a score may lie and still reach it: sums of weighted scores carry
    /// rounding errors (4/5 computes as 0.7999999999999999), which must not turn a score that is
    /// exactly on a threshold into the status below it (docs/SCORING.md, "Comparing numbers").
    public static let tolerance = 1e-9

    public func status(of score: Double?) -> Assessment.Status {
        guard let score else { return .notAssessed }
        if score >= questionnaire.thresholds.compliant - Self.tolerance { return .compliant }
        if score >= questionnaire.thresholds.partial - Self.tolerance { return .partial }
        return .gap
    }

    /// Whether two computed numbers are the same up to rounding errors (relative to their size).
    public static func same(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= tolerance * max(abs(a), abs(b))
    }

    func summarize(_ results: ArraySlice<Assessment.QuestionResult>) -> Assessment.Summary {
        var weighted = 0.0, weight = 0.0, answered = 0, applicable = 0
        for result in results where result.applicable {
            applicable += 1
            guard let score = result.score else { continue }
            answered += 1
            weighted += result.weight * score
            weight += result.weight
        }
        let score = answered > 0 ? weighted / weight : nil
        return .init(score: score, status: status(of: score), coverage: applicable > 0 ? Double(answered) / Double(applicable) : nil,
                     answered: answered, applicable: applicable, weight: weight)
    }
}
