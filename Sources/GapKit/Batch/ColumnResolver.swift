/// What a column of a survey export holds, decided from its header.
struct ColumnResolver {
    enum Role: Equatable {
        case question(Int)
        case id
        case group(Int)
        case ignored
    }

    let questionIndex: [String: Int]
    let options: BatchOptions

    /// Headers that name the respondent, normalised (used when `--id-column` is not given).
    static let idHeaders: Set<String> = ["id", "respondentid", "responseid", "respondent", "respondentname", "name",
                                         "email", "编号", "受访人", "答卷编号", "序号"]

    init(questionnaire: Questionnaire, options: BatchOptions) {
        questionIndex = Dictionary(questionnaire.allQuestions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.options = options
    }

    /// The roles of a header row; `id` goes to the `--id-column`, or to the first header that looks like one.
    func roles(_ headers: [String]) -> [Role] {
        var roles = headers.map(role)
        if options.idColumn == nil, let first = headers.indices.first(where: {
            roles[$0] == .ignored && Self.idHeaders.contains(CellMatcher.normalize(headers[$0]))
        }) {
            roles[first] = .id
        }
        return roles
    }

    /// A column's role: the id or a group-by column by name; a question by the mapping file, its id,
    /// or its id in square brackets (`[Q-8.5.1-2] Is there …`).
    func role(_ header: String) -> Role {
        let name = header.trimmingCharacters(in: .whitespaces)
        if let id = options.idColumn, name == id { return .id }
        if let group = options.groupBy.firstIndex(of: name) { return .group(group) }
        if let id = options.map.columns[name] ?? options.map.columns[header], let q = questionIndex[id] { return .question(q) }
        if let q = questionIndex[name] { return .question(q) }
        var rest = Substring(name)
        while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") {
            if let q = questionIndex[rest[rest.index(after: open)..<close].trimmingCharacters(in: .whitespaces)] { return .question(q) }
            rest = rest[rest.index(after: close)...]
        }
        return .ignored
    }
}
