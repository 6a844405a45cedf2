/// Builds a `Questionnaire` from its YAML tree, recording where every id is defined and referenced
/// so that `QuestionnaireReader+Checks` can report unresolved references, cycles and phase order.
struct QuestionnaireReader {
    /// Kinds of ids; each kind is its own namespace, except that actions and milestones share one (`after` names both).
    enum Kind: String {
        case scale, area, phase, document, step, clause, question, requirement
    }

    /// A place where a file names an id of some kind.
    struct Reference {
        var kind: Kind
        var id: String
        var position: SourcePosition
        /// Who refers: for `after`, the action or milestone that waits.
        var from: String
        var role: Role

        enum Role { case plain, questionAction, actionAfter, milestoneAfter }
    }

    var schema = SchemaReader()
    var definitions: [Kind: [String: SourcePosition]] = [:]
    var references: [Reference] = []
    var conditions: [(question: String, condition: Questionnaire.Condition, node: YAMLNode)] = []
    var actionIds = Set<String>()
    /// Where each requirement is defined, to point at one that no question covers.
    var requirementPositions: [String: SourcePosition] = [:]

    static let rootKeys = ["gapkit", "id", "title", "version", "languages", "description", "thresholds", "findings", "scales",
                           "default_scale", "areas", "phases", "documents", "actions", "milestones", "requirements", "clauses"]

    mutating func read(_ root: YAMLNode) -> Questionnaire? {
        guard let fields = schema.fields(root, "the questionnaire") else { return nil }
        schema.rejectUnknownKeys(fields, allowed: Self.rootKeys)
        if let version = schema.required(fields, "gapkit") {
            if version.scalar?.text != String(Questionnaire.schemaVersion) || version.scalar?.style != .plain {
                schema.error("unsupported schema version \(version.kindDescription); this GapKit reads 'gapkit: 1'", at: version.position)
            }
        }
        readLanguages(fields["languages"])
        let id = schema.required(fields, "id").flatMap { schema.identifier($0, "id") }
        let title = schema.required(fields, "title").flatMap { schema.text($0, "title") }
        let version = fields["version"].flatMap { schema.string($0, "version") }
        let description = fields["description"].flatMap { schema.text($0, "description") }
        let thresholds = readThresholds(fields["thresholds"])
        let findings = readFindings(fields["findings"])
        let scales = items(fields["scales"], "scales").compactMap { readScale($0) }
        let defaultScale = fields["default_scale"].flatMap { node in
            schema.identifier(node, "default_scale").map { refer(.scale, $0, at: node.position, from: "default_scale") }
        }
        let areas = items(fields["areas"], "areas").compactMap { readArea($0) }
        let phases = items(fields["phases"], "phases").compactMap { readPhase($0) }
        let documents = items(fields["documents"], "documents").compactMap { readDocument($0) }
        let actions = items(fields["actions"], "actions").compactMap { readAction($0) }
        let milestones = items(fields["milestones"], "milestones").compactMap { readMilestone($0) }
        let requirements = items(fields["requirements"], "requirements").compactMap { readRequirement($0) }
        let context = QuestionContext(defaultScale: defaultScale, requiresArea: !areas.isEmpty, pathWeight: 1)
        var clauses: [Questionnaire.Clause] = []
        if let node = schema.required(fields, "clauses") {
            let nodes = schema.list(node, "clauses")
            if nodes.isEmpty, node.sequence != nil { schema.error("'clauses' is empty; a questionnaire needs at least one clause", at: node.position) }
            clauses = nodes.compactMap { readClause($0, context) }
        }
        guard let id, let title else { return nil }
        let questionnaire = Questionnaire(
            id: id, title: title, version: version, languages: schema.languages, description: description,
            thresholds: thresholds, findings: findings, scales: scales, defaultScale: defaultScale, areas: areas, phases: phases,
            documents: documents, actions: actions, milestones: milestones, requirements: requirements, clauses: clauses)
        check(questionnaire)
        return questionnaire
    }

    // MARK: Bookkeeping

