import Foundation
import Testing

/// `gapkit guide`: the printable interview guide, from clause ids or from the engagement's schedule.
@Suite struct GuideCommandTests {
    static let questionnaire = AskCommandTests.questionnaire
    static let engagement = Paths.inRepository("examples/acme-engagement.yaml")

    @Test func theScheduleOfOneIntervieweeChoosesTheClausesAndFillsInTheHeader() throws {
        let folder = try AskCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("guo-fei.md").path
        let result = try GapKitBinary.run(["guide", Self.questionnaire, "--engagement", Self.engagement, "--interviewee", "change manager", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("| Interviewee | Guo Fei |\n| Role | Change manager |\n| Date | 2026-11-17 |"))
        #expect(text.contains("## 8.5.1.1 Change management policy") && text.contains("## 8.5.3 Release and deployment management"))
        #expect(!text.contains("## 8.6"))
        let again = folder.appendingPathComponent("again.md").path
        _ = try GapKitBinary.run(["guide", Self.questionnaire, "--engagement", Self.engagement, "--interviewee", "Guo Fei", "--out", again])
        #expect(try String(contentsOfFile: again, encoding: .utf8) == text, "by name or by role, the same guide, byte for byte")
    }

    @Test(arguments: [
        (["--clauses", "8.55"], 64, "--clauses 8.55: no such clause; did you mean 8.5?"),
        (["--interviewee", "Nobody"], 64, "--interviewee needs --engagement"),
        (["--clauses", "8.5", "--lang", "fr"], 64, "--lang fr: the questionnaire has texts in en, zh-Hans"),
    ] as [([String], Int32, String)])
    func badArgumentsAreRefused(arguments: [String], status: Int32, message: String) throws {
        let folder = try AskCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try GapKitBinary.run(["guide", Self.questionnaire, "--out", folder.appendingPathComponent("g.html").path] + arguments)
        #expect(result.status == status)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}
