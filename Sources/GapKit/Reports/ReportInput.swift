/// Everything a report is made from.
public struct ReportInput: Sendable {
    public var questionnaire: Questionnaire
    public var answers: AnswerSet
    public var assessment: Assessment
    public var plan: Plan
    public var language: String
    public var branding: Branding
    /// What the consultancy knows beyond the answers; nil gives a report that says what it lacks.
    public var engagement: Engagement?
    /// Whether the report ends with every answer.
    public var appendix: Bool

    public init(questionnaire: Questionnaire, answers: AnswerSet, assessment: Assessment, plan: Plan,
                language: String? = nil, branding: Branding = .default, engagement: Engagement? = nil, appendix: Bool = true) {
        self.questionnaire = questionnaire
        self.answers = answers
        self.assessment = assessment
        self.plan = plan
        self.language = language ?? questionnaire.defaultLanguage
        self.branding = branding
        self.engagement = engagement
        self.appendix = appendix
    }
}
