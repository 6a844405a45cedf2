import Foundation
import Testing
@testable import GapKit

/// The inputs that crashed, hung or changed data (issue 12), kept under Fixtures/fuzz/TARGET/ as
/// scripts/fuzz.sh's seeds and checked here: each is refused with a diagnostic or read intact.
@Suite struct FuzzFixtureTests {
    static func files(_ target: String) -> [String] {
        let folder = Fixtures.path("fuzz/\(target)")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().map { folder + "/" + $0 }
    }

    static let mini = try! QuestionnaireLoader().load(file: Fixtures.path("batch/mini.yaml")).questionnaire

    @Test func everyTargetHasFixtures() {
        for target in ["questionnaire", "template", "answers", "csv"] { #expect(!Self.files(target).isEmpty, "\(target)") }
    }

    @Test(arguments: files("questionnaire"))
    func questionnairesThatCrashedAreRefused(path: String) {
        #expect(throws: DiagnosticsError.self) { try QuestionnaireLoader().load(file: path) }
    }

    @Test(arguments: files("template"))
    func templatesThatCrashedAreRefused(path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(throws: DiagnosticsError.self) { try ReportTemplates.parse(text, name: path, partial: "style") }
    }

    @Test(arguments: files("answers"))
    func jsonThatLostCharactersIsReadIntact(path: String) throws {
        let note = try AnswerLoader(questionnaire: Self.mini).load(file: path)["Q1"]?.note
        #expect(note == "\u{1F600}" || note == "a\u{85}b")
    }

    @Test(arguments: files("csv"))
    func csvThatTookQuadraticTimeIsRejectedCellByCell(path: String) throws {
        let runner = try BatchRunner(questionnaire: Self.mini, options: BatchOptions(), respondents: nil, rejects: nil)
        try runner.read(path)
        #expect(runner.rejectedCells == 1)
        #expect(runner.respondents == 1)
    }
}
