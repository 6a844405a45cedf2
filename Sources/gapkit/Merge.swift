import ArgumentParser
import Foundation
import GapKit

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge the answer files of one assessment (one per interview) into one answer file.",
        discussion: """
            The same answer in several files becomes one answer with all its interviewees; notes and \
            evidence of every file are kept. Answers that differ are settled by --prefer, or written \
            as a 'conflict' list under their question, to settle by hand (then the status is 65). \
            The rules are in docs/ANSWERS.md.
            """
    )

    @Argument(help: "The questionnaire YAML file.", completion: .file())
    var questionnaire: String

    @Argument(help: "The answer files to merge (YAML or JSON).", completion: .file())
    var answers: [String]

    @Option(help: "The merged answer file to write (.json for JSON, else YAML).", completion: .file())
    var out: String

    @Option(help: "How to settle answers that differ: worst (the lowest score) or latest (the latest 'on' or file date).")
    var prefer: AnswerMerger.Preference?

    func validate() throws {
        guard !answers.isEmpty else { throw ValidationError("give the answer files to merge") }
        let target = URL(fileURLWithPath: out).resolvingSymlinksInPath().path
        if answers.contains(where: { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path == target }) {
            throw ValidationError("--out \(out) is one of the answer files; write the merged file elsewhere")
        }
    }

    func run() throws {
        let result: AnswerMerger.Result
        do {
            let questionnaire = try QuestionnaireLoader().load(file: self.questionnaire).questionnaire
            result = try AssessmentOptions.merge(answers, questionnaire: questionnaire, prefer: prefer, keepConflicts: true)
            try AtomicFile.write(Array(AnswerFileWriter.text(result.answers, forPath: out, conflicts: result.conflicts).utf8), to: out)
        } catch let error as ExitCode {
            throw error
        } catch {
            throw report(error)
        }
        let unsettled = result.conflicts.filter { $0.settled == nil }
        guard unsettled.isEmpty else {
            for conflict in unsettled { for line in conflict.errors { Terminal.printError(line) } }
            Terminal.printError("\(out): \(unsettled.count) conflict\(unsettled.count == 1 ? "" : "s") left to settle by hand: "
                + "keep one answer as 'value' and delete 'conflict'.")
            throw ExitStatus.dataError
        }
        print("\(out): \(result.answers.answers.filter { $0.value != nil }.count) answers from \(answers.count) files")
    }
}
