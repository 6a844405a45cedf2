import Foundation
import Testing
@testable import GapKit

/// Issue 12, findings 5–11: work that grew faster than the input. Each test doubles the input and
/// checks that the time at most roughly doubles (a quadratic path takes four times as long);
/// each size is timed three times and the fastest run counts, so a busy machine does not fail it.
@Suite(.serialized) struct LinearTimeTests {
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    /// Times `run(n)` and `run(2n)`; twice the input may take at most 3.5 times as long (plus 50 ms of noise).
    static func expectLinear(_ n: Int, _ what: String, _ run: (Int) throws -> Void) throws {
        let single = try seconds { try run(n) }, double = try seconds { try run(2 * n) }
        #expect(double <= 3.5 * single + 0.05, "\(what): \(n) took \(single) s, \(2 * n) took \(double) s")
    }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("linear-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static let mini = try! QuestionnaireLoader().load(file: Fixtures.path("batch/mini.yaml")).questionnaire

    // Finding 5: the template parser's work grows with size × tags; templates are checked first,
    // in one pass, and what it gets is bounded.
    @Test func templatesAreCheckedInLinearTime() throws {
        try Self.expectLinear(4_000, "TemplateCheck") { n in
            _ = TemplateCheck(String(repeating: "{{#a}}{{b}}{{/a}}\n", count: n))
        }
    }

    @Test func aTemplateOf464KBIsRefusedAtOnce() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(String(repeating: "{{lang}} x\n", count: 42_200).utf8).write(to: folder.appendingPathComponent("report.md.mustache"))
        let time = Self.seconds {
            #expect(throws: DiagnosticsError.self) { try ReportTemplates.load(directory: folder.path) }
        }
        #expect(time < 1)
    }

    // Finding 6: one long rejected cell (400,000 characters took 3.6 s).
    @Test func normalisingACellIsLinear() throws {
        try Self.expectLinear(600_000, "CellMatcher.normalize") { n in
            #expect(CellMatcher.normalize(String(repeating: "Xé ", count: n / 3)).unicodeScalars.count == 2 * (n / 3))
        }
    }

