import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `gapkit batch` as an analyst runs it.
@Suite struct BatchCommandTests {
    static let questionnaire = Paths.inRepository("questionnaires/iso20000-1-2018.yaml")

    @Test func writesEveryOutputListsRejectsAndStrictTurnsThemIntoExit65() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("survey.csv").path
        try "Respondent ID;Site;[Q-4.1-1] Issues?;[Q-4.1-2] Climate?;Notes\nr1;Guangzhou;yes;partial;ok\nr2;Shenzhen;no;perhaps;\nr3;Shenzhen;Yes – fully in place, with evidence;no;\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out").path
        let result = try GapKitBinary.run(["batch", Self.questionnaire, csv, "--group-by", "Site", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted()
            == ["batch.html", "batch.json", "by_group.csv", "groups.csv", "rejects.csv", "respondents.csv"])
        #expect(result.stderr.contains("batch: 3 respondents, 1 rejected cells, 0 repeated ids"))
        #expect(result.stderr.contains("columns that match no question (ignored): 'Notes'"))
        #expect(result.stderr.contains("rejected: 1 × Q-4.1-2: not an answer (expected yes, partial, no) (first in \(csv) row 3)"))
        let json = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/batch.json"))) as? [String: Any])
        let groups = try #require(json["groups"] as? [[String: Any]])
        #expect(groups.map { ($0["key"] as? [String: String])?["Site"] } == ["Guangzhou", "Shenzhen"])
        let overall = try #require(json["overall"] as? [String: Any])
        #expect(Set(overall.keys).isSuperset(of: ["key", "respondents", "overall", "areas", "clauses", "questions"]))

        let strict = try GapKitBinary.run(["batch", Self.questionnaire, csv, "--strict"])
        #expect(strict.status == 65)
        #expect(strict.stdout.contains("\"respondents\": 3"), "the results are still written")

        let missing = try GapKitBinary.run(["batch", Self.questionnaire, csv, "--group-by", "Sites"])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("no column 'Sites' to group by; did you mean 'Site'?"))
        let usage = try GapKitBinary.run(["batch", Self.questionnaire, csv, "--aggregate", "mode"])
        #expect(usage.status == 64)
    }

    /// A new folder holding `files` (name → text); the caller removes it.
    static func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    @Test func anExportWithoutAHeaderOrWithABrokenQuoteExits65AndAHeaderAloneWarns() throws {
        let folder = try Self.folder([
            "empty.csv": "", "head.csv": "Respondent ID,Q-4.1-1\r\n", "quote.csv": "Respondent ID,Q-4.1-1\r\nr1,\"yes\r\nr2,no\r\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = try GapKitBinary.run(["batch", Self.questionnaire, "empty.csv"], in: folder)
        #expect(empty.status == 65)
        #expect(empty.stderr == "empty.csv: error: the file is empty; expected a header row, then one row per respondent\n")
        let quote = try GapKitBinary.run(["batch", Self.questionnaire, "quote.csv"], in: folder)
        #expect(quote.status == 65)
        #expect(quote.stderr == "quote.csv: error: row 2, column 2 ('Q-4.1-1'): a quoted cell is not closed before the end of the file; "
            + "look for a stray '\"' there (a quote inside a cell is written '\"\"')\n")
        let head = try GapKitBinary.run(["batch", Self.questionnaire, "head.csv"], in: folder)
        #expect(head.status == 0)
        #expect(head.stderr.hasPrefix("head.csv: warning: no respondents: it holds a header row but no rows\n"), "\(head.stderr)")
    }

    @Test func rejectsGoToTheRejectsFileWithoutOutAndAWholeLineRejectReadsWell() throws {
        let folder = try Self.folder(["r.jsonl": "{\"Respondent ID\": \"a\", \"Q-4.1-1\": \"yes\"}\nnot json\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try GapKitBinary.run(["batch", Self.questionnaire, "r.jsonl", "--rejects", "rejects.csv"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"respondents\": 1"))
        #expect(result.stderr.contains("\nrejected: 1 × not a JSON object; the whole line is skipped (first in r.jsonl row 2)\n"), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("every rejected cell is listed in rejects.csv\n"))
        let rejects = try Data(contentsOf: folder.appendingPathComponent("rejects.csv"))
        #expect(rejects.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(String(decoding: rejects.dropFirst(3), as: UTF8.self) == "file,row,column,value,reason\r\nr.jsonl,2,,not json,\"not a JSON object; the whole line is skipped\"\r\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["r.jsonl", "rejects.csv"])

        let bare = try GapKitBinary.run(["batch", Self.questionnaire, "r.jsonl"], in: folder)
        #expect(bare.stderr.hasSuffix("to list every rejected cell, add --rejects FILE or --out DIR\n"))
    }

    @Test func ctrlCRemovesTheFilesBeingWritten() throws {
        let folder = try Self.folder([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        // A named pipe as the export: the run waits in the middle of it until the test interrupts it.
        let fifo = folder.appendingPathComponent("live.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let process = Process()
        process.executableURL = GapKitBinary.url
        process.arguments = ["batch", Self.questionnaire, fifo, "--delimiter", ",", "--out", folder.appendingPathComponent("out").path]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // The export is opened after the outputs are staged and the signal handlers are in place.
        var writer: Int32 = -1
        for _ in 0..<200 where writer < 0 {
            writer = open(fifo, O_WRONLY | O_NONBLOCK)
            if writer < 0 { usleep(50_000) }
        }
        try #require(writer >= 0, "gapkit opened the export")
        defer { close(writer) }
        let rows = "Respondent ID,Q-4.1-1\nr1,maybe\n"
        _ = rows.withCString { write(writer, $0, strlen($0)) }
        let staged = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)
        #expect(staged.contains { $0.hasPrefix(".rejects.csv.tmp-") }, "\(staged)")
        usleep(200_000)
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path) == [])
    }
}
