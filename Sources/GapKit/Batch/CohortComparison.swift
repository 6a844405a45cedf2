/// The question × group matrix of a batch: how each group answered each question, where
/// departments disagree (the group means lie far apart) and where people within a group disagree
/// (their scores spread widely), and, against a reference group, the largest perception gaps.
///
/// The rules are in docs/BATCH.md, "Comparing groups".
public struct CohortComparison: Sendable {
    /// One group's answers to one question.
    public struct Cell: Sendable {
        /// The group's index in `BatchResult.groups`.
        public var group: Int
        public var answered: Int
        public var mean: Double?
        public var stdev: Double?
        /// People in this group disagree on the question.
        public var disagree: Bool
        /// The group's mean minus the reference group's, when both have at least `--min-group` answers.
        public var difference: Double?
    }

    /// One question across the groups.
    public struct Question: Sendable {
        public var id: String
        /// Highest minus lowest mean of the groups with at least `--min-group` answers; nil when fewer than two have.
        public var spread: Double?
        /// Departments disagree: `spread` is at least `--spread`.
        public var disagree: Bool
        public var cells: [Cell]
    }

    /// A group whose mean differs from the reference group's by at least `--spread`.
    public struct Gap: Sendable {
        public var question: String
        public var group: Int
        public var difference: Double
    }

    /// In questionnaire order.
    public var questions: [Question]
    /// The largest first, at most `maxGaps`.
    public var perceptionGaps: [Gap]
    /// The reference group's statistics per question id, with `--reference-group`.
    public var reference: [String: BatchResult.QuestionStats]?

    public static let maxGaps = 10

    /// The questions in ranked order for the heat map: largest spread first, questions without one last.
    public var ranked: [Question] {
        questions.enumerated().sorted { a, b in
            switch (a.element.spread, b.element.spread) {
            case let (x?, y?) where !Scorer.same(x, y): return x > y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// Compares `groups` on the questions `ids`; `isReference` marks the groups that make up the
    /// reference group (their own differences are not gaps).
    static func compare(groups: [BatchResult.Group], ids: [String], reference: [BatchResult.QuestionStats]?,
                        isReference: [Bool], options: BatchOptions) -> CohortComparison {
        let tolerance = Scorer.tolerance
        let referenceByID = reference.map { Dictionary($0.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }) }
        let statsByGroup = groups.map { group in Dictionary(group.questions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }) }
        var questions: [Question] = [], gaps: [Gap] = []
        for id in ids {
            let base = referenceByID?[id].flatMap { $0.answered >= options.minGroup ? $0.mean : nil }
            var cells: [Cell] = [], qualifying: [Double] = []
            for (g, stats) in statsByGroup.enumerated() {
                guard let stat = stats[id] else { continue }
                let qualifies = stat.answered >= options.minGroup
                var cell = Cell(group: g, answered: stat.answered, mean: stat.mean, stdev: stat.stdev, disagree: stat.disagreement)
                if qualifies, let mean = stat.mean {
                    qualifying.append(mean)
                    if let base {
                        cell.difference = mean - base
                        if !isReference[g], abs(mean - base) >= options.spread - tolerance {
                            gaps.append(Gap(question: id, group: g, difference: mean - base))
                        }
                    }
                }
                cells.append(cell)
            }
            let spread = qualifying.count >= 2 ? qualifying.max()! - qualifying.min()! : nil
            questions.append(Question(id: id, spread: spread, disagree: spread.map { $0 >= options.spread - tolerance } ?? false,
                                      cells: cells))
        }
        // Largest first; equal sizes keep questionnaire and group order (the sort is stable).
        let ranked = gaps.enumerated().sorted { a, b in
            let x = abs(a.element.difference), y = abs(b.element.difference)
            return Scorer.same(x, y) ? a.offset < b.offset : x > y
        }.map(\.element)
        return CohortComparison(questions: questions, perceptionGaps: Array(ranked.prefix(maxGaps)),
                                reference: referenceByID)
    }
}

/// A batch whose data cannot give what was asked (exit 65), such as a reference group nobody is in.
public struct BatchError: Error, Sendable, CustomStringConvertible {
    public var message: String

    static func noReferenceGroup(_ message: String) -> BatchError { BatchError(message: message) }

    public var description: String { "error: \(message)" }
}