    /// Records a definition; reports a second definition of the same id.
    mutating func define(_ kind: Kind, _ id: String, at position: SourcePosition, what: String) {
        if let first = definitions[kind]?[id] {
            schema.error("duplicate \(what) id '\(id)'", at: position, notes: [.init("'\(id)' was first defined here", at: first)])
        } else {
            definitions[kind, default: [:]][id] = position
        }
    }

    /// Records a reference, checked once everything is read; returns the id.
    @discardableResult
    mutating func refer(_ kind: Kind, _ id: String, at position: SourcePosition, from: String,
                        role: Reference.Role = .plain) -> String {
        references.append(Reference(kind: kind, id: id, position: position, from: from, role: role))
        return id
    }

    /// The items of an optional list.
    mutating func items(_ node: YAMLNode?, _ key: String) -> [YAMLNode] {
        node.map { schema.list($0, key) } ?? []
    }

    /// A list of ids, each recorded as a reference of `kind`.
    mutating func idList(_ node: YAMLNode?, _ key: String, _ kind: Kind, from: String, role: Reference.Role = .plain) -> [String] {
        items(node, key).compactMap { item in
            schema.identifier(item, key).map { refer(kind, $0, at: item.position, from: from, role: role) }
        }
    }

    /// A number that must be greater than zero, or `fallback` when absent.
    /// A number greater than 0 and, if given, at most `maximum`. (The core schema reads no infinite
    /// or overflowing number as a number, so every value here is finite.)
    mutating func positive(_ fields: Fields, _ key: String, default fallback: Double? = nil, maximum: Double? = nil) -> Double? {
        guard let node = fields[key] else {
            if fallback == nil { _ = schema.required(fields, key) }
            return fallback
        }
        guard let value = schema.number(node, key) else { return nil }
        guard value > 0 else {
            schema.error("'\(key)' must be greater than 0, found \(node.scalar?.text ?? "")", at: node.position)
            return nil
        }
        if let maximum, value > maximum {
            schema.error("'\(key)' must be at most \(NumberFormat.days(maximum)), found \(node.scalar?.text ?? "")", at: node.position)
            return nil
        }
        return value
    }

    // MARK: Top-level sections

    private mutating func readLanguages(_ node: YAMLNode?) {
        guard let node else { return }
        var languages: [String] = []
        for item in schema.list(node, "languages") {
            guard let language = schema.identifier(item, "languages") else { continue }
            if languages.contains(language) {
                schema.error("language '\(language)' is listed twice", at: item.position)
            } else {
                languages.append(language)
            }
        }
        if languages.isEmpty {
            if node.sequence?.isEmpty == true { schema.error("'languages' is empty; list at least the default language", at: node.position) }
        } else {
            schema.languages = languages
        }
    }

    private mutating func readThresholds(_ node: YAMLNode?) -> Questionnaire.Thresholds {
        var thresholds = Questionnaire.Thresholds.default
        guard let node, let fields = schema.fields(node, "thresholds") else { return thresholds }
        schema.rejectUnknownKeys(fields, allowed: ["compliant", "partial"])
        if let value = fields["compliant"].flatMap({ unitInterval($0, "compliant") }) { thresholds.compliant = value }
        if let value = fields["partial"].flatMap({ unitInterval($0, "partial") }) { thresholds.partial = value }
        if thresholds.partial > thresholds.compliant {
            schema.error("threshold 'partial' (\(thresholds.partial)) is above 'compliant' (\(thresholds.compliant))", at: node.position)
        }
        return thresholds
    }

    private mutating func readFindings(_ node: YAMLNode?) -> Questionnaire.FindingRules {
        var rules = Questionnaire.FindingRules.default
        guard let node, let fields = schema.fields(node, "findings") else { return rules }
        schema.rejectUnknownKeys(fields, allowed: ["escalate_minors"])
        if let escalate = fields["escalate_minors"] {
            rules.escalateMinors = wholeNumber(escalate, "escalate_minors", atLeast: Questionnaire.FindingRules.leastEscalation)
        }
        return rules
    }

    /// A whole number written plainly (`3`, `3.0`), at least `least` and small enough for an `Int`.
    mutating func wholeNumber(_ node: YAMLNode, _ key: String, atLeast least: Int) -> Int? {
        guard let value = schema.number(node, key) else { return nil }
        guard value >= Double(least), let whole = Int(exactly: value) else {
            schema.error("'\(key)' must be a whole number of at least \(least), found \(node.scalar?.text ?? "")", at: node.position)
            return nil
        }
        return whole
    }