    @Test func aLongRejectedCellIsReadInLinearTime() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.expectLinear(200_000, "batch with one long cell") { n in
            let path = folder.appendingPathComponent("long-\(n).csv").path
            try Data(("id,Q1\nr1," + String(repeating: "x", count: n) + "\n").utf8).write(to: URL(fileURLWithPath: path))
            let runner = try BatchRunner(questionnaire: Self.mini, options: BatchOptions(), respondents: nil, rejects: nil)
            try runner.read(path)
            #expect(runner.rejectedCells == 1)
        }
    }

    // Finding 7: many columns (100,000 columns took over 20 s).
    @Test func manyColumnsAreReadInLinearTime() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.expectLinear(20_000, "batch with many columns") { n in
            let path = folder.appendingPathComponent("wide-\(n).csv").path
            let header = "id,Q1," + (0..<n).map { "c\($0)" }.joined(separator: ",")
            try Data((header + "\nr1,yes" + String(repeating: ",v", count: n) + "\n").utf8).write(to: URL(fileURLWithPath: path))
            let runner = try BatchRunner(questionnaire: Self.mini, options: BatchOptions(), respondents: nil, rejects: nil)
            try runner.read(path)
            #expect(runner.unmatchedColumns.count == n)
        }
    }

    // Finding 9: a FIFO named like an answer file blocked the folder reader for ever.
    @Test(.timeLimit(.minutes(1))) func aFIFOInAnAnswerFolderIsRejectedWithoutWaiting() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(mkfifo(folder.appendingPathComponent("a.yaml").path, 0o644) == 0)
        try Data("gapkit: 1\nquestionnaire: mini\nanswers: {Q1: \"yes\"}\n".utf8).write(to: folder.appendingPathComponent("b.yaml"))
        let runner = try BatchRunner(questionnaire: Self.mini, options: BatchOptions(), respondents: nil, rejects: nil)
        try runner.read(folder.path, as: "answers")
        #expect(runner.respondents == 1)
        #expect(runner.rejectsByReason.keys.sorted()
                == ["\u{1F}cannot read the file: it is a FIFO (named pipe), not a regular file; the file is skipped"])
    }

    @Test(.timeLimit(.minutes(1))) func aFIFOGivenAsAQuestionnaireIsRefused() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("q.yaml").path
        #expect(mkfifo(path, 0o644) == 0)
        #expect(throws: InputError.self) { try QuestionnaireLoader().load(file: path) }
    }

    // Finding 10: "did you mean" for 100 unknown ids of 20,000 characters took over 20 s.
    @Test func suggestionsForLongUnknownIdsAreLinear() throws {
        let ids = Self.mini.allQuestions.map(\.id)
        try Self.expectLinear(20_000, "Suggestion.closest") { n in
            for i in 0..<100 { _ = Suggestion.closest(to: String(repeating: "Q", count: n) + "\(i)", in: ids) }
        }
    }

    @Test func unknownIdsInAnAnswerFileAreReportedInLinearTime() throws {
        try Self.expectLinear(2_000, "unknown answer ids") { n in
            let answers = (0..<n).map { "  Q\($0)x: \"yes\"\n" }.joined()
            #expect(throws: DiagnosticsError.self) {
                try AnswerLoader(questionnaire: Self.mini).load("gapkit: 1\nquestionnaire: mini\nanswers:\n" + answers, path: "a.yaml")
            }
        }
    }

    @Test func theFirstHundredUnknownNamesGetHints() throws {
        // Q1a … Q4z: each one letter from a question id.
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let answers = (0..<101).map { "  Q\($0 / 26 + 1)\(letters[$0 % 26]): \"yes\"\n" }.joined()
        do {
            _ = try AnswerLoader(questionnaire: Self.mini).load("gapkit: 1\nquestionnaire: mini\nanswers:\n" + answers, path: "a.yaml")
            Issue.record("unknown ids were accepted")
        } catch let error as DiagnosticsError {
            let hinted = error.diagnostics.filter { $0.message.contains("did you mean") }.count
            #expect(error.diagnostics.count == 101)
            #expect(hinted == 100)
        }
    }

    @Test(arguments: [("contorl", ["control", "context"], "control"), ("Q-8.5.1.1-l", ["Q-8.5.1.1-1", "Q-8.5.1.2-1"], "Q-8.5.1.1-1"),
                      ("abcdef", ["uvwxyz"], nil), ("ab", ["ba"], "ba")])
    func theBandedDistanceFindsTheSameTypos(word: String, candidates: [String], expected: String?) {
        #expect(Suggestion.closest(to: word, in: candidates) == expected)
    }

    @Test func theBandedDistanceIsTheFullDistance() {
        var generator = SeededGenerator(seed: 12)
        let letters = Array("abcab")
        for _ in 0..<500 {
            let a = String((0..<Int.random(in: 0...8, using: &generator)).map { _ in letters.randomElement(using: &generator)! })
            let b = String((0..<Int.random(in: 0...8, using: &generator)).map { _ in letters.randomElement(using: &generator)! })
            let full = Suggestion.editDistance(a, b)
            for limit in 0...8 {
                let banded = Suggestion.editDistance(Array(a), Array(b), limit: limit)
                #expect(banded == (full <= limit ? full : nil), "\(a) \(b) limit \(limit)")
            }
        }
    }

    // Finding 11: a column of unique values made one group per row, 400 KB each.
    @Test func groupsCostLinearTimeUpToTheBound() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = BatchOptions()
        options.groupBy = ["Dept"]
        try Self.expectLinear(250, "groups") { n in
            let path = folder.appendingPathComponent("groups-\(n).csv").path
            try Data(("id,Dept,Q1\n" + (0..<n).map { "r\($0),d\($0),yes\n" }.joined()).utf8).write(to: URL(fileURLWithPath: path))
            let runner = try BatchRunner(questionnaire: Self.mini, options: options, respondents: nil, rejects: nil)
            try runner.read(path)
            #expect(try runner.finish().groups.count == n)
        }
    }
}
