import ArgumentParser
import Foundation
import GapKit

struct Guide: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a printable interview guide: questions with tick boxes, what good looks like, evidence to ask for, room for notes.",
        discussion: """
            HTML (prints to A4) or Markdown, chosen by the --out file's extension. --clauses picks \
            clauses (each with its sub-clauses); --interviewee picks the clauses of that person's \
            interviews (by name or role) in the engagement's schedule, and puts their name, role \
            and date on top.
            """
    )

    @Argument(help: "The questionnaire YAML file.", completion: .file())
    var questionnaire: String

    @Option(help: "Comma-separated clause ids, e.g. 8.5,8.6 (default: every clause).")
    var clauses: String?

    @Option(help: "A name or role in the engagement's interview schedule (needs --engagement).")
    var interviewee: String?

    @Option(help: "The engagement file whose interview schedule --interviewee is looked up in.", completion: .file())
    var engagement: String?

    @Option(help: "Language of the texts (default: the questionnaire's first language).", completion: .languages)
    var lang: String?

    @Option(help: "The guide to write: FILE.html or FILE.md.", completion: .file())
    var out: String

    func validate() throws {
        guard out.lowercased().hasSuffix(".html") || out.lowercased().hasSuffix(".md") else {
            throw ValidationError("--out must end in .html or .md, not '\(out)'")
        }
        if interviewee != nil, engagement == nil { throw ValidationError("--interviewee needs --engagement: the schedule it is looked up in") }
        if interviewee != nil, clauses != nil { throw ValidationError("give --clauses or --interviewee, not both") }
    }

    func run() throws {
        let text: String
        do {
            let questionnaire = try QuestionnaireLoader().load(file: self.questionnaire).questionnaire
            if let lang, !questionnaire.languages.contains(lang) {
                throw ValidationError("--lang \(lang): the questionnaire has texts in \(questionnaire.languages.joined(separator: ", "))")
            }
            var ids = clauses.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } } ?? []
            var interview: Engagement.Interview?
            if let interviewee, let engagement {
                let schedule = try EngagementLoader(questionnaire: questionnaire).load(file: engagement)
                let found = InterviewGuide.interviews(in: schedule, for: interviewee)
                guard !found.isEmpty else {
                    throw ValidationError("--interviewee \(interviewee): no interview in \(engagement) has that name or role")
                }
                ids = found.flatMap(\.clauses)
                interview = found.count == 1 ? found[0] : nil
            }
            var guide: InterviewGuide
            do {
                guide = try InterviewGuide(questionnaire: questionnaire, clauses: ids, language: lang)
            } catch {
                throw ValidationError("--clauses \(error.id): no such clause\(error.suggestion.map { "; did you mean \($0)?" } ?? "")")
            }
            if let interview {
                let language = lang ?? questionnaire.defaultLanguage
                guide.interviewee = interview.name.map { questionnaire.text($0, language) }
                guide.role = interview.role.map { questionnaire.text($0, language) }
                guide.date = interview.date
            }
            text = out.lowercased().hasSuffix(".md") ? guide.markdown() : guide.html()
            try AtomicFile.write(Array(text.utf8), to: out)
        } catch let error as ValidationError {
            throw error
        } catch {
            throw report(error)
        }
        print(out)
    }
}
