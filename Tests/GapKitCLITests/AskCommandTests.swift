import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `gapkit ask`, driven as a person or a script would drive it.
@Suite(.serialized) struct AskCommandTests {
    static let questionnaire = Paths.inRepository("questionnaires/iso20000-1-2018.yaml")

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ask-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The answers section of the file, one `id: value` line per answer (long forms flattened).
    static func answers(_ path: String) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let body = try #require(text.components(separatedBy: "answers:\n").last)
        return body.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test func aPipedInterviewSavesAfterEveryStepAndResumes() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("acme.yaml").path
        func ask(_ input: String, status: Int32 = 0) throws -> GapKitBinary.Result {
            let result = try GapKitBinary.run(["ask", Self.questionnaire, "--answers", file, "--date", "2026-11-20",
                                               "--respondent", "Li Wei"], stdin: input)
            #expect(result.status == status, "\(result.stderr)")
            #expect(!result.stdout.contains("\u{1B}["), "no colours when not a terminal")
            return result
        }

        let total = try #require(ShippedQuestionnaire.counts).questions
        let first = try ask("yes\n2\n")
        #expect(first.stdout.contains("[0/\(total) answered]  4.1 Understanding the organization and its context (0/2)"))
        #expect(try Self.answers(file) == ["\"Q-4.1-1\": \"yes\"", "\"Q-4.1-2\": \"partial\""])
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("respondent:\n  name: \"Li Wei\"\ndate: 2026-11-20\n"))

        let resumed = try ask("b\nno\n")
        #expect(resumed.stdout.hasPrefix("Resuming \(file): 2 answers so\nfar.\n"))
        #expect(resumed.stdout.contains("[2/\(total) answered]  4.2 Understanding the needs"))
        #expect(try Self.answers(file) == ["\"Q-4.1-1\": \"yes\"", "\"Q-4.1-2\": \"no\""])

        _ = try ask("s\nn Register exists but is two years old\nyes\n")
        #expect(try Self.answers(file) == ["\"Q-4.1-1\": \"yes\"", "\"Q-4.1-2\": \"no\"", "\"Q-4.2-2\":", "value: \"yes\"",
                                           "note: \"Register exists but is two years old\""])

        let jumped = try ask("g 8.5.1.1\nno\nq\n")
        #expect(jumped.stdout.contains("8.5.1.1 Change management policy"))
        #expect(try Self.answers(file).contains("\"Q-8.5.1.1-1\": \"no\""))
        #expect(jumped.stdout.contains("4 answered · \(total - 4) not answered yet · 0 not applicable"))
        #expect(jumped.stdout.contains("Write the report with:\n  gapkit assess \(Self.questionnaire) \\\n      \(file) --out reports/acme\n"))

        let before = try String(contentsOfFile: file, encoding: .utf8)
        let hints = try ask("\nfoo\ng 99\nq\n", status: 65)
        #expect(hints.stderr == "2 lines were refused; everything else is saved in \(file).\n", "a script with refused lines fails, at its end")
        #expect(hints.stdout.contains("Type an answer, or ? for help."))
        #expect(hints.stdout.contains("'foo' is not an answer here. Answers: yes, partial, no or 1–3."))
        #expect(hints.stdout.contains("There is no clause '99' here."))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == before)

        let score = try GapKitBinary.run(["score", Self.questionnaire, file, "--format", "json"])
        #expect(score.status == 0, "the saved file is a valid answer file: \(score.stderr)")
    }

    @Test func anUnknownClauseOrABrokenAnswerFileIsRefused() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.yaml").path
        let clause = try GapKitBinary.run(["ask", Self.questionnaire, "--answers", file, "--clause", "8.5.1.4"], stdin: "")
        #expect(clause.status == 64)
        #expect(clause.stderr.contains("--clause 8.5.1.4: no such clause; did you mean 8.5.1.1?"))
        try "gapkit: 1\nquestionnaire: iso20000-1-2018\nanswers:\n  Q-4.1-1: maybe\n".write(toFile: file, atomically: true, encoding: .utf8)
        let broken = try GapKitBinary.run(["ask", Self.questionnaire, "--answers", file], stdin: "yes\n")
        #expect(broken.status == 65)
        #expect(broken.stderr.contains("\(file):4:12: error: 'maybe' is not an answer to question 'Q-4.1-1'"))
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("maybe"), "the file is left as it was")
    }

    /// Runs the report command the summary printed in `/bin/sh`, as a person pasting it would,
    /// with `gapkit` standing for the built binary and `start` filled in for `YYYY-MM-DD`.
    static func runPrintedReportCommand(_ stdout: String, in folder: URL, start: String? = nil) throws -> Int32 {
        let after = try #require(stdout.components(separatedBy: "Write the report with:\n  ").last)
        // The command, with the lines it continues with a trailing backslash.
        var lines: [Substring] = []
        for line in after.split(separator: "\n") {
            lines.append(line)
            if !line.hasSuffix("\\") { break }
        }
        var line = "'\(GapKitBinary.url.path)'" + lines.joined(separator: "\n").dropFirst("gapkit".count)
        if let start { line = line.replacingOccurrences(of: "YYYY-MM-DD", with: start) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", line + " >/dev/null 2>&1"]
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func theReportCommandInTheSummaryWorksPastedIntoAShellWithOrWithoutADate() throws {
        let folder = try Self.folder().appendingPathComponent("Li's answers")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let file = folder.appendingPathComponent("acme cloud.yaml").path

        let undated = try GapKitBinary.run(["ask", Self.questionnaire, "--answers", file], stdin: "yes\nq\n")
        #expect(undated.status == 0, "\(undated.stderr)")
        #expect(undated.stdout.contains("The answers have no date: write the assessment day after --start.\n"))
        #expect(undated.stdout.contains("'\(file.replacingOccurrences(of: "'", with: "'\\''"))' \\\n      --out 'reports/acme cloud' --start YYYY-MM-DD\n"))
        #expect(try Self.runPrintedReportCommand(undated.stdout, in: folder, start: "2026-11-20") == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("reports/acme cloud/report.html").path))

        // Resuming with --date records it, and the command then needs no --start.
        let dated = try GapKitBinary.run(["ask", Self.questionnaire, "--answers", file, "--date", "2026-11-20"], stdin: "q\n")
        #expect(dated.status == 0, "\(dated.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("date: 2026-11-20\n"))
        #expect(!dated.stdout.contains("--start"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("reports"))
        #expect(try Self.runPrintedReportCommand(dated.stdout, in: folder) == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("reports/acme cloud/report.html").path))
    }

    @Test func afterTheLastQuestionAnswersCanStillBeRevisedUntilTheScriptEnds() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("acme.yaml").path
        let ask = ["ask", Self.questionnaire, "--answers", file, "--clause", "4.1", "--date", "2026-11-20"]
        let walked = try GapKitBinary.run(ask, stdin: "yes\nyes\nb\nno\nl\n")
        #expect(walked.status == 0, "\(walked.stderr)")
        #expect(walked.stdout.contains("Every question in scope is answered or skipped."))
        #expect(try Self.answers(file) == ["\"Q-4.1-1\": \"yes\"", "\"Q-4.1-2\": \"no\""])
        #expect(walked.stdout.contains("Saved in \(file)\n2 answered · 0 not answered yet · 0 not applicable (clause 4.1)\n"))

        // A fully answered file opens at the prompt, not straight at the summary.
        let resumed = try GapKitBinary.run(ask, stdin: "g 4.1\npartial\n")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try Self.answers(file) == ["\"Q-4.1-1\": \"partial\"", "\"Q-4.1-2\": \"no\""])
    }

    /// Terminal columns of a line: East Asian wide and fullwidth characters take two.
    static func columns(_ line: Substring) -> Int {
        line.unicodeScalars.reduce(0) { total, scalar in
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6:
                return total + 2
            default:
                return total + 1
            }
        }
    }

    @Test(arguments: [("en", " (requirement of the standard)", "not applicable", "? help · n note"), ("zh-Hans", "（标准要求）", "不适用", "? 帮助 · n 备注")])
    func everyLineFitsEightyColumnsInEnglishAndChinese(language: String, mandatory: String, notApplicable: String, keys: String) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The longest path that fits on a line of the report command; a longer one cannot be broken there.
        let file = folder.appendingPathComponent("acme-cloud-interview.yaml").path
        // Every question's screen (skipped), help, the list, a long note, a hint, the summary.
        let script = "l\n?\nfoo\nn " + String(repeating: "The register lists issues but not their owners. ", count: 3) + "\nyes\n"
            + String(repeating: "s\n", count: try #require(ShippedQuestionnaire.counts).questions + 5) + "g 8.3.4.2\nna\nb\nl\n"
        let result = try GapKitBinary.run(["ask", Self.questionnaire, "--answers", file, "--lang", language], stdin: script)
        #expect(result.status == 65, "'foo' was refused: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count > 1500)
        for line in lines where Self.columns(line) > 80 { Issue.record("\(Self.columns(line)) columns: \(line)") }
        // The spaces inside a key hint are no-break spaces, so that it wraps between keys only.
        #expect(result.stdout.contains(mandatory) && result.stdout.replacingOccurrences(of: "\u{A0}", with: " ").contains(keys))
        #expect(result.stdout.contains(notApplicable + "  ◀"), "the chosen option is marked")
    }

    @Test func aJSONAnswerFileStaysJSON() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("acme.json").path
        let ask = ["ask", Self.questionnaire, "--answers", file, "--date", "2026-11-20", "--respondent", "Li \"Wei\""]
        #expect(try GapKitBinary.run(ask, stdin: "yes\nn Drafted\npartial\n").status == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["gapkit"] as? Int == 1 && json["questionnaire"] as? String == "iso20000-1-2018" && json["date"] as? String == "2026-11-20")
        #expect((json["respondent"] as? [String: Any])?["name"] as? String == "Li \"Wei\"")
        let answers = try #require(json["answers"] as? [String: Any])
        #expect(answers["Q-4.1-1"] as? String == "yes")
        #expect((answers["Q-4.1-2"] as? [String: Any])?["note"] as? String == "Drafted")
        #expect((answers["Q-4.1-2"] as? [String: Any])?["value"] as? String == "partial")

        // It resumes, and the other commands read it.
        let resumed = try GapKitBinary.run(ask, stdin: "no\n")
        #expect(resumed.stdout.hasPrefix("Resuming \(file): 2 answers so\nfar.\n"))
        #expect(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) is [String: Any])
        #expect(try GapKitBinary.run(["score", Self.questionnaire, file]).status == 0)
    }

    @Test func onTheZeroToFiveMaturityScaleSixIsNoAnswer() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("acme.yaml").path
        let result = try GapKitBinary.run(["ask", Self.questionnaire, "--answers", file, "--clause", "4.4"], stdin: "yes\n6\n1\n")
        #expect(result.status == 65, "'6' was refused: \(result.stderr)")
        #expect(result.stdout.contains("Numbers are values here: type the value."))
        #expect(result.stdout.contains("'6' is not an answer here. Answers: 0, 1, 2, 3, 4, 5.\n"))
        #expect(!result.stdout.contains("6) 5"), "no option numbers beside the values")
        #expect(try Self.answers(file) == ["\"Q-4.4-1\": \"yes\"", "\"Q-4.4-2\": \"1\""])
    }

    // MARK: Saves that fail

    /// Makes a folder refuse new files, even for root (with `chattr +i`), or accept them again.
    static func setWritable(_ folder: URL, _ writable: Bool) throws {
        let process = Process()
        if getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
            process.arguments = [writable ? "-i" : "+i", folder.path]
        } else {
            process.executableURL = URL(fileURLWithPath: "/bin/chmod")
            process.arguments = [writable ? "755" : "555", folder.path]
        }
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
    }

    /// `gapkit ask` on pipes, typed into line by line, with what it prints collected as it comes.
    final class PipedSession: @unchecked Sendable {
        let process = Process()
        let input = Pipe(), output = Pipe(), errors = Pipe()
        private let lock = NSLock()
        private var out = Data(), err = Data()

        init(_ arguments: [String]) throws {
            process.executableURL = GapKitBinary.url
            process.arguments = arguments
            process.standardInput = input
            process.standardOutput = output
            process.standardError = errors
            output.fileHandleForReading.readabilityHandler = { [unowned self] handle in
                let data = handle.availableData
                lock.withLock { out.append(data) }
            }
            errors.fileHandleForReading.readabilityHandler = { [unowned self] handle in
                let data = handle.availableData
                lock.withLock { err.append(data) }
            }
            try process.run()
        }

        var stdout: String { lock.withLock { String(decoding: out, as: UTF8.self) } }
        var stderr: String { lock.withLock { String(decoding: err, as: UTF8.self) } }

        func type(_ text: String) { input.fileHandleForWriting.write(Data(text.utf8)) }

        /// Waits until `read()` contains `text`, up to 20 s.
        func wait(for text: String, in read: () -> String) -> Bool {
            for _ in 0..<400 {
                if read().contains(text) { return true }
                usleep(50_000)
            }
            return false
        }

        /// Closes standard input (end of the script) and waits for the exit status.
        func finish() -> Int32 {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
            usleep(100_000)
            output.fileHandleForReading.readabilityHandler = nil
            errors.fileHandleForReading.readabilityHandler = nil
            return process.terminationStatus
        }
    }

    @Test(.enabled(if: LinuxTools.canLockFolders, LinuxTools.chattrMissing)) func aFailedSaveWarnsKeepsTheInterviewGoingAndIsRetriedAtTheNextSaveOrTheEnd() throws {
        let folder = try Self.folder()
        defer { try? Self.setWritable(folder, true); try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("acme.yaml").path
        let total = try #require(ShippedQuestionnaire.counts).questions
        let session = try PipedSession(["ask", Self.questionnaire, "--answers", file, "--date", "2026-11-20"])
        session.type("yes\n")
        #expect(session.wait(for: "[1/\(total) answered") { session.stdout })
        try Self.setWritable(folder, false)
        session.type("partial\n")
        #expect(session.wait(for: "\(file): warning: could not save: ") { session.stderr })
        #expect(session.wait(for: "[2/\(total) answered") { session.stdout }, "the interview goes on")
        try Self.setWritable(folder, true)
        session.type("no\n")  // this save also writes the answer whose save failed
        #expect(session.wait(for: "[3/\(total) answered") { session.stdout })
        #expect(try Self.answers(file) == ["\"Q-4.1-1\": \"yes\"", "\"Q-4.1-2\": \"partial\"", "\"Q-4.2-1\": \"no\""])

        // Still failing at the end of the script: the answers go to a rescue copy, and the status says so.
        try Self.setWritable(folder, false)
        session.type("yes\n")
        #expect(session.wait(for: "warning: could not save") { session.stderr })
        #expect(session.finish() == 73)
        let rescue = try #require(session.stderr.components(separatedBy: "The interview's answers are saved in ").last?
            .components(separatedBy: " instead").first)
        defer { try? FileManager.default.removeItem(atPath: rescue) }
        #expect(try Self.answers(rescue).contains("\"Q-4.2-2\": \"yes\""))
        #expect(try !Self.answers(file).contains("\"Q-4.2-2\": \"yes\""))
    }

    @Test(.enabled(if: LinuxTools.canLockFolders, LinuxTools.chattrMissing)) func aFolderThatCannotBeWrittenIsRefusedBeforeTheFirstQuestionAlsoWhenResuming() throws {
        let folder = try Self.folder()
        defer { try? Self.setWritable(folder, true); try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("acme.yaml").path
        #expect(try GapKitBinary.run(["ask", Self.questionnaire, "--answers", file], stdin: "yes\nq\n").status == 0)
        try Self.setWritable(folder, false)
        let resumed = try GapKitBinary.run(["ask", Self.questionnaire, "--answers", file], stdin: "partial\n")
        #expect(resumed.status == 73)
        #expect(resumed.stderr.hasPrefix("\(file): error: cannot write the file: cannot create files in \(folder.path): "))
        let total = try #require(ShippedQuestionnaire.counts).questions
        #expect(!resumed.stdout.contains("[1/\(total) answered"), "no question is asked whose answer could not be saved")
    }

    // MARK: In a pseudo-terminal

    /// `gapkit ask` inside `script`, which gives it a pseudo-terminal fed from a pipe.
    final class TerminalSession {
        let process = Process()
        let input = Pipe(), output = Pipe()
        let answersPath: String

        init(answersPath: String, noColor: Bool = false, arguments: [String] = []) throws {
            self.answersPath = answersPath
            let command = [GapKitBinary.url.path, "ask", AskCommandTests.questionnaire, "--answers", answersPath, "--date", "2026-11-20"] + arguments
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = ["-qfec", command.map { "'\($0)'" }.joined(separator: " "), "/dev/null"]
            process.standardInput = input
            process.standardOutput = output
            process.standardError = output
            var environment = ProcessInfo.processInfo.environment
            environment["TERM"] = "xterm"
            environment["NO_COLOR"] = noColor ? "1" : nil
            process.environment = environment
            try process.run()
        }

        func type(_ text: String) { input.fileHandleForWriting.write(Data(text.utf8)) }

        /// Waits until the answer file contains `text` (the answer was saved), up to 20 s.
        func waitForFile(containing text: String) -> Bool {
            for _ in 0..<400 {
                if let content = try? String(contentsOfFile: answersPath, encoding: .utf8), content.contains(text) { return true }
                usleep(50_000)
            }
            return false
        }

        /// The pid of the `gapkit ask` process (a child of `script`), found in /proc.
        func gapkitPID() -> pid_t? {
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return nil }
            for entry in entries {
                guard let pid = pid_t(entry), let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { continue }
                let arguments = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
                if arguments.first?.hasSuffix("gapkit") == true, arguments.contains(answersPath) { return pid }
            }
            return nil
        }

        func finish() -> (status: Int32, output: String) {
            try? input.fileHandleForWriting.close()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, text)
        }
    }

    @Test(.enabled(if: LinuxTools.hasScript, LinuxTools.scriptMissing)) func killedWithSIGKILLMidSessionEveryConfirmedAnswerIsInTheFileAndItLoads() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("interview.yaml").path
        let session = try TerminalSession(answersPath: file)
        session.type("yes\n")
        #expect(session.waitForFile(containing: "\"Q-4.1-1\": \"yes\""))
        session.type("n Climate not yet considered\n")
        #expect(session.waitForFile(containing: "note: \"Climate not yet considered\""))
        session.type("no\n")
        #expect(session.waitForFile(containing: "value: \"no\""))
        session.type("par")  // typing, not confirmed
        let pid = try #require(session.gapkitPID())
        #expect(kill(pid, SIGKILL) == 0)
        let (_, output) = session.finish()
        #expect(output.contains("\u{1B}["), "a terminal gets colours")
        let score = try GapKitBinary.run(["score", Self.questionnaire, file, "--format", "json"])
        #expect(score.status == 0, "\(score.stderr)")
        #expect(try Self.answers(file) == ["\"Q-4.1-1\": \"yes\"", "\"Q-4.1-2\":", "value: \"no\"", "note: \"Climate not yet considered\""])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(leftovers == ["interview.yaml"], "no temporary file is left behind")
    }

    @Test(.enabled(if: LinuxTools.hasScript, LinuxTools.scriptMissing)) func ctrlCSavesAndExits130AndNoColorIsRespected() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("interview.yaml").path
        let session = try TerminalSession(answersPath: file, noColor: true)
        session.type("partial\n")
        #expect(session.waitForFile(containing: "\"Q-4.1-1\": \"partial\""))
        session.type("\u{03}")
        let (status, output) = session.finish()
        #expect(status == 130)
        #expect(output.contains("Interrupted. Every confirmed answer is saved in \(file)."))
        #expect(output.contains("> ") && output.range(of: "\u{1B}\\[[0-9;]*m", options: .regularExpression) == nil,
                "a prompt, but no colours with NO_COLOR")
        #expect(try Self.answers(file) == ["\"Q-4.1-1\": \"partial\""])
    }
}
