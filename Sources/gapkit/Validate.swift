import ArgumentParser
import GapKit

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check questionnaire files against schema v1.",
        discussion: """
            Prints a one-line summary for each valid file. Every problem of an invalid file is printed \
            to standard error with its line and column. Exit status: 0 all valid, 65 invalid data, \
            66 a file is missing, 74 a file could not be read.
            """
    )

    @Argument(help: "Questionnaire YAML files.", completion: .yamlFile)
    var files: [String]

    func run() throws {
        var worst = ExitCode.success
        for file in files {
            do {
                let loaded = try QuestionnaireLoader().load(file: file)
                if !loaded.warnings.isEmpty {
                    Terminal.printError(DiagnosticRenderer().render(loaded.warnings, in: loaded.file), terminator: "")
                }
                print("\(file): ok: \(QuestionnaireOutline(loaded.questionnaire).summary)")
            } catch {
                let code = report(error)
                worst = ExitCode(max(worst.rawValue, code.rawValue))
            }
        }
        if worst != .success { throw worst }
    }
}
