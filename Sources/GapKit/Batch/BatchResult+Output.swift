extension BatchResult {
    /// `{"overall": GROUP, "groups": [GROUP, …]}` with how the input was read; numbers unrounded.
    public var json: JSONValue {
        .object([
            "overall": Self.json(overall), "groups": .array(groups.map(Self.json)),
            "respondents": .int(respondents), "rejected_cells": .int(rejectedCells), "duplicate_ids": .int(duplicateIds),
            "unmatched_columns": .array(unmatchedColumns.map(JSONValue.string)),
            "aggregate": .string(options.aggregate.rawValue),
            "disagreement": .object(["minimum": .int(options.disagreementMinimum), "spread": .double(options.disagreementSpread)]),
        ])
    }

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
