import Foundation
import Testing
@testable import GapKit

/// Issue 12, findings 13–16 in the library: data that was changed or lost.
@Suite struct DataFindingTests {
    static let mini = try! QuestionnaireLoader().load(file: Fixtures.path("batch/mini.yaml")).questionnaire

    static func note(ofJSON json: String) throws -> String? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.json").path
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        return try AnswerLoader(questionnaire: mini).load(file: path)["Q1"]?.note
    }

    // Finding 14: libyaml refused surrogate-pair escapes, Python's default for an emoji.
    @Test(arguments: [
        (#"smile \ud83d\ude00"#, "smile \u{1F600}"), (#"\uD834\uDD1E clef"#, "\u{1D11E} clef"),
        (#"\u00e9\/\"\\"#, "é/\"\\"), (#"\ud83d\ude00\ud83d\ude00"#, "\u{1F600}\u{1F600}"),
    ])
    func surrogatePairEscapesAreOneCharacter(escaped: String, expected: String) throws {
        let json = #"{"gapkit": 1, "questionnaire": "mini", "answers": {"Q1": {"value": "yes", "note": ""# + escaped + #""}}}"#
        #expect(try Self.note(ofJSON: json) == expected)
    }

    // Finding 15: a raw U+0085 (and U+2028, U+2029) in a JSON string was folded into a space or dropped.
    @Test(arguments: ["\u{85}", "\u{2028}", "\u{2029}", "a\u{85}\u{85}b", "\u{85} "])
    func rawLineBreaksOfYAML11AreKeptInJSONStrings(text: String) throws {
        let json = "{\"gapkit\": 1, \"questionnaire\": \"mini\",\n \"answers\": {\"Q1\": {\"value\": \"yes\", \"note\": \"x\(text)y\"}}}\n"
        #expect(try Self.note(ofJSON: json) == "x\(text)y")
    }

    @Test func aNoteWithU0085SurvivesAJSONSaveAndLoad() throws {
        var set = AnswerSet(questionnaire: "mini")
        set.set(Answer(question: "Q1", value: .option("yes"), note: "a\u{85}b\u{2028}c", evidence: []))
        let json = AnswerFileWriter.json(set)
        #expect(!json.unicodeScalars.contains("\u{85}"))
        #expect(try Self.note(ofJSON: json) == "a\u{85}b\u{2028}c")
        #expect(AnswerFileWriter.json(try AnswerLoader(questionnaire: Self.mini).load(json, path: "a.json")) == json)
    }

    @Test func aLoneSurrogateIsStillAnErrorAtItsLine() throws {
        let json = "{\"gapkit\": 1, \"questionnaire\": \"mini\",\n \"answers\": {\"Q1\": {\"value\": \"yes\", \"note\": \"\\ud83d x\"}}}\n"
        #expect(throws: DiagnosticsError.self) { try Self.note(ofJSON: json) }
        do { _ = try Self.note(ofJSON: json) } catch let error as DiagnosticsError {
            #expect(error.diagnostics.first?.position?.line == 2)
        }
    }

    @Test func jsonLinesKeepEveryCodePointToo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jsonl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.jsonl").path
        try Data(("{\"id\": \"\\ud83d\\ude00\u{85}\", \"Q1\": \"yes\"}\n").utf8).write(to: URL(fileURLWithPath: path))
        let respondents = try StagedFile(path: folder.appendingPathComponent("respondents.csv").path)
        let runner = try BatchRunner(questionnaire: Self.mini, options: BatchOptions(), respondents: respondents, rejects: nil)
        try runner.read(path)
        _ = try runner.finish()
        let text = try String(contentsOfFile: folder.appendingPathComponent("respondents.csv").path, encoding: .utf8)
        #expect(text.contains("\u{1F600}\u{85}"))
    }

    // Finding 13: an output that is a device was written to, then replaced by a file.
    @Test(arguments: ["/dev/null", "/dev/full"])
    func anOutputThatIsADeviceIsRefused(path: String) {
        #expect(throws: OutputError.self) { try StagedFile(path: path) }
        #expect(throws: OutputError.self) { try AtomicFile.write([UInt8]("x".utf8), to: path) }
    }

    @Test func anOutputThatIsAFIFOIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("rejects.csv").path
        #expect(mkfifo(path, 0o644) == 0)
        do {
            _ = try StagedFile(path: path)
            Issue.record("a FIFO was accepted as an output")
        } catch {
            #expect(error.description == "\(path): error: cannot write the file: it is a FIFO (named pipe), not a regular file; outputs are regular files")
        }
    }

    // Finding 16: batch's files were renamed one by one; a failure midway left old and new mixed.
    @Test func anOutputSetIsRenamedTogetherOrNotAtAll() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("set-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let old = { (name: String) in folder.appendingPathComponent(name).path }
        for name in ["a.csv", "b.json"] { try Data("old \(name)".utf8).write(to: URL(fileURLWithPath: old(name))) }
        try FileManager.default.createDirectory(atPath: old("c.html"), withIntermediateDirectories: true)  // makes the set fail
        let streamed = try StagedFile(path: old("a.csv"))
        try streamed.write("new a.csv")
        #expect(throws: OutputError.self) {
            try AtomicFile.write([(old("b.json"), Array("new b.json".utf8)), (old("c.html"), Array("new".utf8))], with: [streamed])
        }
        #expect(try String(contentsOfFile: old("a.csv"), encoding: .utf8) == "old a.csv")
        #expect(try String(contentsOfFile: old("b.json"), encoding: .utf8) == "old b.json")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["a.csv", "b.json", "c.html"])

        let again = try StagedFile(path: old("a.csv"))
        try again.write("new a.csv")
        try AtomicFile.write([(old("b.json"), Array("new b.json".utf8))], with: [again])
        #expect(try String(contentsOfFile: old("a.csv"), encoding: .utf8) == "new a.csv")
        #expect(try String(contentsOfFile: old("b.json"), encoding: .utf8) == "new b.json")
    }

    // Finding 12: an output that is an input, by any name.
    @Test func anOutputIsComparedWithTheInputsAfterLinks() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("overlap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("s.csv").path
        try Data("id,Q1\n".utf8).write(to: URL(fileURLWithPath: input))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.csv").path, withDestinationPath: input)
        try FileManager.default.linkItem(atPath: input, toPath: folder.appendingPathComponent("hard.csv").path)
        for output in ["s.csv", "link.csv", "hard.csv", "./s.csv"].map({ folder.appendingPathComponent($0).path }) {
            #expect(throws: OutputError.self) { try OutputOverlap.check(outputs: [output], inputs: [input]) }
        }
        #expect(throws: OutputError.self) {
            try OutputOverlap.check(outputs: [folder.appendingPathComponent("batch.json").path], inputs: [folder.path])
        }
        try OutputOverlap.check(outputs: [folder.appendingPathComponent("rejects.csv").path], inputs: [input])
    }
}
