/// A questionnaire that passed validation, with the source it came from and any warnings.
public struct LoadedQuestionnaire: Sendable {
    public var questionnaire: Questionnaire
    public var file: SourceFile
    /// Problems that do not stop the questionnaire from being used (e.g. an empty clause).
    public var warnings: [Diagnostic]
}

/// Loads and validates questionnaire files (schema v1, questionnaires/SCHEMA.md).
///
/// Every problem in a file is reported at once, each at its position, as a `DiagnosticsError`.
public struct QuestionnaireLoader: Sendable {
    public var limits: YAMLLimits

    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    public func load(file path: String) throws -> LoadedQuestionnaire {
        try validate(YAMLLoader(limits: limits).parse(file: path))
    }

    public func load(_ text: String, path: String = "<input>") throws -> LoadedQuestionnaire {
        try validate(YAMLLoader(limits: limits).parse(text, path: path))
    }

    private func validate(_ stream: YAMLStream) throws -> LoadedQuestionnaire {
        guard let root = stream.documents.first, !(stream.documents.count == 1 && root.isNull) else {
            throw DiagnosticsError(file: stream.file, diagnostics: stream.diagnostics + [.error("the file holds no questionnaire (it is empty)", at: nil)])
        }
        var reader = QuestionnaireReader()
        reader.schema.diagnostics = stream.diagnostics
        if stream.documents.count > 1 {
            reader.schema.error("a questionnaire file holds one YAML document, but this one holds \(stream.documents.count)",
                                at: stream.documents[1].position)
        }
        let questionnaire = reader.read(root)
        let diagnostics = reader.schema.diagnostics
        guard let questionnaire, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw DiagnosticsError(file: stream.file, diagnostics: diagnostics)
        }
        return LoadedQuestionnaire(questionnaire: questionnaire, file: stream.file, warnings: diagnostics)
    }
}
