import Foundation

/// Reads an engagement file (docs/ENGAGEMENT.md) and checks it against its questionnaire: every
/// problem at its position, clause, action and owner references with suggestions.
public struct EngagementLoader: Sendable {
    public var questionnaire: Questionnaire
    public var limits: YAMLLimits

    public init(questionnaire: Questionnaire, limits: YAMLLimits = .default) {
        self.questionnaire = questionnaire
        self.limits = limits
    }

    public func load(file path: String) throws -> Engagement {
        try read(YAMLLoader(limits: limits).parse(file: path))
    }

    public func load(_ text: String, path: String = "<input>") throws -> Engagement {
        try read(YAMLLoader(limits: limits).parse(text, path: path))
    }

    static let rootKeys = ["gapkit", "questionnaire", "client", "consultant", "report", "scope", "basis", "method",
                           "interviews", "documents_reviewed", "conclusion", "organisation", "plan"]

    /// The owners the questionnaire's actions name, in its default language, trimmed.
    public static func owners(of questionnaire: Questionnaire) -> [String] {
        var seen = Set<String>()
        return questionnaire.actions.compactMap { action in
            action.owner.map { questionnaire.text($0).trimmingCharacters(in: .whitespaces) }
        }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    private func read(_ stream: YAMLStream) throws -> Engagement {
        var reader = Reader(questionnaire: questionnaire)
        reader.schema.diagnostics = stream.diagnostics
        let engagement = reader.read(stream)
        guard let engagement, reader.schema.diagnostics.isEmpty else {
            throw DiagnosticsError(file: stream.file, diagnostics: reader.schema.diagnostics.isEmpty
                ? [.error("the engagement file is empty; it needs at least 'gapkit: 1' and 'questionnaire'", at: nil)]
                : reader.schema.diagnostics)
        }
        return engagement
    }
}

/// One pass over an engagement file, collecting problems in `schema`.
private struct Reader {
    let questionnaire: Questionnaire
    var schema = SchemaReader()
    /// Languages a text may be written in.
    let languages: [String]

    init(questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
        languages = questionnaire.languages + StringTables.languages.filter { !questionnaire.languages.contains($0) }
    }

    mutating func read(_ stream: YAMLStream) -> Engagement? {
        guard let root = stream.documents.first, !(stream.documents.count == 1 && root.isNull) else { return nil }
        if stream.documents.count > 1 {
            schema.error("an engagement file holds one document, but this one holds \(stream.documents.count)", at: stream.documents[1].position)
        }
        guard let fields = schema.fields(root, "the engagement file") else { return nil }
        schema.rejectUnknownKeys(fields, allowed: EngagementLoader.rootKeys)
        if let version = schema.required(fields, "gapkit"), version.scalar?.text != "1" || version.scalar?.style != .plain {
            schema.error("unsupported engagement file version \(version.kindDescription); this GapKit reads 'gapkit: 1'", at: version.position)
        }
        var engagement = Engagement(questionnaire: questionnaire.id)
        if let node = schema.required(fields, "questionnaire"), let id = schema.string(node, "questionnaire"), id != questionnaire.id {
            schema.error("this engagement is for questionnaire '\(id)', not '\(questionnaire.id)'", at: node.position)
        }
        if let client = mapping(fields["client"], "client", keys: ["name", "short_name"]) {
            engagement.client = .init(name: text(client["name"], "name"), shortName: text(client["short_name"], "short_name"))
        }
        if let consultant = mapping(fields["consultant"], "consultant", keys: ["name", "firm"]) {
            engagement.consultant = .init(name: text(consultant["name"], "name"), firm: text(consultant["firm"], "firm"))
        }
        if let report = mapping(fields["report"], "report", keys: ["number", "version", "date", "prepared_by", "reviewed_by",
                                                                  "approved_by", "confidentiality"]) {
            engagement.report = .init(number: string(report["number"], "number"), version: string(report["version"], "version"),
                                      date: date(report["date"], "date"), preparedBy: text(report["prepared_by"], "prepared_by"),
                                      reviewedBy: text(report["reviewed_by"], "reviewed_by"), approvedBy: text(report["approved_by"], "approved_by"),
                                      confidentiality: text(report["confidentiality"], "confidentiality"))
        }
        if let scope = mapping(fields["scope"], "scope", keys: ["services", "sites", "departments"]) {
            engagement.scope = .init(services: texts(scope["services"], "services"), sites: texts(scope["sites"], "sites"),
                                     departments: texts(scope["departments"], "departments"))
        }
        engagement.basis = texts(fields["basis"], "basis")
        engagement.method = texts(fields["method"], "method")
        if let node = fields["interviews"] {
            engagement.interviews = schema.list(node, "interviews").compactMap { interview($0) }
        }
        if let node = fields["documents_reviewed"] {
            engagement.documentsReviewed = schema.list(node, "documents_reviewed").compactMap { reviewedDocument($0) }
        }
        if let conclusion = mapping(fields["conclusion"], "conclusion", keys: ["narrative", "strengths", "key_problems",
                                                                              "recommendation", "certificate_scope"]) {
            engagement.conclusion = .init(narrative: text(conclusion["narrative"], "narrative"),
                                          strengths: texts(conclusion["strengths"], "strengths"),
                                          keyProblems: texts(conclusion["key_problems"], "key_problems"),
                                          recommendation: text(conclusion["recommendation"], "recommendation"),
                                          certificateScope: text(conclusion["certificate_scope"], "certificate_scope"))
        }
        // Plan first: an action's owner given there is an owner the organisation may assign.
        if let plan = mapping(fields["plan"], "plan", keys: ["start", "capacity", "owner_capacity", "effort_factor", "actions"]) {
            engagement.plan = planSettings(plan)
        }
        let owners = EngagementLoader.owners(of: questionnaire) + engagement.plan.actions.values.compactMap(\.owner)
        if let organisation = mapping(fields["organisation"], "organisation", keys: ["steering_group", "management_representative", "owners"]) {
            engagement.organisation.steeringGroup = texts(organisation["steering_group"], "steering_group")
            engagement.organisation.managementRepresentative = text(organisation["management_representative"], "management_representative")
            if let node = organisation["owners"], let map = schema.fields(node, "owners") {
                for pair in map.pairs {
                    guard let role = owner(pair.key, known: owners),
                          let assignment = mapping(pair.value, "owner '\(role)'", keys: ["department", "person"]) else { continue }
                    engagement.organisation.owners[role] = .init(department: text(assignment["department"], "department"),
                                                                 person: text(assignment["person"], "person"))
                }
            }
        }
        for (role, _) in engagement.plan.ownerCapacity where !owners.contains(role) {
            // Reported where it was read (see planSettings); kept out of the result.
            engagement.plan.ownerCapacity[role] = nil
        }
        return engagement
    }

