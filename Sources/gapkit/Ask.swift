import ArgumentParser
import Dispatch
import Foundation
import GapKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct Ask: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Answer a questionnaire interactively, saving every answer at once.",
        discussion: """
            Creates the answer file, or resumes it at the first unanswered question. Every answer, note and \
            evidence is saved atomically as soon as it is given; Ctrl-C exits with status 130 and loses \
            nothing that was confirmed. When standard input is not a terminal, reads commands line by line \
            until it ends (for scripts), without colours or prompts.
            """
    )

    @Argument(help: "The questionnaire YAML file.", completion: .yamlFile)
    var questionnaire: String

    @Option(help: "The answer file to create or resume.", completion: .answerFile)
    var answers: String

    @Option(help: "Only ask the questions of this clause and its sub-clauses.")
    var clause: String?

    @Option(help: "Language of the texts (default: the questionnaire's first language).", completion: .languages)
    var lang: String?

    @Option(help: "The respondent's name, recorded in the answer file.")
    var respondent: String?

    @Option(help: "Who is interviewed: recorded with every answer given (`by`), with --date as its day (`on`).")
    var interviewee: String?

    @Option(help: "The interviewee's role, recorded in the answer file's list of interviewees.")
    var role: String?

    @Option(help: "The assessment date recorded in a new answer file (or one without a date), YYYY-MM-DD, or 'today'.", completion: .list(["today"]))
    var date: String?

    func validate() throws {
        if let date, date != "today", CalendarDate(date) == nil {
            throw ValidationError("--date must be a day written YYYY-MM-DD, or 'today'")
        }
        if role != nil, interviewee == nil { throw ValidationError("--role needs --interviewee: whose role it is") }
        for (flag, text) in [("--respondent", respondent), ("--interviewee", interviewee), ("--role", role)] {
            if let text, text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                throw ValidationError("\(flag) holds a control character")
            }
        }
    }

    func run() throws {
        let questionnaire: Questionnaire
        let store: AnswerFileStore
        var set: AnswerSet
        let resumed: Bool
        do {
            questionnaire = try QuestionnaireLoader().load(file: self.questionnaire).questionnaire
            if let lang, !questionnaire.languages.contains(lang) {
                throw ValidationError("--lang \(lang): the questionnaire has texts in \(questionnaire.languages.joined(separator: ", "))")
            }
            store = AnswerFileStore(path: answers, questionnaire: questionnaire)
            (set, resumed) = try store.open(fresh: AnswerSet(questionnaire: questionnaire.id, date: assessmentDate()))
        } catch let error as ValidationError {
            throw error
        } catch {
            throw report(error)
        }
        if let respondent { set.respondent.name = respondent }
        var newInterviewee = false
        if let interviewee {
            if let index = set.interviewees.firstIndex(where: { $0.name == interviewee }) {
                if let role, set.interviewees[index].role != role { set.interviewees[index].role = role; newInterviewee = true }
            } else {
                set.interviewees.append(.init(name: interviewee, role: role))
                newInterviewee = true
            }
        }
        // A resumed file without a date takes the one given now, so the report command needs no --start.
        let datedNow = resumed && set.date == nil && date != nil
        if datedNow { set.date = assessmentDate() }

        let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        let colour = interactive && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
        let view = InterviewView(colour: colour, width: Terminal.columns(), language: lang ?? questionnaire.defaultLanguage)
        var session: InterviewSession
        do {
            session = try InterviewSession(questionnaire: questionnaire, answers: set, clause: clause, view: view)
            session.interviewee = interviewee
            session.interviewDate = assessmentDate() ?? set.date
        } catch {
            throw ValidationError("--clause \(error.id): no such clause\(error.suggestion.map { "; did you mean \($0)?" } ?? "")")
        }
        let saver = Saver(store: store, view: view)
        do {
            try store.checkWritable()
        } catch {
            throw report(error)
        }
        saver.exitOnInterrupt(answersPath: answers)
        if resumed {
            let count = set.answers.filter { $0.value != nil }.count
            Terminal.write(view.wrap(count == 1 ? view.t("Resuming {1}: 1 answer so far.", answers)
                                                : view.t("Resuming {1}: {2} answers so far.", answers, count)) + "\n")
        }
        if !resumed || respondent != nil || datedNow || newInterviewee {
            // A new file, a new respondent name or date: save now, so the file exists from the first moment.
            if let saved = try saver.save(session.answers, change: nil) { session.replace(saved) }
        }

        session.height = Terminal.rows()
        var outcome = session.start()
        Terminal.write(outcome.output)
        let reader = interactive ? LineReader(width: view.width) : nil
        while !outcome.finished {
            let typed: String?
            if let reader {
                typed = reader.readLine(prompt: session.prompt) {
                    session.resize(width: reader.width, height: Terminal.rows())
                    return session.redrawn()
                }
                if reader.width != session.view.width { session.resize(width: reader.width, height: Terminal.rows()) }
            } else {
                typed = readLine(strippingNewline: true)
            }
            guard let line = typed else { break }
            outcome = session.handle(line)
            if let changed = outcome.changed {
                if let saved = try saver.save(session.answers, change: session.answers[changed]) { session.replace(saved) }
            }
            Terminal.write(outcome.output)
        }
        RawMode.leave()
        if let saved = try saver.finish(session.answers) { session.replace(saved) }
        Terminal.write(session.summary(questionnairePath: self.questionnaire, answersPath: answers))
        if session.rejectedLines > 0 {
            Terminal.printError(session.rejectedLines == 1 ? "1 line was refused; everything else is saved in \(answers)."
                                                           : "\(session.rejectedLines) lines were refused; everything else is saved in \(answers).")
            throw ExitStatus.dataError
        }
    }

    private func assessmentDate() -> CalendarDate? {
        guard let date else { return nil }
        if date == "today" {
            let parts = Calendar(identifier: .gregorian).dateComponents(in: .current, from: Date())
            return CalendarDate(String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1))
        }
        return CalendarDate(date)
    }
}

