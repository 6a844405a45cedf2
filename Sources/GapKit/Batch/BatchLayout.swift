/// The questionnaire flattened for scoring a million rows: per question its weight W, option
/// scores, area and `applies_if` condition, indexed by position in `Questionnaire.allQuestions`.
struct BatchLayout {
    let questionnaire: Questionnaire
    let questions: [Questionnaire.Question]
    let weights: [Double]
    let scores: [[Double]]
    let areas: [Int]
    let areaCount: Int
    /// Where each question's counters start: one per option, then one for not applicable.
    let offsets: [Int]
    let slotCount: Int
    /// For a question with `applies_if`: the question it depends on and the codes that let it apply.
    let conditions: [(target: Int, allowed: Set<UInt8>)?]

    init(_ questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
        var weights: [String: Double] = [:]
        func visit(_ clause: Questionnaire.Clause, _ weight: Double) {
            let w = weight * clause.weight
            for question in clause.questions { weights[question.id] = w * question.weight }
            clause.clauses.forEach { visit($0, w) }
        }
        questionnaire.clauses.forEach { visit($0, 1) }
        let questions = questionnaire.allQuestions
        self.questions = questions
        self.weights = questions.map { weights[$0.id] ?? $0.weight }
        scores = questions.map { question in questionnaire.scale(question.scale)?.options.map(\.score) ?? [] }
        areas = questions.map { question in question.area.flatMap { id in questionnaire.areas.firstIndex { $0.id == id } } ?? -1 }
        areaCount = questionnaire.areas.count
        var offsets: [Int] = [], next = 0
        for optionScores in scores {
            offsets.append(next)
            next += optionScores.count + 1
        }
        self.offsets = offsets
        slotCount = next
        let index = Dictionary(questions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        conditions = questions.map { question in
            guard let condition = question.appliesIf, let target = index[condition.question],
                  let scale = questionnaire.scale(questions[target].scale) else { return nil }
            var allowed = Set<UInt8>()
            for value in condition.values {
                if value == "na" { allowed.insert(CellMatcher.notApplicable) }
                if let option = scale.options.firstIndex(where: { $0.value == value }) { allowed.insert(UInt8(option)) }
            }
            return (target, allowed)
        }
    }
}