    /// A number in 0…1.
    mutating func unitInterval(_ node: YAMLNode, _ key: String) -> Double? {
        guard let value = schema.number(node, key) else { return nil }
        guard (0...1).contains(value) else {
            schema.error("'\(key)' must be between 0 and 1, found \(node.scalar?.text ?? "")", at: node.position)
            return nil
        }
        return value
    }

    private mutating func readScale(_ node: YAMLNode) -> Questionnaire.Scale? {
        guard let fields = schema.fields(node, "a scale") else { return nil }
        guard let id = schema.required(fields, "id").flatMap({ schema.identifier($0, "id") }) else { return nil }
        let what = "scale '\(id)'"
        let named = Fields(node: node, what: what, pairs: fields.pairs)
        schema.rejectUnknownKeys(named, allowed: ["id", "options", "allow_na"])
        define(.scale, id, at: node.position, what: "scale")
        let allowNA = fields["allow_na"].flatMap { schema.bool($0, "allow_na") } ?? true
        var options: [Questionnaire.Scale.Option] = []
        var seen: [String: SourcePosition] = [:]
        if let list = schema.required(named, "options") {
            let nodes = schema.list(list, "options")
            if nodes.isEmpty, list.sequence != nil { schema.error("\(what) has no options", at: list.position) }
            if nodes.count > Questionnaire.Scale.maxOptions {
                schema.error("\(what) has \(nodes.count) options; a scale has at most \(Questionnaire.Scale.maxOptions)", at: list.position)
            }
            for optionNode in nodes {
                guard let option = schema.fields(optionNode, "an option of \(what)") else { continue }
                schema.rejectUnknownKeys(option, allowed: ["value", "label", "score"])
                let valueNode = schema.required(option, "value")
                let value = valueNode.flatMap { schema.string($0, "value") }
                let label = schema.required(option, "label").flatMap { schema.text($0, "label") }
                let score = schema.required(option, "score").flatMap { unitInterval($0, "score") }
                if let value, let valueNode {
                    if value == "na" {
                        schema.error("option value 'na' is reserved for 'not applicable'; use allow_na instead", at: valueNode.position)
                    } else if let first = seen[value] {
                        schema.error("duplicate option value '\(value)' in \(what)", at: valueNode.position,
                                     notes: [.init("'\(value)' was first defined here", at: first)])
                    } else {
                        seen[value] = valueNode.position
                    }
                }
                // Keep an option whose score is wrong: the file is rejected anyway, and without the
                // option every `applies_if` naming it would report a second, misleading error.
                if let value, let label { options.append(.init(value: value, label: label, score: score ?? 0)) }
            }
        }
        return Questionnaire.Scale(id: id, options: options, allowNA: allowNA)
    }

    private mutating func readArea(_ node: YAMLNode) -> Questionnaire.Area? {
        guard let (id, fields) = entity(node, "area", kind: .area, allowed: ["id", "title", "description"]) else { return nil }
        let title = schema.required(fields, "title").flatMap { schema.text($0, "title") }
        let description = fields["description"].flatMap { schema.text($0, "description") }
        return title.map { .init(id: id, title: $0, description: description) }
    }

    private mutating func readPhase(_ node: YAMLNode) -> Questionnaire.Phase? {
        guard let (id, fields) = entity(node, "phase", kind: .phase, allowed: ["id", "title"]) else { return nil }
        return schema.required(fields, "title").flatMap { schema.text($0, "title") }.map { .init(id: id, title: $0) }
    }

