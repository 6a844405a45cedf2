import Foundation
import Testing

/// Issue 12, findings 12 and 13, as a user meets them: an output that is an input, or a device.
@Suite struct OutputSafetyCommandTests {
    static let mini = Paths.inRepository("Tests/GapKitTests/Fixtures/batch/mini.yaml")

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outputs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(arguments: [
        (["s.csv", "--rejects", "s.csv"], "s.csv", "s.csv: error: cannot write the file: it is also an input, which it would replace"),
        (["out/respondents.csv", "--out", "out"], "out/respondents.csv",
         "out/respondents.csv: error: cannot write the file: it is the input out/respondents.csv, which it would replace"),
        (["link.csv", "--rejects", "s.csv"], "s.csv", "s.csv: error: cannot write the file: it is the input link.csv, which it would replace"),
    ])
    func batchNeverWritesOverItsInput(arguments: [String], input: String, message: String) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = "id,Q1\nr1,yes\nr2,maybe\n"
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("out"), withIntermediateDirectories: true)
        for name in ["s.csv", "out/respondents.csv"] { try Data(export.utf8).write(to: folder.appendingPathComponent(name)) }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.csv").path, withDestinationPath: "s.csv")
        let result = try GapKitBinary.run(["batch", Self.mini] + arguments, in: folder)
        #expect(result.status == 73)
        #expect(result.stderr.hasSuffix(message + "\n"), "\(result.stderr)")
        #expect(try String(contentsOf: folder.appendingPathComponent(input), encoding: .utf8) == export)
    }

    @Test func assessNeverWritesOverItsAnswers() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("out"), withIntermediateDirectories: true)
        let answers = try String(contentsOfFile: Paths.inRepository("examples/acme-answers.yaml"), encoding: .utf8)
        try Data(answers.utf8).write(to: folder.appendingPathComponent("out/report.json"))
        let result = try GapKitBinary.run(["assess", Paths.inRepository("questionnaires/iso20000-1-2018.yaml"), "out/report.json", "--out", "out"],
                                          in: folder)
        #expect(result.status == 73)
        #expect(result.stderr.contains("cannot write the file: it is the input out/report.json, which it would replace"))
        #expect(try String(contentsOf: folder.appendingPathComponent("out/report.json"), encoding: .utf8) == answers)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path) == ["report.json"])
    }

    @Test func rejectsToADeviceAreRefused() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("id,Q1\nr1,maybe\n".utf8).write(to: folder.appendingPathComponent("s.csv"))
        let result = try GapKitBinary.run(["batch", Self.mini, "s.csv", "--rejects", "/dev/full"], in: folder)
        #expect(result.status == 73)
        #expect(result.stderr == "/dev/full: error: cannot write the file: it is a device, not a regular file; outputs are regular files\n")
    }
}
