extension BatchResult {
    /// `{"overall": GROUP, "groups": [GROUP, …]}` with how the input was read; numbers unrounded.
    public var json: JSONValue {
        .object([
            "overall": Self.json(overall), "groups": .array(groups.map(Self.json)),
            "respondents": .int(respondents), "rejected_cells": .int(rejectedCells), "duplicate_ids": .int(duplicateIds),
            "unmatched_columns": .array(unmatchedColumns.map(JSONValue.string)),
            "aggregate": .string(options.aggregate.rawValue),
            "disagreement": .object(["min_group": .int(options.minGroup), "spread": .double(options.spread), "stdev": .double(options.stdev)]),
            "questions_in_export": .array(questionsInExport.map(JSONValue.string)),
            "by_group": .array(comparison.questions.map(json)),
            "reference_group": options.referenceGroup.map { .object([.init($0.column, .string($0.value))]) },
            "perception_gaps": .array(comparison.perceptionGaps.map { gap in
                .object(["question": .string(gap.question), "key": Self.key(groups[gap.group]), "difference": .double(gap.difference)])
            }),
        ])
    }

    static func key(_ group: Group) -> JSONValue {
        .object(group.key.map { .init($0.column, .string($0.value)) })
    }

    /// One row of the question × group matrix: `{"question", "spread", "disagree", "groups": [{"key", "answered", "mean", "stdev", "disagree"}]}`,
    /// each group with its `difference` from the reference group when there is one.
    func json(_ question: CohortComparison.Question) -> JSONValue {
        .object([
            "question": .string(question.id), "spread": question.spread.map(JSONValue.double), "disagree": .bool(question.disagree),
            "groups": .array(question.cells.map { cell in
                var fields: [JSONValue.Member] = [
                    .init("key", Self.key(groups[cell.group])), .init("answered", .int(cell.answered)),
                    .init("mean", cell.mean.map(JSONValue.double) ?? .null), .init("stdev", cell.stdev.map(JSONValue.double) ?? .null),
                    .init("disagree", .bool(cell.disagree)),
                ]
                if options.referenceGroup != nil { fields.append(.init("difference", cell.difference.map(JSONValue.double) ?? .null)) }
                return .object(fields)
            }),
        ])
    }

    /// by_group.csv: the question × group matrix, one row per question of the export (questionnaire order):
    /// the spread of group means and whether departments disagree, then per group its answers, mean,
    /// standard deviation and whether its people disagree.
    func byGroupTable() -> CSVTable {
        var header = ["question", "spread", "departments_disagree"]
        for group in groups {
            let name = group.key.map(\.value).joined(separator: " · ")
            header += ["\(name): answered", "\(name): mean", "\(name): stdev", "\(name): people_disagree"]
            if options.referenceGroup != nil { header.append("\(name): difference") }
        }
        var table = CSVTable(header: header)
        for question in comparison.questions {
            var row: [CSVTable.Cell] = [.text(question.id), question.spread.map { .number($0) } ?? .empty, .text(question.disagree ? "yes" : "no")]
            var cells = [CohortComparison.Cell?](repeating: nil, count: groups.count)
            for cell in question.cells { cells[cell.group] = cell }
            for cell in cells {
                row += [.integer(cell?.answered ?? 0), cell?.mean.map { .number($0) } ?? .empty, cell?.stdev.map { .number($0) } ?? .empty,
                        .text(cell?.disagree == true ? "yes" : "no")]
                if options.referenceGroup != nil { row.append(cell?.difference.map { .number($0) } ?? .empty) }
            }
            table.append(row)
        }
        return table
    }

    /// The by_group.csv bytes.
    public func byGroupCSV() -> [UInt8] { byGroupTable().bytes() }

    static func json(_ group: Group) -> JSONValue {
        let a = group.assessment
        return .object([
            "key": .object(group.key.map { .init($0.column, .string($0.value)) }),
            "respondents": .int(group.respondents),
            "overall": Assessment.json(a.overall),
            "areas": .array(a.areas.map { Assessment.json($0) }),
            "clauses": .array(a.clauses.map { Assessment.json($0) }),
            "readiness": Assessment.json(a.readiness),
            "questions": .array(group.questions.map { q in
                .object([
                    "id": .string(q.id), "score": q.score.map(JSONValue.double), "answered": .int(q.answered), "na": .int(q.notApplicable),
                    "mean": q.mean.map(JSONValue.double), "median": q.median.map(JSONValue.double),
                    "min": q.min.map(JSONValue.double), "max": q.max.map(JSONValue.double), "stdev": q.stdev.map(JSONValue.double),
                    "distribution": .object(q.distribution.map { .init($0.value, .int($0.count)) }),
                    "disagreement": .bool(q.disagreement),
                ])
            }),
        ])
    }

    /// groups.csv: one row per group (everyone first), its readiness verdict (`incomplete` where
    /// requirement questions went unanswered), a column per requirement area.
    func groupsTable(areas: [String]) -> CSVTable {
        var table = CSVTable(header: options.groupBy + ["respondents", "overall", "verdict", "coverage"] + areas)
        for group in [overall] + groups {
            let key = options.groupBy.map { column in group.key.first { $0.column == column }?.value ?? "(all)" }
            let a = group.assessment
            var row: [CSVTable.Cell] = key.map { .text($0) } + [.integer(group.respondents)]
            row += [a.overall.score.map { .number($0) } ?? .empty, .text(a.readiness.verdict.rawValue),
                    a.overall.coverage.map { .number($0) } ?? .empty]
            row += a.areas.map { $0.summary.score.map { .number($0) } ?? .empty }
            table.append(row)
        }
        return table
    }

    /// The groups CSV's bytes.
    public func groupsCSV(areas: [String]) -> [UInt8] { groupsTable(areas: areas).bytes() }
}