    // MARK: Sections

    private mutating func interview(_ node: YAMLNode) -> Engagement.Interview? {
        guard let fields = mapping(node, "an interview", keys: ["date", "name", "role", "department", "clauses"]) else { return nil }
        var interview = Engagement.Interview(date: date(fields["date"], "date"), name: text(fields["name"], "name"),
                                             role: text(fields["role"], "role"), department: text(fields["department"], "department"))
        let ids = Set(questionnaire.allClauses.map(\.id))
        for item in fields["clauses"].map({ schema.list($0, "clauses") }) ?? [] {
            guard let id = schema.string(item, "clauses") else { continue }
            guard ids.contains(id) else {
                let hint = schema.hint(for: id, in: questionnaire.allClauses.map(\.id))
                schema.error("unknown clause '\(id)'\(hint)", at: item.position)
                continue
            }
            interview.clauses.append(id)
        }
        return interview
    }

    private mutating func reviewedDocument(_ node: YAMLNode) -> Engagement.ReviewedDocument? {
        guard let fields = mapping(node, "a reviewed document", keys: ["id", "title", "version", "disposition"]) else { return nil }
        guard let id = fields["id"].flatMap({ schema.string($0, "id") }) ?? missing(fields, "id") else { return nil }
        var document = Engagement.ReviewedDocument(id: id, title: text(fields["title"], "title"), version: string(fields["version"], "version"))
        if let node = fields["disposition"], let value = schema.string(node, "disposition") {
            let choices = Engagement.ReviewedDocument.Disposition.allCases.map(\.rawValue)
            if let disposition = Engagement.ReviewedDocument.Disposition(rawValue: value) {
                document.disposition = disposition
            } else {
                let hint = Suggestion.closest(to: value, in: choices).map { "; did you mean '\($0)'?" } ?? " (expected one of: \(choices.joined(separator: ", ")))"
                schema.error("unknown disposition '\(value)' of document '\(id)'\(hint)", at: node.position)
            }
        }
        return document
    }

    private mutating func planSettings(_ fields: Fields) -> Engagement.PlanSettings {
        var plan = Engagement.PlanSettings()
        plan.start = date(fields["start"], "start")
        if let node = fields["capacity"], let capacity = schema.number(node, "capacity") {
            if Planner.capacityRange.contains(capacity) { plan.capacity = capacity } else { capacityError(node, capacity, "capacity") }
        }
        if let node = fields["effort_factor"], let factor = schema.number(node, "effort_factor") {
            if factor > 0, factor <= 100 { plan.effortFactor = factor } else {
                schema.error("'effort_factor' must be more than 0 and at most 100, found \(NumberFormat.days(factor))", at: node.position)
            }
        }
        if let node = fields["actions"], let actions = schema.fields(node, "actions") {
            let ids = questionnaire.actions.map(\.id)
            for pair in actions.pairs {
                guard let id = schema.string(pair.key, "action id") else { continue }
                guard ids.contains(id) else {
                    let hint = schema.hint(for: id, in: ids)
                    schema.error("unknown action '\(id)'\(hint)", at: pair.key.position)
                    continue
                }
                guard let settings = mapping(pair.value, "action '\(id)'", keys: ["effort", "owner"]) else { continue }
                var action = Engagement.PlanSettings.ActionSettings()
                if let node = settings["effort"], let effort = schema.number(node, "effort") {
                    if effort >= 0, effort <= Questionnaire.Action.maximumEffort { action.effort = effort } else {
                        schema.error("'effort' must be between 0 and \(NumberFormat.days(Questionnaire.Action.maximumEffort)) person-days, found \(NumberFormat.days(effort))", at: node.position)
                    }
                }
                if let node = settings["owner"], let owner = schema.string(node, "owner") {
                    let trimmed = owner.trimmingCharacters(in: .whitespaces)
                    if trimmed.isEmpty { schema.error("'owner' of action '\(id)' is empty", at: node.position) } else { action.owner = trimmed }
                }
                plan.actions[id] = action
            }
        }
        if let node = fields["owner_capacity"], let map = schema.fields(node, "owner_capacity") {
            let owners = EngagementLoader.owners(of: questionnaire) + plan.actions.values.compactMap(\.owner)
            for pair in map.pairs {
                guard let role = owner(pair.key, known: owners), let capacity = schema.number(pair.value, "owner_capacity") else { continue }
                if Planner.capacityRange.contains(capacity) { plan.ownerCapacity[role] = capacity } else { capacityError(pair.value, capacity, "owner_capacity") }
            }
        }
        return plan
    }

