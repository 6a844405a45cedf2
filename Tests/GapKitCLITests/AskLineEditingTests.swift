import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The line editor of `gapkit ask`, typed into on a pseudo-terminal: what reaches the file is the text as edited, never a key code.
@Suite(.serialized, .enabled(if: LinuxTools.hasScript, LinuxTools.scriptMissing)) struct AskLineEditingTests {
    typealias TerminalSession = AskCommandTests.TerminalSession

    static let left = "\u{1B}[D", right = "\u{1B}[C", up = "\u{1B}[A", home = "\u{1B}[H", end = "\u{1B}[F"
    static let wordLeft = "\u{1B}[1;5D", delete = "\u{1B}[3~", backspace = "\u{7F}"

    /// Starts `gapkit ask` on a pseudo-terminal and waits until it has created the file and reads the terminal.
    static func start(_ file: String, _ arguments: [String] = []) throws -> TerminalSession {
        let session = try TerminalSession(answersPath: file, arguments: arguments)
        #expect(session.waitForFile(containing: "gapkit: 1"))
        usleep(300_000)
        return session
    }

    static func file(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func arrowsHomeEndWordMovesAndDeleteEditTheLineAndOnlyTextIsSaved() throws {
        let folder = try AskCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.yaml").path
        let session = try Self.start(path)
        // "n Polciy drafted" mended to "n Policy drafted, approved": ← to the typo, delete, retype, End, add.
        session.type("n Polciy drafted" + Self.wordLeft + Self.wordLeft + Self.right + Self.right + Self.right
            + Self.delete + Self.right + "c" + Self.end + ", approved\r")
        #expect(session.waitForFile(containing: "note: \"Policy drafted, approved\""))
        // Home, then typing at the start; Backspace at the end.
        session.type("es" + Self.home + "y" + Self.end + "x" + Self.backspace + "\r")
        #expect(session.waitForFile(containing: "value: \"yes\""))
        let (status, _) = session.finish()
        #expect(status == 0)
        let text = try Self.file(path)
        #expect(!text.contains("\\u001b") && !text.contains("\u{1B}") && !text.contains("[D"), "no key code reaches the file")
        #expect(text.contains("  \"Q-4.1-1\":\n    value: \"yes\"\n    note: \"Policy drafted, approved\"\n"))
    }

    @Test func historyRecallsAnEarlierLineToEditAndResend() throws {
        let folder = try AskCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.yaml").path
        let session = try Self.start(path)
        session.type("e Change policy v0.3\r")
        #expect(session.waitForFile(containing: "- \"Change policy v0.3\""))
        session.type(Self.up + Self.backspace + "4\r")  // ↑ brings the line back; the 3 becomes a 4
        #expect(session.waitForFile(containing: "- \"Change policy v0.4\""))
        _ = session.finish()
        #expect(try Self.file(path).contains("evidence:\n      - \"Change policy v0.3\"\n      - \"Change policy v0.4\"\n"))
    }

    @Test func chineseIsTypedAndEditedByCharacterAndAnswersInChineseAreUnderstood() throws {
        let folder = try AskCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.yaml").path
        let session = try Self.start(path, ["--lang", "zh-Hans", "--interviewee", "王芳", "--role", "服务经理"])
        // 政策已起草 → ← ← ← → 政策风险已起草, with one wide character removed and typed again.
        session.type("n 政策已起草" + Self.left + Self.left + Self.left + "风险" + Self.end + Self.backspace + "草\r")
        #expect(session.waitForFile(containing: "note: \"政策风险已起草\""))
        session.type("部分\r")
        #expect(session.waitForFile(containing: "value: \"partial\""))
        session.type("不适用\r否\r")
        #expect(session.waitForFile(containing: "\"Q-4.1-2\":"))
        let (status, output) = session.finish()
        #expect(status == 65, "不适用 is refused where the scale has no not applicable")
        #expect(output.contains("✓ Q-4.1-1 → 部分符合 – 已有相关做法，但不完整或执行不一致"))
        #expect(output.contains("此问题不能回答“不适用”。"))
        let text = try Self.file(path)
        #expect(text.contains("interviewees:\n  - {name: \"王芳\", role: \"服务经理\"}\n"))
        #expect(text.contains("    value: \"partial\"\n    note: \"政策风险已起草\"\n    by: \"王芳\"\n    on: 2026-11-20\n"))
        #expect(text.contains("\"Q-4.1-2\":\n    value: \"no\"\n    by: \"王芳\""))
    }

    @Test func pastedLinesBecomeOneLineAndPastedKeysAreText() throws {
        let folder = try AskCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.yaml").path
        let session = try Self.start(path)
        session.type("n \u{1B}[200~Owners named in the register,\r\nreviewed monthly.\r\nno\u{1B}[201~\r")
        #expect(session.waitForFile(containing: "note: "))
        _ = session.finish()
        let text = try Self.file(path)
        #expect(text.contains("note: \"Owners named in the register, reviewed monthly. no\"\n"), "the pasted 'no' answered nothing")
        #expect(!text.contains("value:"))
    }

    @Test func aLineOfAHundredThousandCharactersIsSavedWhole() throws {
        let folder = try AskCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.yaml").path
        let session = try Self.start(path)
        let note = String(repeating: "风险和机遇 risks and opportunities; ", count: 3_125)  // 100,000 characters
        session.type("n " + note + "\r")
        #expect(session.waitForFile(containing: "note: \"\(note.trimmingCharacters(in: .whitespaces))\""))
        #expect(session.finish().status == 0)
    }
}
