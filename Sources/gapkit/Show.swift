import ArgumentParser
import GapKit

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a questionnaire's clause tree with question counts per clause and area.",
        discussion: "--format json prints the normalised questionnaire: every default filled in, texts as language maps."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "A questionnaire YAML file.", completion: .yamlFile)
    var file: String

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: "Language of the texts (default: the questionnaire's first language).", completion: .languages)
    var lang: String?

    func validate() throws {
        if let lang, lang.isEmpty { throw ValidationError("--lang needs a language tag such as en or zh-Hans") }
    }

    func run() throws {
        let loaded: LoadedQuestionnaire
        do {
            loaded = try QuestionnaireLoader().load(file: file)
        } catch {
            throw report(error)
        }
        let questionnaire = loaded.questionnaire
        if let lang, !questionnaire.languages.contains(lang) {
            throw ValidationError("--lang \(lang): the questionnaire has texts in \(questionnaire.languages.joined(separator: ", "))")
        }
        switch format {
        case .text: print(QuestionnaireOutline(questionnaire, language: lang).render(), terminator: "")
        case .json: print(JSONWriter().string(questionnaire.normalizedJSON), terminator: "")
        }
    }
}
