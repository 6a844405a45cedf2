import Foundation
import Testing
@testable import GapKit

@Suite struct AnswerFileTests {
    static let questionnaire = InterviewSessionTests.questionnaire

    @Test(arguments: 1...20 as ClosedRange<UInt64>)
    func writtenAnswerFilesReadBackToTheSameAnswers(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let texts = ["no", "3", "na", "yes: sir", "# not a comment", "- dash", "quote \" and \\ back", "line\nbreak\ttab",
                     "变更管理方针 v0.3", "  spaces  ", "", "{flow: map}", "'single'", "emoji 🙂", "\u{7}bell"]
        var set = AnswerSet(questionnaire: "mini", respondent: .init(name: texts.randomElement(using: &random), role: "IT: manager"),
                            consultant: texts.randomElement(using: &random), date: CalendarDate("2026-11-20"))
        for question in Self.questionnaire.allQuestions where Bool.random(using: &random) {
            let options = Self.questionnaire.scale(question.scale)!.options
            set.set(Answer(question: question.id,
                           value: Bool.random(using: &random) ? .option(options.randomElement(using: &random)!.value) : nil,
                           note: Bool.random(using: &random) ? texts.randomElement(using: &random) : nil,
                           evidence: (0..<Int.random(in: 0...2, using: &random)).map { _ in texts.randomElement(using: &random)! },
                           interviewees: (0..<Int.random(in: 0...2, using: &random)).map { _ in texts.randomElement(using: &random)! },
                           on: Bool.random(using: &random) ? CalendarDate("2026-11-2\(Int.random(in: 1...9, using: &random))") : nil))
        }
        set.interviewees = [.init(name: "Li Wei", role: texts.randomElement(using: &random)), .init(name: "王芳")]
        let text = AnswerFileWriter.text(set)
        let read = try AnswerLoader(questionnaire: Self.questionnaire).load(text, path: "a.yaml")
        #expect(read.answers.filter { $0.value != nil || $0.note != nil || !$0.evidence.isEmpty }
            == set.answers.filter { $0.value != nil || $0.note != nil || !$0.evidence.isEmpty })
        #expect(read.respondent == set.respondent && read.consultant == set.consultant && read.date == set.date)
        #expect(read.interviewees == set.interviewees)
        let json = try AnswerLoader(questionnaire: Self.questionnaire).load(AnswerFileWriter.json(set), path: "a.json")
        #expect(json.answers == read.answers && json.interviewees == set.interviewees)
    }

    @Test(arguments: [
        (Answer(question: "Q1", value: .option("yes"), note: "Policy\u{1B}[D drafted"), "the note of Q1 holds the control character U+1B"),
        (Answer(question: "Q1", value: nil, evidence: ["ok", "bell\u{7}"]), "the evidence of Q1 holds the control character U+7"),
        (Answer(question: "Q1", value: nil, interviewees: ["Li\u{9B}Wei"]), "the by of Q1 holds the control character U+9B"),
    ])
    func theStoreNeverSavesAControlCharacter(answer: Answer, reason: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = AnswerFileStore(path: folder.appendingPathComponent("a.yaml").path, questionnaire: Self.questionnaire)
        let error = #expect(throws: OutputError.self) { try store.save(AnswerSet(questionnaire: "mini", answers: [answer]), change: answer) }
        #expect(error?.reason == reason + ", which is never saved")
        #expect(!FileManager.default.fileExists(atPath: store.path))
        #expect(try store.save(AnswerSet(questionnaire: "mini", answers: [Answer(question: "Q1", value: nil, note: "two\nlines\tand a tab")]), change: nil).notice == nil,
                "line breaks and tabs of a hand-written note are text")
    }

    @Test func aFileEditedByHandIsReadAgainAndOnlyTheNewChangeIsAppliedOnTop() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("answers.yaml").path
        let store = AnswerFileStore(path: path, questionnaire: Self.questionnaire)
        var (set, resumed) = try store.open(fresh: AnswerSet(questionnaire: "mini"))
        #expect(!resumed)
        set.set(Answer(question: "Q1", value: .option("yes")))
        #expect(try store.save(set, change: set["Q1"]).notice == nil)

        // Someone fixes Q1 and adds a note on Q3 by hand while the interview goes on.
        try "gapkit: 1\nquestionnaire: mini\nanswers:\n  Q1: \"no\"\n  Q3: {note: \"ask the CIO\"}\n".write(toFile: path, atomically: true, encoding: .utf8)
        set.set(Answer(question: "Q2", value: .option("3")))
        let (saved, notice) = try store.save(set, change: set["Q2"])
        #expect(notice == "\(path) was changed outside gapkit; read it again (3 answers) and kept your last change.")
        #expect(saved["Q1"]?.value == .option("no") && saved["Q3"]?.note == "ask the CIO" && saved["Q2"]?.value == .option("3"))
        #expect(try AnswerLoader(questionnaire: Self.questionnaire).load(file: path).answers == saved.answers)

        // An edit that breaks the file is not overwritten: the interview's answers go beside it.
        try "gapkit: 1\nquestionnaire: mini\nanswers:\n  Q1: perhaps\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: DiagnosticsError.self) { try store.save(saved, change: nil) }
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("perhaps"))
        #expect(try AnswerLoader(questionnaire: Self.questionnaire).load(file: store.conflictPath).answers == saved.answers)
    }
}

extension AnswerFileTests {
    @Test func changesOfAFailedSaveStayPendingAndGoOnTopOfAHandEditAtTheNextSave() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("answers.yaml").path
        let store = AnswerFileStore(path: path, questionnaire: Self.questionnaire)
        var (set, _) = try store.open(fresh: AnswerSet(questionnaire: "mini"))
        try store.checkWritable()
        _ = try store.save(set, change: nil)

        try FileManager.default.removeItem(at: folder)  // the folder is gone: the save fails
        set.set(Answer(question: "Q1", value: .option("yes")))
        #expect(throws: OutputError.self) { try store.save(set, change: set["Q1"]) }
        #expect(store.hasUnsavedChanges)
        #expect(throws: OutputError.self) { try store.checkWritable() }

        // The folder is back, with a hand-edited file; the next save keeps the hand edit and both changes.
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "gapkit: 1\nquestionnaire: mini\nanswers:\n  Q3: \"no\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        set.set(Answer(question: "Q2", value: .option("3")))
        let (saved, notice) = try store.save(set, change: set["Q2"])
        #expect(notice == "\(path) was changed outside gapkit; read it again (3 answers) and kept your 2 unsaved changes.")
        #expect(saved["Q1"]?.value == .option("yes") && saved["Q2"]?.value == .option("3") && saved["Q3"]?.value == .option("no"))
        #expect(!store.hasUnsavedChanges)
    }

    @Test func resumingAFileWithInvalidUTF8ReportsTheByteInsteadOfRepairingIt() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).yaml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = Array("gapkit: 1\nquestionnaire: mini\nanswers:\n  Q1: {value: \"yes\", note: \"caf".utf8) + [0xE9] + Array("\"}\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do {
            _ = try AnswerFileStore(path: path, questionnaire: Self.questionnaire).open(fresh: AnswerSet(questionnaire: "mini"))
            Issue.record("a file with invalid UTF-8 was loaded")
        } catch {
            #expect("\(error)".hasPrefix("\(path):4:32: error: invalid UTF-8"))
        }
    }
}
