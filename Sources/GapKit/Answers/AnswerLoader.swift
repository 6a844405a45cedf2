/// Reads answer files (YAML or JSON, same structure) and checks them against their questionnaire.
///
/// Values are read as text by the schema: unquoted `yes`, `no`, `3` are the option values "yes",
/// "no", "3". All problems are reported at once, each at its position, as a `DiagnosticsError`.
public struct AnswerLoader: Sendable {
    public var questionnaire: Questionnaire
    public var limits: YAMLLimits

    public init(questionnaire: Questionnaire, limits: YAMLLimits = .default) {
        self.questionnaire = questionnaire
        self.limits = limits
    }

    public func load(file path: String) throws -> AnswerSet {
        try read(YAMLLoader(limits: limits).parse(file: path))
    }

    public func load(_ text: String, path: String = "<input>") throws -> AnswerSet {
        try read(YAMLLoader(limits: limits).parse(text, path: path))
    }

    /// Loads answer-file bytes (UTF-8, or UTF-16 with a byte-order mark); invalid bytes are reported
    /// at their position, never repaired.
    public func load(bytes: [UInt8], path: String) throws -> AnswerSet {
        try read(YAMLLoader(limits: limits).parse(bytes: bytes, path: path))
    }

    static let rootKeys = ["gapkit", "questionnaire", "respondent", "consultant", "date", "interviewees", "answers"]

    private func read(_ stream: YAMLStream) throws -> AnswerSet {
        var schema = SchemaReader()
        schema.diagnostics = stream.diagnostics
        let answers = read(stream, &schema)
        guard let answers, schema.diagnostics.isEmpty else {
            throw DiagnosticsError(file: stream.file, diagnostics: schema.diagnostics.isEmpty
                ? [.error("the file holds no answers (it is empty)", at: nil)] : schema.diagnostics)
        }
        return answers
    }

    private func read(_ stream: YAMLStream, _ schema: inout SchemaReader) -> AnswerSet? {
        guard let root = stream.documents.first, !(stream.documents.count == 1 && root.isNull) else { return nil }
        if stream.documents.count > 1 {
            schema.error("an answer file holds one document, but this one holds \(stream.documents.count)", at: stream.documents[1].position)
        }
        guard let fields = schema.fields(root, "the answer file") else { return nil }
        schema.rejectUnknownKeys(fields, allowed: Self.rootKeys)
        if let version = schema.required(fields, "gapkit"), version.scalar?.text != "1" || version.scalar?.style != .plain {
            schema.error("unsupported answer file version \(version.kindDescription); this GapKit reads 'gapkit: 1'", at: version.position)
        }
        var set = AnswerSet(questionnaire: questionnaire.id)
        if let node = schema.required(fields, "questionnaire"), let id = schema.string(node, "questionnaire"), id != questionnaire.id {
            schema.error("these answers are for questionnaire '\(id)', not '\(questionnaire.id)'", at: node.position)
        }
        if let node = fields["respondent"], let respondent = schema.fields(node, "respondent") {
            schema.rejectUnknownKeys(respondent, allowed: ["name", "role", "organization"])
            set.respondent = .init(name: respondent["name"].flatMap { schema.string($0, "name") },
                                   role: respondent["role"].flatMap { schema.string($0, "role") },
                                   organization: respondent["organization"].flatMap { schema.string($0, "organization") })
        }
        set.consultant = fields["consultant"].flatMap { schema.string($0, "consultant") }
        if let node = fields["interviewees"] {
            for item in schema.list(node, "interviewees") {
                guard let person = schema.fields(item, "an interviewee") else { continue }
                schema.rejectUnknownKeys(person, allowed: ["name", "role"])
                guard let name = schema.required(person, "name").flatMap({ schema.string($0, "name") }) else { continue }
                set.interviewees.append(.init(name: name, role: person["role"].flatMap { schema.string($0, "role") }))
            }
        }
        if let node = fields["date"], let text = schema.string(node, "date") {
            set.date = CalendarDate(text)
            if set.date == nil { schema.error("'date' must be a day written YYYY-MM-DD, found '\(text)'", at: node.position) }
        }
        if let node = schema.required(fields, "answers") {
            if node.isNull { return set }
            guard let fields = schema.fields(node, "answers") else { return set }
            let questions = questionnaire.questionIndex
            for pair in fields.pairs {
                if let answer = read(pair, questions, &schema) {
                    set.set(answer)
                    set.positions[answer.question] = pair.key.position
                }
            }
        }
        return set
    }

    private func read(_ pair: YAMLPair, _ questions: [String: Questionnaire.Question], _ schema: inout SchemaReader) -> Answer? {
        guard let id = schema.string(pair.key, "question id") else { return nil }
        guard let question = questions[id] else {
            let hint = schema.hint(for: id, in: questionnaire.allQuestions.map(\.id))
            schema.error("unknown question '\(id)'\(hint)", at: pair.key.position)
            return nil
        }
        var valueNode: YAMLNode? = pair.value
        var note: String?
        var evidence: [String] = []
        var by: [String] = []
        var on: CalendarDate?
        if let fields = pair.value.mapping.map({ Fields(node: pair.value, what: "the answer to '\(id)'", pairs: $0) }) {
            schema.rejectUnknownKeys(fields, allowed: ["value", "note", "evidence", "by", "on", "conflict"])
            if let conflict = fields["conflict"] {
                schema.error("the answer to '\(id)' holds an unsettled conflict (left by gapkit merge): keep one answer as 'value' and delete 'conflict'",
                             at: conflict.position)
            }
            valueNode = fields["value"]
            note = fields["note"].flatMap { schema.string($0, "note") }
            evidence = fields["evidence"].map { list in schema.list(list, "evidence").compactMap { schema.string($0, "evidence") } } ?? []
            if let node = fields["by"] {
                by = node.sequence != nil ? schema.list(node, "by").compactMap { schema.string($0, "by") } : schema.string(node, "by").map { [$0] } ?? []
            }
            if let node = fields["on"], let text = schema.string(node, "on") {
                on = CalendarDate(text)
                if on == nil { schema.error("'on' must be a day written YYYY-MM-DD, found '\(text)'", at: node.position) }
            }
        }
        guard let valueNode, !valueNode.isNull else { return Answer(question: id, value: nil, note: note, evidence: evidence, interviewees: by, on: on) }
        guard let text = schema.string(valueNode, "value") else { return nil }
        let scale = questionnaire.scale(question.scale)
        let value: Answer.Value
        if text == "na" {
            guard scale?.allowNA == true else {
                schema.error("question '\(id)' cannot be answered 'na': its scale '\(question.scale)' does not allow not applicable", at: valueNode.position)
                return nil
            }
            value = .notApplicable
        } else {
            guard let scale, scale.option(text) != nil else {
                let options = (scale?.options.map(\.value) ?? []) + (scale?.allowNA == true ? ["na"] : [])
                schema.error("'\(text)' is not an answer to question '\(id)' (scale '\(question.scale)': \(options.joined(separator: ", ")))", at: valueNode.position)
                return nil
            }
            value = .option(text)
        }
        return Answer(question: id, value: value, note: note, evidence: evidence, interviewees: by, on: on)
    }
}
