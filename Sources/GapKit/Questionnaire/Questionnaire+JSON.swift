extension Questionnaire {
    /// The questionnaire with every default filled in, texts as language maps, keys in schema order.
    public var normalizedJSON: JSONValue {
        .object([
            "gapkit": .int(Self.schemaVersion), "id": .string(id), "title": json(title), "version": version.map(JSONValue.string),
            "languages": .array(languages.map(JSONValue.string)), "description": description.map(json),
            "thresholds": .object(["compliant": .double(thresholds.compliant), "partial": .double(thresholds.partial)]),
            "findings": .object(["escalate_minors": findings.escalateMinors.map(JSONValue.int)]),
            "default_scale": defaultScale.map(JSONValue.string),
            "scales": .array(scales.map { scale in
                .object(["id": .string(scale.id), "allow_na": .bool(scale.allowNA), "options": .array(scale.options.map {
                    .object(["value": .string($0.value), "label": json($0.label), "score": .double($0.score)])
                })])
            }),
            "areas": .array(areas.map { .object(["id": .string($0.id), "title": json($0.title), "description": $0.description.map(json)]) }),
            "phases": .array(phases.map { .object(["id": .string($0.id), "title": json($0.title)]) }),
            "documents": .array(documents.map {
                .object(["id": .string($0.id), "title": json($0.title), "clause": $0.clause.map(JSONValue.string),
                         "kind": .string($0.kind.rawValue), "description": $0.description.map(json),
                         "required": .bool($0.required)])
            }),
            "actions": .array(actions.map {
                .object(["id": .string($0.id), "title": json($0.title), "description": $0.description.map(json),
                         "phase": .string($0.phase), "effort": .double($0.effort), "owner": $0.owner.map(json),
                         "after": strings($0.after), "documents": strings($0.documents)])
            }),
            "milestones": .array(milestones.map {
                .object(["id": .string($0.id), "title": json($0.title), "description": $0.description.map(json),
                         "phase": .string($0.phase), "weeks": .double($0.weeks), "after": strings($0.after)])
            }),
            "requirements": .array(requirements.map {
                .object(["id": .string($0.id), "clause": .string($0.clause), "text": json($0.text)])
            }),
            "clauses": .array(clauses.map(json)),
        ])
    }

    private func json(_ clause: Clause) -> JSONValue {
        .object([
            "id": .string(clause.id), "title": json(clause.title), "summary": clause.summary.map(json),
            "weight": .double(clause.weight), "clauses": .array(clause.clauses.map(json)),
            "questions": .array(clause.questions.map(json)),
        ])
    }

    private func json(_ question: Question) -> JSONValue {
        .object([
            "id": .string(question.id), "text": json(question.text), "help": question.help.map(json),
            "scale": .string(question.scale), "area": question.area.map(JSONValue.string), "weight": .double(question.weight),
            "mandatory": .bool(question.mandatory), "gap_finding": .string(question.gapFinding.rawValue),
            "nc_group": .string(question.ncGroup), "evidence": .array(question.evidence.map(json)),
            "documents": strings(question.documents), "actions": strings(question.actions),
            "applies_if": question.appliesIf.map { .object(["question": .string($0.question), "in": strings($0.values)]) },
            "covers": strings(question.covers),
        ])
    }

    /// A text as `{language: text}` in the questionnaire's language order.
    func json(_ text: LocalizedText) -> JSONValue {
        .object(languages.compactMap { language in text.translations[language].map { .init(language, .string($0)) } })
    }

    private func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
}