    // MARK: Values

    /// An owner role the questionnaire (or the plan settings) names, in any of its languages, as
    /// the questionnaire's default language names it; a suggestion when it names none.
    private mutating func owner(_ node: YAMLNode, known: [String]) -> String? {
        guard let role = schema.string(node, "owner") else { return nil }
        if known.contains(role) { return role }
        for action in questionnaire.actions {
            guard let owner = action.owner, owner.translations.values.contains(where: { $0.trimmingCharacters(in: .whitespaces) == role }) else { continue }
            return questionnaire.text(owner).trimmingCharacters(in: .whitespaces)
        }
        let hint = Suggestion.closest(to: role, in: known).map { "; did you mean '\($0)'?" }
            ?? " (the questionnaire's owners: \(known.joined(separator: ", ")))"
        schema.error("unknown owner '\(role)'\(hint)", at: node.position)
        return nil
    }

    private mutating func capacityError(_ node: YAMLNode, _ value: Double, _ key: String) {
        schema.error("'\(key)' must be between \(NumberFormat.days(Planner.capacityRange.lowerBound)) and "
            + "\(NumberFormat.days(Planner.capacityRange.upperBound)) person-days a week, found \(NumberFormat.days(value))", at: node.position)
    }

    private mutating func missing(_ fields: Fields, _ key: String) -> String? {
        _ = schema.required(fields, key)
        return nil
    }

    private mutating func mapping(_ node: YAMLNode?, _ what: String, keys: [String]) -> Fields? {
        guard let node, !node.isNull, let fields = schema.fields(node, what) else { return nil }
        schema.rejectUnknownKeys(fields, allowed: keys)
        return fields
    }

    private mutating func string(_ node: YAMLNode?, _ key: String) -> String? {
        guard let node, !node.isNull else { return nil }
        return schema.string(node, key)
    }

    private mutating func date(_ node: YAMLNode?, _ key: String) -> CalendarDate? {
        guard let text = string(node, key) else { return nil }
        guard let date = CalendarDate(text) else {
            schema.error("'\(key)' must be a day written YYYY-MM-DD, found '\(text)'", at: node?.position)
            return nil
        }
        return date
    }

    /// Text in one language (plain) or several (`{en: …, zh-Hans: …}`).
    private mutating func text(_ node: YAMLNode?, _ key: String) -> LocalizedText? {
        guard let node, !node.isNull else { return nil }
        if node.scalar != nil { return schema.string(node, key).map { LocalizedText([Engagement.anyLanguage: $0]) } }
        guard let pairs = node.mapping else {
            schema.error("expected text for '\(key)' (or a map of language to text), found \(node.kindDescription)", at: node.position)
            return nil
        }
        var translations: [String: String] = [:]
        for pair in pairs {
            guard let language = schema.string(pair.key, "language") else { continue }
            guard languages.contains(language) else {
                let hint = Suggestion.closest(to: language, in: languages).map { "; did you mean '\($0)'?" }
                    ?? " (expected one of: \(languages.joined(separator: ", ")))"
                schema.error("unknown language '\(language)' in '\(key)'\(hint)", at: pair.key.position)
                continue
            }
            if let text = schema.string(pair.value, "\(key).\(language)") { translations[language] = text }
        }
        return translations.isEmpty ? nil : LocalizedText(translations)
    }

    private mutating func texts(_ node: YAMLNode?, _ key: String) -> [LocalizedText] {
        guard let node, !node.isNull else { return [] }
        return schema.list(node, key).compactMap { text($0, key) }
    }
}

extension Engagement {
    /// The language tag of a text written plainly: shown whatever the report's language.
    static let anyLanguage = "*"
}

extension LocalizedText {
    /// The text in `language`; else the one written without a language; else the first language's.
    public func text(in language: String, languages: [String]) -> String {
        translations[language] ?? translations[Engagement.anyLanguage]
            ?? languages.lazy.compactMap { translations[$0] }.first ?? translations.values.sorted().first ?? ""
    }
}
