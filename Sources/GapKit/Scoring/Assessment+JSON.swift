extension Assessment {
    /// The scoring contract: `overall`, `areas`, `clauses`, `questions`, `nonconformities`, `readiness`; numbers unrounded.
    public var json: JSONValue {
        .object([
            "overall": Self.json(overall),
            "areas": .array(areas.map { Self.json($0) }),
            "clauses": .array(clauses.map { Self.json($0) }),
            "questions": .array(questions.map { result in
                .object([
                    "id": .string(result.id), "value": result.answer?.value.map { .string($0.description) },
                    "score": result.score.map(JSONValue.double), "status": .string(result.status.rawValue),
                    "finding": result.finding.map { .string($0.rawValue) },
                    "nonconformity": result.nonconformity.map(JSONValue.string), "clause": .string(result.clause),
                    "area": result.area.map(JSONValue.string), "weight": .double(result.weight),
                    "note": result.answer?.note.map(JSONValue.string),
                    "evidence": .array((result.answer?.evidence ?? []).map(JSONValue.string)),
                ])
            }),
            "nonconformities": .array(nonconformities.map { nc in
                .object([
                    "id": .string(nc.id), "group": .string(nc.group), "clause": .string(nc.clause),
                    "grade": .string(nc.grade.rawValue), "escalated": .bool(nc.escalated),
                    "questions": .array(nc.questions.map(JSONValue.string)),
                ])
            }),
            "readiness": Self.json(readiness),
        ])
    }

    /// `{"verdict", "major", "minor", "observation", "unanswered"}`.
    public static func json(_ readiness: Readiness) -> JSONValue {
        .object([
            "verdict": .string(readiness.verdict.rawValue), "major": .int(readiness.major),
            "minor": .int(readiness.minor), "observation": .int(readiness.observation),
            "unanswered": .int(readiness.unanswered),
        ])
    }

    static func json(_ summary: Summary) -> JSONValue {
        .object(["score": summary.score.map(JSONValue.double), "status": .string(summary.status.rawValue),
                 "coverage": summary.coverage.map(JSONValue.double), "answered": .int(summary.answered),
                 "applicable": .int(summary.applicable)])
    }

    static func json(_ group: Group) -> JSONValue {
        guard case .object(let members) = json(group.summary) else { return .null }
        return .object([.init("id", .string(group.id))] + members)
    }
}
