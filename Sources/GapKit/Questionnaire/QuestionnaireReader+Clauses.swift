import Foundation

/// What a question inherits from the questionnaire.
struct QuestionContext {
    var defaultScale: String?
    /// When areas are declared, every question must name one.
    var requiresArea: Bool
    /// The product of the weights of the clauses above (1 at the top).
    var pathWeight: Double
}

extension QuestionnaireReader {
    static let clauseKeys = ["id", "title", "summary", "weight", "clauses", "questions"]
    static let questionKeys = ["id", "text", "help", "scale", "area", "weight", "mandatory", "gap_finding", "nc_group",
                               "evidence", "documents", "actions", "applies_if", "covers"]

    mutating func readClause(_ node: YAMLNode, _ context: QuestionContext) -> Questionnaire.Clause? {
        guard let (id, fields) = entity(node, "clause", kind: .clause, allowed: Self.clauseKeys) else { return nil }
        let title = schema.required(fields, "title").flatMap { schema.text($0, "title") }
        let summary = fields["summary"].flatMap { schema.text($0, "summary") }
        let weight = positive(fields, "weight", default: 1, maximum: Questionnaire.maxWeight)
        var inner = context
        inner.pathWeight = pathWeight(context.pathWeight * (weight ?? 1), of: "clause '\(id)'", fields["weight"] ?? node)
        let clauses = items(fields["clauses"], "clauses").compactMap { readClause($0, inner) }
        let questions = items(fields["questions"], "questions").compactMap { readQuestion($0, inner, clause: id) }
        if fields["clauses"] == nil, fields["questions"] == nil {
            schema.warning("clause '\(id)' has no questions and no sub-clauses; it will be reported as not assessed", at: node.position)
        }
        // A clause with a bad title or weight is kept (the file is rejected anyway), so the checks of
        // the whole file still see its questions instead of reporting errors that are not there.
        return .init(id: id, title: title ?? LocalizedText([:]), summary: summary, weight: weight ?? 1,
                     clauses: clauses, questions: questions)
    }

    mutating func readQuestion(_ node: YAMLNode, _ context: QuestionContext, clause: String) -> Questionnaire.Question? {
        guard let (id, fields) = entity(node, "question", kind: .question, allowed: Self.questionKeys) else { return nil }
        let text = schema.required(fields, "text").flatMap { schema.text($0, "text") }
        let help = fields["help"].flatMap { schema.text($0, "help") }
        var scale: String?
        if let scaleNode = fields["scale"] {
            scale = schema.identifier(scaleNode, "scale").map { refer(.scale, $0, at: scaleNode.position, from: id) }
        } else if let fallback = context.defaultScale {
            scale = fallback
        } else {
            schema.error("question '\(id)' has no 'scale' and the questionnaire has no 'default_scale'", at: node.position)
        }
        var area: String?
        if let areaNode = fields["area"] {
            area = schema.identifier(areaNode, "area").map { refer(.area, $0, at: areaNode.position, from: id) }
        } else if context.requiresArea {
            schema.error("question '\(id)' is missing the required key 'area'", at: node.position)
        }
        let weight = positive(fields, "weight", default: 1, maximum: Questionnaire.maxWeight)
        _ = pathWeight(context.pathWeight * (weight ?? 1), of: "question '\(id)'", fields["weight"] ?? node)
        let mandatory = fields["mandatory"].flatMap { schema.bool($0, "mandatory") } ?? false
        let gapFinding = fields["gap_finding"].flatMap { readGapFinding($0, question: id, mandatory: mandatory) } ?? .major
        let group = fields["nc_group"].flatMap { schema.identifier($0, "nc_group") } ?? clause
        let evidence = items(fields["evidence"], "evidence").compactMap { schema.text($0, "evidence") }
        let documents = idList(fields["documents"], "documents", .document, from: id)
        let actions = idList(fields["actions"], "actions", .step, from: id, role: .questionAction)
        let condition = fields["applies_if"].flatMap { readCondition($0, question: id) }
        let covers = idList(fields["covers"], "covers", .requirement, from: id)
        // Kept even when a value is wrong, like clauses, so later checks can still resolve it.
        return .init(id: id, text: text ?? LocalizedText([:]), help: help, scale: scale ?? "", area: area,
                     weight: weight ?? 1, mandatory: mandatory, gapFinding: gapFinding, ncGroup: group,
                     evidence: evidence, documents: documents, actions: actions, appliesIf: condition, covers: covers)
    }

    /// `gap_finding`: major or minor, on a requirement question only.
    private mutating func readGapFinding(_ node: YAMLNode, question: String, mandatory: Bool) -> Questionnaire.Grade? {
        guard let text = schema.string(node, "gap_finding") else { return nil }
        guard let grade = Questionnaire.Grade(rawValue: text) else {
            schema.error("'gap_finding' must be 'major' or 'minor', found '\(text)'", at: node.position)
            return nil
        }
        if !mandatory {
            schema.error("'gap_finding' grades a gap on a requirement of the standard, but question '\(question)' is not one; add 'mandatory: true' or remove 'gap_finding'",
                         at: node.position)
        }
        return grade
    }

    /// `product` if it lies in `Questionnaire.pathWeights`; otherwise reports it and returns 1, so
    /// the questions below are not reported again for the same weight.
    private mutating func pathWeight(_ product: Double, of what: String, _ node: YAMLNode) -> Double {
        guard Questionnaire.pathWeights.contains(product) else {
            let range = Questionnaire.pathWeights
            let shown = product >= 1 ? NumberFormat.days(product) : String(format: "%.3g", product)
            schema.error("the weights of \(what) and the clauses above it multiply to \(shown); "
                         + "the product must lie between \(NumberFormat.fixed(range.lowerBound, decimals: 6)) and \(NumberFormat.days(range.upperBound))",
                         at: node.position)
            return 1
        }
        return product
    }

    private mutating func readCondition(_ node: YAMLNode, question: String) -> Questionnaire.Condition? {
        guard let fields = schema.fields(node, "applies_if of question '\(question)'") else { return nil }
        schema.rejectUnknownKeys(fields, allowed: ["question", "in"])
        let target = schema.required(fields, "question").flatMap { targetNode in
            schema.identifier(targetNode, "question").map { refer(.question, $0, at: targetNode.position, from: question) }
        }
        let values = schema.required(fields, "in").map { list in
            schema.list(list, "in").compactMap { schema.string($0, "in") }
        }
        guard let target, let values else { return nil }
        let condition = Questionnaire.Condition(question: target, values: values)
        conditions.append((question, condition, node))
        return condition
    }
}
