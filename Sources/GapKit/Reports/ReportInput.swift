/// Everything a report is made from.
public struct ReportInput: Sendable {
    public var questionnaire: Questionnaire
    public var answers: AnswerSet
    public var assessment: Assessment
    public var plan: Plan
    public var language: String
    public var branding: Branding

    public init(questionnaire: Questionnaire, answers: AnswerSet, assessment: Assessment, plan: Plan,
                language: String? = nil, branding: Branding = .default) {
        self.questionnaire = questionnaire
        self.answers = answers
        self.assessment = assessment
        self.plan = plan
        self.language = language ?? questionnaire.defaultLanguage
        self.branding = branding
    }
}
