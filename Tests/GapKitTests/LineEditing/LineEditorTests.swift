import Foundation
import Testing
@testable import GapKit

@Suite struct LineEditorTests {
    /// Types `input` (as terminal bytes) into a fresh line; returns the editor and the submitted lines.
    static func type(_ input: String, width: Int = 40, into start: LineEditor? = nil) -> (LineEditor, [String]) {
        var editor = start ?? LineEditor(width: width)
        if start == nil { _ = editor.begin(prompt: "> ") }
        var decoder = KeyDecoder()
        var submitted: [String] = []
        for key in decoder.decode(Array(input.utf8)) {
            if case .submit(let line)? = editor.handle(key) {
                submitted.append(line)
                _ = editor.begin(prompt: "> ")
            }
        }
        return (editor, submitted)
    }

    @Test(arguments: [
        ("helo\u{1B}[Dl\r", "hello"),                                  // ← then insert
        ("world\u{1B}[Hhello \r", "hello world"),                      // Home
        ("ab\u{01}\u{05}c\r", "abc"),                                  // Ctrl-A, Ctrl-E
        ("abc\u{1B}[D\u{1B}[D\u{7F}\r", "bc"),                         // Backspace in the middle
        ("abc\u{1B}[H\u{1B}[3~\r", "bc"),                              // Delete
        ("one two three\u{1B}[1;5D\u{1B}[1;5D\u{0B}\r", "one "),       // word left twice, Ctrl-K
        ("one two three\u{1B}[1;5D\u{15}\r", "three"),                 // Ctrl-U
        ("one two\u{17}\r", "one "),                                   // Ctrl-W
        ("one two\u{1B}[H\u{1B}[1;5Cx\r", "onex two"),                 // word right
        ("政策已起草\u{1B}[D\u{1B}[D\u{1B}[D风险\r", "政策风险已起草"),      // CJK editing
        ("部分\u{7F}\r", "部"),                                         // Backspace takes a whole wide character
        ("cafe\u{0301}\u{7F}\r", "caf"),                               // a combining mark joins its letter
        ("\u{1B}[200~line one\r\nline two\u{7F}\u{1B}[201~\r", "line one line two"),  // paste: newlines are spaces, no edits
        ("a\u{1B}[15~\u{1B}[<0;3;4Mb\r", "ab"),                        // no escape code becomes text
    ])
    func keysEditTheLine(input: String, line: String) {
        let (_, submitted) = Self.type(input)
        #expect(submitted == [line])
    }

    @Test func historyRecallsEarlierLinesAndKeepsTheDraft() {
        let (editor, submitted) = Self.type("first\rsecond\rdraft\u{1B}[A\u{1B}[A\u{1B}[A\u{1B}[B")
        #expect(submitted == ["first", "second"])
        #expect(editor.text == "second")
        let (restored, _) = Self.type("\u{1B}[B", into: editor)
        #expect(restored.text == "draft")
        let (again, lines) = Self.type("\u{1B}[A\u{1B}[A\r", into: restored)
        #expect(lines == ["first"] && again.history == ["first", "second", "first"])
    }

    @Test func ctrlDEndsInputOnlyOnAnEmptyLineAndCtrlLAsksForARedraw() {
        var editor = LineEditor(width: 40)
        _ = editor.begin(prompt: "> ")
        #expect(editor.handle(.text("ab")) == nil)
        #expect(editor.handle(.home) == nil && editor.handle(.endOfInput) == nil && editor.text == "b")
        _ = editor.handle(.killToEnd)
        #expect(editor.handle(.endOfInput) == .endOfInput)
        #expect(editor.handle(.redraw) == .redrawScreen)
    }

    /// The columns a drawn line takes on the terminal: the text after the last `\r` and before the
    /// clear-to-end-of-line code, and where the cursor is put.
    static func drawn(_ output: String) -> (text: String, cursor: Int) {
        let body = output.components(separatedBy: "\u{1B}[K").first!.components(separatedBy: "\r").last!
        let move = output.components(separatedBy: "\u{1B}[K\r").last!
        let cursor = move.isEmpty ? 0 : Int(move.dropFirst(2).dropLast())!
        return (body, cursor)
    }

    @Test(arguments: [20, 41, 80])
    func aLongLineScrollsWithinTheRowAndTheCursorStaysOnIt(width: Int) {
        var editor = LineEditor(width: width)
        _ = editor.begin(prompt: "note> ")
        let text = String(repeating: "变更管理 policy ", count: 20)
        var decoder = KeyDecoder()
        for (index, character) in text.enumerated() {
            _ = editor.handle(decoder.decode(Array(String(character).utf8))[0])
            if index % 7 == 0 || index == text.count - 1 {
                let (shown, cursor) = Self.drawn(editor.render())
                #expect(TerminalWidth.of(shown) <= width - 1, "the last column stays free")
                #expect(cursor <= width - 1 && cursor >= TerminalWidth.of("note> "))
            }
        }
        for key in [Key.home, .wordRight, .wordRight, .end, .left, .home] {
            _ = editor.handle(key)
            let (shown, cursor) = Self.drawn(editor.render())
            #expect(TerminalWidth.of(shown) <= width - 1 && cursor <= width - 1)
        }
        let (shown, cursor) = Self.drawn(editor.render())
        #expect(shown.hasPrefix("note> 变更管理") && shown.hasSuffix(">") && cursor == 6, "at Home the start is shown")
        #expect(editor.text == text)
    }

    @Test func theCursorColumnCountsWideCharactersAsTwo() {
        var editor = LineEditor(width: 80)
        _ = editor.begin(prompt: "> ")
        _ = editor.handle(.text("是a部分"))
        _ = editor.handle(.left)
        #expect(Self.drawn(editor.render()) == ("> 是a部分", 2 + 2 + 1 + 2))
    }

    /// Finding 8 of issue 12: a long line typed into `ask` took quadratic time. Typing and drawing
    /// are linear: four times the text takes well under sixteen times as long.
    @Test func typingALongLineTakesTimeLinearInItsLength() {
        func seconds(_ count: Int) -> Double {
            let bytes = Array(String(repeating: "The register exists, 风险和机遇. ", count: count / 30).utf8)
            var best = Double.infinity
            for _ in 0..<3 {
                let start = ContinuousClock.now
                var editor = LineEditor(width: 80)
                var decoder = KeyDecoder()
                _ = editor.begin(prompt: "note> ")
                var offset = 0
                while offset < bytes.count {  // as a terminal delivers a paste: 4 KiB reads, a redraw after each
                    for key in decoder.decode(bytes[offset..<min(bytes.count, offset + 4096)]) { _ = editor.handle(key) }
                    _ = editor.render()
                    offset += 4096
                }
                _ = editor.handle(.enter)
                let elapsed = ContinuousClock.now - start
                best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            }
            return best
        }
        let small = seconds(50_000), large = seconds(200_000)
        #expect(large / small < 8, "4× the text took \(large / small)× as long (\(small) s, \(large) s)")
    }
}
