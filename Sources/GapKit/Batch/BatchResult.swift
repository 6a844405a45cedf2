/// What `gapkit batch` found: everyone together, each group, and how the input was read.
public struct BatchResult: Sendable {
    /// Statistics of one question in one group; scores are the chosen options' scores.
    public struct QuestionStats: Sendable {
        public var id: String
        /// The score used for clause and area scores (`--aggregate`); nil when nobody answered.
        public var score: Double?
        public var answered: Int
        public var notApplicable: Int
        public var mean: Double?
        public var median: Double?
        public var min: Double?
        public var max: Double?
        /// Population standard deviation.
        public var stdev: Double?
        /// Option value → how many chose it, in scale order.
        public var distribution: [(value: String, count: Int)]
        /// People disagree: at least `--min-group` answered and the population standard deviation is at least `--stdev`.
        public var disagreement: Bool
    }

    public struct Group: Sendable {
        /// Group-by column → value; empty for everyone together.
        public var key: [(column: String, value: String)]
        public var respondents: Int
        /// Overall, area and clause scores from the aggregated question scores.
        public var assessment: Assessment
        public var questions: [QuestionStats]
    }

    public var overall: Group
    public var groups: [Group]
    public var options: BatchOptions
    public var respondents: Int
    public var rejectedCells: Int
    public var duplicateIds: Int
    public var unmatchedColumns: [String]
    /// The ids of the questions some input had a column (or an answer) for, in questionnaire order.
    public var questionsInExport: [String] = []
    /// The question × group matrix, for the questions in the export (see `CohortComparison`).
    public var comparison = CohortComparison(questions: [], perceptionGaps: [], reference: nil)
    /// Groups written more than one way and merged: the group, then each spelling seen.
    public var mergedGroups: [(group: [String], variants: [[String]])] = []
}

extension BatchAggregator {
    /// Everyone and each group, summarised.
    func result(options: BatchOptions, groupColumns: [String]) -> (overall: BatchResult.Group, groups: [BatchResult.Group]) {
        let groups = keys.indices.map { g in group(g, options: options, columns: groupColumns) }
        return (groups[0], Array(groups.dropFirst()))
    }

    /// Statistics per question of the reference group (`--reference-group`): the summed counts of
    /// every group with that value; nil when no group has it.
    func referenceStats(options: BatchOptions) -> [BatchResult.QuestionStats]? {
        guard let reference = options.referenceGroup, let column = options.groupBy.firstIndex(of: reference.column),
              let (sum, _) = counts(column: column, value: reference.value) else { return nil }
        return layout.questions.enumerated().map { q, question in
            let scores = layout.scores[q], offset = layout.offsets[q]
            return Self.stats(question.id, scores: scores, counts: (0..<scores.count).map { sum[offset + $0] },
                              notApplicable: sum[offset + scores.count], options: options,
                              values: layout.questionnaire.scale(question.scale)?.options.map(\.value) ?? [])
        }
    }

    private func group(_ g: Int, options: BatchOptions, columns: [String]) -> BatchResult.Group {
        let scorer = Scorer(layout.questionnaire)
        var stats: [BatchResult.QuestionStats] = [], results: [Assessment.QuestionResult] = []
        var clauseOf: [String: String] = [:]
        for clause in layout.questionnaire.allClauses { for question in clause.questions { clauseOf[question.id] = clause.id } }
        for (q, question) in layout.questions.enumerated() {
            let scores = layout.scores[q], offset = layout.offsets[q]
            let optionCounts = (0..<scores.count).map { counts[g][offset + $0] }
            let na = counts[g][offset + scores.count]
            let stat = Self.stats(question.id, scores: scores, counts: optionCounts, notApplicable: na, options: options,
                                  values: layout.questionnaire.scale(question.scale)?.options.map(\.value) ?? [])
            stats.append(stat)
            var result = Assessment.QuestionResult(id: question.id, clause: clauseOf[question.id] ?? "", area: question.area,
                                                   answer: nil, weight: layout.weights[q], score: stat.score,
                                                   applicable: na < respondents[g], status: .unanswered, finding: nil)
            if !result.applicable {
                result.status = .notApplicable
            } else if let score = stat.score {
                (result.status, result.finding) = scorer.judge(score, question: question)
            }
            results.append(result)
        }
        return BatchResult.Group(key: zip(columns, keys[g]).map { ($0, $1) }, respondents: respondents[g],
                                 assessment: scorer.assessment(of: results), questions: stats)
    }

    /// Statistics from counts per option: exact, since every score is one of the options' scores.
    static func stats(_ id: String, scores: [Double], counts: [Int], notApplicable: Int, options: BatchOptions,
                      values: [String]) -> BatchResult.QuestionStats {
        let answered = counts.reduce(0, +)
        var stat = BatchResult.QuestionStats(id: id, score: nil, answered: answered, notApplicable: notApplicable,
                                             distribution: zip(values, counts).map { ($0, $1) }, disagreement: false)
        guard answered > 0 else { return stat }
        let mean = zip(scores, counts).reduce(0.0) { $0 + $1.0 * Double($1.1) } / Double(answered)
        let variance = zip(scores, counts).reduce(0.0) { $0 + Double($1.1) * ($1.0 - mean) * ($1.0 - mean) } / Double(answered)
        // Scores in ascending order with their counts, for the median, min and max.
        let sorted = zip(scores, counts).filter { $0.1 > 0 }.sorted { $0.0 < $1.0 }
        func nth(_ k: Int) -> Double {
            var seen = 0
            for (score, count) in sorted {
                seen += count
                if k < seen { return score }
            }
            return sorted.last?.0 ?? 0
        }
        stat.mean = mean
        stat.median = answered % 2 == 1 ? nth(answered / 2) : (nth(answered / 2 - 1) + nth(answered / 2)) / 2
        stat.min = sorted.first?.0
        stat.max = sorted.last?.0
        stat.stdev = variance.squareRoot()
        // With the scorer's tolerance, as thresholds are compared everywhere (docs/SCORING.md).
        stat.disagreement = answered >= options.minGroup && stat.stdev! >= options.stdev - Scorer.tolerance
        switch options.aggregate {
        case .mean: stat.score = stat.mean
        case .median: stat.score = stat.median
        case .min: stat.score = stat.min
        }
        return stat
    }
}