/// Saves the interview's answers, and makes Ctrl-C wait for a save in progress before exiting.
///
/// A save that fails (a full disk, a folder gone) does not end the interview: it is reported, the
/// answers stay in memory, and every later save, the end of the interview and Ctrl-C try again.
final class Saver: @unchecked Sendable {
    let store: AnswerFileStore
    let view: InterviewView
    private let lock = NSLock()
    private var signalSource: DispatchSourceSignal?
    /// The interview's answers while the file lacks some of them.
    private var unsaved: AnswerSet?

    init(store: AnswerFileStore, view: InterviewView) {
        self.store = store
        self.view = view
    }

    /// Saves; returns the answers as written when a hand-edited file was read again, else nil.
    func save(_ answers: AnswerSet, change: Answer?) throws -> AnswerSet? {
        lock.lock()
        defer { lock.unlock() }
        do {
            let saved = try trySave(answers, change: change)
            return saved
        } catch let error as OutputError {
            unsaved = answers
            Terminal.printError("\(error.path): warning: could not save: \(error.reason). Your answers are kept and saving "
                + "is tried again at the next change and when the interview ends.")
            return nil
        }
    }

    /// The last save, at the end of the interview, when an earlier one failed.
    ///
    /// - Throws: `ExitStatus.cannotCreate` when the file still cannot be written; the answers are
    ///   then written to a rescue copy in the temporary folder, and its path is printed.
    func finish(_ answers: AnswerSet) throws -> AnswerSet? {
        lock.lock()
        defer { lock.unlock() }
        guard store.hasUnsavedChanges else { return nil }
        do {
            return try trySave(answers, change: nil)
        } catch let error as OutputError {
            Terminal.printError(error.description)
            rescue(answers)
            throw ExitStatus.cannotCreate
        }
    }

    /// Saves, printing the notice of a hand-edited file; a file edited into one that does not load ends the interview.
    private func trySave(_ answers: AnswerSet, change: Answer?) throws -> AnswerSet? {
        do {
            let (saved, notice) = try store.save(answers, change: change)
            unsaved = nil
            guard let notice else { return nil }
            Terminal.write(view.wrap(notice) + "\n")
            return saved
        } catch let error as DiagnosticsError {
            Terminal.printError(error.description, terminator: "")
            Terminal.printError("\(store.path) no longer loads, so it was not overwritten; the interview's answers are in \(store.conflictPath).")
            throw ExitStatus.dataError
        }
    }

    private func rescue(_ answers: AnswerSet) {
        if let copy = store.writeRescueCopy(answers) {
            Terminal.printError("The interview's answers are saved in \(copy) instead; copy that file to \(store.path).")
        } else {
            Terminal.printError("The interview's answers could not be saved anywhere; they were:\n" + AnswerFileWriter.text(answers))
        }
    }

    /// On Ctrl-C: every confirmed answer is already saved, or is saved now; wait for a save in progress, then exit 130.
    func exitOnInterrupt(answersPath: String) {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [self] in
            RawMode.leave()
            lock.lock()
            if let unsaved, store.hasUnsavedChanges, (try? store.save(unsaved, change: nil)) == nil {
                Terminal.write("\nInterrupted. \(answersPath) could not be saved.\n")
                rescue(unsaved)
            } else {
                Terminal.write("\nInterrupted. Every confirmed answer is saved in \(answersPath).\n")
            }
            exit(130)
        }
        source.resume()
        signalSource = source
    }
}
