/// A mapping file for survey exports whose headers or answers are not GapKit's:
///
///     columns:
///       "Is there an approved change management policy?": Q-8.5.1.1-1
///     values:
///       "Fully in place": "yes"
///       "Partly": partial
///
/// `values` applies to every question column; each target must be an option value (or `na`).
public struct ColumnMap: Sendable {
    public var columns: [String: String] = [:]
    public var values: [String: String] = [:]

    public init(columns: [String: String] = [:], values: [String: String] = [:]) {
        self.columns = columns
        self.values = values
    }

    public static func load(file path: String, questionnaire: Questionnaire) throws -> ColumnMap {
        let stream = try YAMLLoader().parse(file: path)
        var schema = SchemaReader()
        schema.diagnostics = stream.diagnostics
        var map = ColumnMap()
        let questions = questionnaire.questionIndex
        let allValues = Set(questionnaire.scales.flatMap { $0.options.map(\.value) } + ["na"])
        if let root = stream.documents.first, !root.isNull, let fields = schema.fields(root, "the mapping file") {
            schema.rejectUnknownKeys(fields, allowed: ["columns", "values"])
            for pair in fields["columns"].flatMap({ schema.fields($0, "columns") })?.pairs ?? [] {
                guard let header = schema.string(pair.key, "column"), let id = schema.string(pair.value, header) else { continue }
                guard questions[id] != nil else {
                    let hint = schema.hint(for: id, in: questions.keys.sorted())
                    schema.error("unknown question '\(id)'\(hint)", at: pair.value.position)
                    continue
                }
                map.columns[header] = id
            }
            for pair in fields["values"].flatMap({ schema.fields($0, "values") })?.pairs ?? [] {
                guard let text = schema.string(pair.key, "value"), let value = schema.string(pair.value, text) else { continue }
                guard allValues.contains(value) else {
                    schema.error("'\(value)' is not an option value of any scale (\(allValues.sorted().joined(separator: ", ")))", at: pair.value.position)
                    continue
                }
                map.values[CellMatcher.normalize(text)] = value
            }
        }
        guard schema.diagnostics.isEmpty else { throw DiagnosticsError(file: stream.file, diagnostics: schema.diagnostics) }
        return map
    }
}
