import Foundation
import Testing

/// Several answer files of one assessment: `merge`, and `score`/`plan`/`assess` given them all.
@Suite struct MergeCommandTests {
    static let questionnaire = AskCommandTests.questionnaire

    /// Li Wei (IT service manager) on 20 November and Wang Fang (service desk lead) on 21 November,
    /// as in docs/ANSWERS.md: they agree on Q-4.1-1 and Q-4.1-2, differ on Q-4.2-1.
    static let liWei = """
        gapkit: 1
        questionnaire: iso20000-1-2018
        date: 2026-11-20
        interviewees:
          - {name: Li Wei, role: IT service manager}
        answers:
          Q-4.1-1: "yes"
          Q-4.1-2: {value: partial, note: "Climate discussed, not recorded", evidence: [Minutes 2026-10]}
          Q-4.2-1: "no"

        """
    static let wangFang = """
        gapkit: 1
        questionnaire: iso20000-1-2018
        date: 2026-11-21
        interviewees:
          - {name: Wang Fang, role: Service desk lead}
        answers:
          Q-4.1-1: "yes"
          Q-4.1-2: {value: partial, note: "No record kept", evidence: [Minutes 2026-10, Risk log]}
          Q-4.2-1: partial
          Q-4.2-2: {value: "yes", by: Zhao Min}

        """

    static func files() throws -> (URL, String, String) {
        let folder = try AskCommandTests.folder()
        let a = folder.appendingPathComponent("li-wei.yaml").path, b = folder.appendingPathComponent("wang-fang.yaml").path
        try liWei.write(toFile: a, atomically: true, encoding: .utf8)
        try wangFang.write(toFile: b, atomically: true, encoding: .utf8)
        return (folder, a, b)
    }

    @Test(arguments: ["score", "plan"])
    func aConflictIsReportedAtEveryFileAndLineWithStatus65(command: String) throws {
        let (folder, a, b) = try Self.files()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try GapKitBinary.run([command, Self.questionnaire, a, b])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == """
            \(a):9:3: error: conflicting answers to Q-4.2-1: 'no' here (Li Wei), 'partial' at \(b):9:3 (Wang Fang); settle it in the files, or pass --prefer worst|latest
            \(b):9:3: error: conflicting answers to Q-4.2-1: 'partial' here (Wang Fang), 'no' at \(a):9:3 (Li Wei); settle it in the files, or pass --prefer worst|latest
            1 question is answered differently in the answer files.

            """)
    }

    @Test(arguments: [("worst", "no"), ("latest", "partial")])
    func aPreferenceSettlesTheConflictAndSaysHow(preference: String, kept: String) throws {
        let (folder, a, b) = try Self.files()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try GapKitBinary.run(["score", Self.questionnaire, a, b, "--prefer", preference, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "warning: different answers to Q-4.2-1: 'no' (\(a):9:3, Li Wei), 'partial' (\(b):9:3, Wang Fang); --prefer \(preference) kept '\(kept)'\n")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let questions = try #require(json["questions"] as? [[String: Any]])
        #expect(questions.first { $0["id"] as? String == "Q-4.2-1" }?["value"] as? String == kept)
    }

    @Test func mergedFileKeepsNotesEvidenceAndInterviewewsAndReloadsToTheSameAssessment() throws {
        let (folder, a, b) = try Self.files()
        defer { try? FileManager.default.removeItem(at: folder) }
        let merged = folder.appendingPathComponent("merged.yaml").path
        let result = try GapKitBinary.run(["merge", Self.questionnaire, a, b, "--out", merged, "--prefer", "worst"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "\(merged): 4 answers from 2 files\n")
        let text = try String(contentsOfFile: merged, encoding: .utf8)
        #expect(text.contains("""
            interviewees:
              - {name: "Li Wei", role: "IT service manager"}
              - {name: "Wang Fang", role: "Service desk lead"}
              - {name: "Zhao Min"}
            answers:
              "Q-4.1-1":
                value: "yes"
                by: ["Li Wei", "Wang Fang"]
                on: 2026-11-21
              "Q-4.1-2":
                value: "partial"
                note: "Li Wei: Climate discussed, not recorded; Wang Fang: No record kept"
                evidence:
                  - "Minutes 2026-10"
                  - "Risk log"
                by: ["Li Wei", "Wang Fang"]
                on: 2026-11-21
              "Q-4.2-1":
                value: "no"
                by: "Li Wei"
                on: 2026-11-20

            """))
        let direct = try GapKitBinary.run(["score", Self.questionnaire, a, b, "--prefer", "worst", "--format", "json"])
        let reloaded = try GapKitBinary.run(["score", Self.questionnaire, merged, "--format", "json"])
        #expect(reloaded.status == 0 && direct.status == 0)
        #expect(reloaded.stdout == direct.stdout, "the merged file is the same assessment")
    }

    @Test func unsettledConflictsAreLeftInTheMergedFileToSettleByHand() throws {
        let (folder, a, b) = try Self.files()
        defer { try? FileManager.default.removeItem(at: folder) }
        let merged = folder.appendingPathComponent("merged.json").path
        let result = try GapKitBinary.run(["merge", Self.questionnaire, a, b, "--out", merged])
        #expect(result.status == 65)
        #expect(result.stderr.hasSuffix("\(merged): 1 conflict left to settle by hand: keep one answer as 'value' and delete 'conflict'.\n"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: merged))) as? [String: Any])
        let answer = try #require((json["answers"] as? [String: Any])?["Q-4.2-1"] as? [String: Any])
        let conflict = try #require(answer["conflict"] as? [[String: Any]])
        #expect(conflict.map { $0["value"] as? String } == ["no", "partial"])
        #expect(conflict.map { $0["from"] as? String } == ["\(a):9:3", "\(b):9:3"])
        let score = try GapKitBinary.run(["score", Self.questionnaire, merged])
        #expect(score.status == 65 && score.stderr.contains("holds an unsettled conflict (left by gapkit merge)"))
        // The merged file is never one of its inputs.
        let over = try GapKitBinary.run(["merge", Self.questionnaire, a, b, "--out", a])
        let kept = try String(contentsOfFile: a, encoding: .utf8)
        #expect(over.status == 64 && kept == Self.liWei)
    }

    @Test func theSameAnswerTwiceIsOneAnswerAndAssessTakesSeveralFiles() throws {
        let (folder, a, _) = try Self.files()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("again.yaml").path
        try Self.liWei.replacingOccurrences(of: "Li Wei", with: "Chen Jie").write(toFile: copy, atomically: true, encoding: .utf8)
        let result = try GapKitBinary.run(["assess", Self.questionnaire, a, copy, "--out", folder.appendingPathComponent("report").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
    }
}