    private mutating func readDocument(_ node: YAMLNode) -> Questionnaire.Document? {
        guard let (id, fields) = entity(node, "document", kind: .document,
                                        allowed: ["id", "title", "clause", "kind", "description", "required"]) else { return nil }
        let title = schema.required(fields, "title").flatMap { schema.text($0, "title") }
        let clause = fields["clause"].flatMap { clauseNode in
            schema.identifier(clauseNode, "clause").map { refer(.clause, $0, at: clauseNode.position, from: id) }
        }
        var kind: Questionnaire.Document.Kind?
        if let kindNode = schema.required(fields, "kind"), let text = schema.string(kindNode, "kind") {
            kind = .init(rawValue: text)
            if kind == nil {
                schema.error("'kind' must be 'maintained' or 'retained', found '\(text)'", at: kindNode.position)
            }
        }
        let description = fields["description"].flatMap { schema.text($0, "description") }
        let required = fields["required"].flatMap { schema.bool($0, "required") } ?? true
        guard let title, let kind else { return nil }
        return .init(id: id, title: title, clause: clause, kind: kind, description: description, required: required)
    }

    private mutating func readAction(_ node: YAMLNode) -> Questionnaire.Action? {
        guard let (id, fields) = entity(node, "action", kind: .step, allowed: [
            "id", "title", "description", "phase", "effort", "owner", "after", "documents",
        ]) else { return nil }
        actionIds.insert(id)
        let title = schema.required(fields, "title").flatMap { schema.text($0, "title") }
        let description = fields["description"].flatMap { schema.text($0, "description") }
        let phase = schema.required(fields, "phase").flatMap { phaseNode in
            schema.identifier(phaseNode, "phase").map { refer(.phase, $0, at: phaseNode.position, from: id) }
        }
        let effort = positive(fields, "effort", maximum: Questionnaire.Action.maximumEffort)
        let owner = fields["owner"].flatMap { schema.text($0, "owner") }
        let after = idList(fields["after"], "after", .step, from: id, role: .actionAfter)
        let documents = idList(fields["documents"], "documents", .document, from: id)
        // Kept even when a value is wrong, so phase and cycle checks still see its links.
        return .init(id: id, title: title ?? LocalizedText([:]), description: description, phase: phase ?? "",
                     effort: effort ?? 0, owner: owner,
                     after: after, documents: documents)
    }

    private mutating func readMilestone(_ node: YAMLNode) -> Questionnaire.Milestone? {
        guard let (id, fields) = entity(node, "milestone", kind: .step,
                                        allowed: ["id", "title", "description", "phase", "weeks", "after"]) else { return nil }
        let title = schema.required(fields, "title").flatMap { schema.text($0, "title") }
        let description = fields["description"].flatMap { schema.text($0, "description") }
        let phase = schema.required(fields, "phase").flatMap { phaseNode in
            schema.identifier(phaseNode, "phase").map { refer(.phase, $0, at: phaseNode.position, from: id) }
        }
        let weeks = positive(fields, "weeks", maximum: Questionnaire.Milestone.maximumWeeks)
        let after = idList(fields["after"], "after", .step, from: id, role: .milestoneAfter)
        return .init(id: id, title: title ?? LocalizedText([:]), description: description, phase: phase ?? "",
                     weeks: weeks ?? 0, after: after)
    }

    private mutating func readRequirement(_ node: YAMLNode) -> Questionnaire.Requirement? {
        guard let (id, fields) = entity(node, "requirement", kind: .requirement, allowed: ["id", "clause", "text"]) else { return nil }
        let clause = schema.required(fields, "clause").flatMap { clauseNode in
            schema.identifier(clauseNode, "clause").map { refer(.clause, $0, at: clauseNode.position, from: id) }
        }
        let text = schema.required(fields, "text").flatMap { schema.text($0, "text") }
        guard let clause, let text else { return nil }
        requirementPositions[id] = node.position
        return .init(id: id, clause: clause, text: text)
    }

    /// Reads the mapping and `id` of an entity, defines the id and checks the keys.
    mutating func entity(_ node: YAMLNode, _ what: String, kind: Kind, allowed: [String]) -> (String, Fields)? {
        guard let fields = schema.fields(node, "a \(what)") else { return nil }
        guard let id = schema.required(fields, "id").flatMap({ schema.identifier($0, "id") }) else {
            schema.rejectUnknownKeys(fields, allowed: allowed)
            return nil
        }
        let named = Fields(node: node, what: "\(what) '\(id)'", pairs: fields.pairs)
        schema.rejectUnknownKeys(named, allowed: allowed)
        define(kind, id, at: node.position, what: what)
        return (id, named)
    }
}
