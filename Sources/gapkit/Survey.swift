import ArgumentParser
import Foundation
import GapKit

struct Survey: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a survey from a questionnaire: a LimeSurvey structure import or an empty CSV export template.",
        discussion: """
            limesurvey: LimeSurvey's tab-separated survey structure (.txt), one group per clause, assessment values \
            = score × 100, and beside it FILE-map.yaml, which `gapkit batch --map` reads so the export comes back \
            with no hand work. csv: an empty export template ([Q-…] headers) and beside it FILE-answers.csv, the \
            answers each question accepts.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case limesurvey, csv
    }

    @Argument(help: "The questionnaire YAML file.", completion: .file())
    var questionnaire: String

    @Option(help: "limesurvey or csv.")
    var format: Format

    @Option(help: "The file to write.", completion: .file())
    var out: String

    @Option(help: "A language to write (repeat for several; default: every language of the questionnaire).", completion: .languages)
    var lang: [String] = []

    @Option(help: "Comma-separated clause ids to include, each with its sub-clauses (default: all).")
    var clauses: String?

    @Option(name: .customLong("id-column"), help: "The id column of the CSV template.")
    var idColumn = "Respondent ID"

    @Option(name: .customLong("group-column"), help: "A group column of the CSV template (e.g. Department).")
    var groupColumn: String?

    @Option(help: "Comma-separated allowed values of the group column.")
    var groups: String?

    func validate() throws {
        if groups != nil, groupColumn == nil { throw ValidationError("--groups needs --group-column") }
    }

    /// FILE.txt → FILE-SUFFIX (beside it).
    func beside(_ suffix: String) -> String {
        let url = URL(fileURLWithPath: out)
        return url.deletingPathExtension().path + suffix
    }

    func run() throws {
        let design: SurveyDesign
        do {
            let loaded = try QuestionnaireLoader().load(file: questionnaire).questionnaire
            design = try SurveyDesign(questionnaire: loaded, languages: lang,
                                      clauses: clauses?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? [])
        } catch let error as SurveyError {
            throw ValidationError(error.message)
        } catch {
            throw report(error)
        }
        do {
            switch format {
            case .limesurvey:
                try AtomicFile.write(LimeSurveyWriter(design: design).text(), to: out)
                try AtomicFile.write(design.mapFile(), to: beside("-map.yaml"))
                print("\(out): \(design.items.count) questions in \(design.languages.joined(separator: ", ")); mapping for gapkit batch --map: \(beside("-map.yaml"))")
            case .csv:
                var writer = SurveyTemplateWriter(design: design)
                writer.idColumn = idColumn
                writer.groupColumn = groupColumn
                writer.groups = groups?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
                try AtomicFile.write(writer.template(), to: out)
                try AtomicFile.write(writer.allowedAnswers(), to: beside("-answers.csv"))
                print("\(out): \(design.items.count) question columns; allowed answers: \(beside("-answers.csv"))")
            }
        } catch {
            throw report(error)
        }
    }
}
