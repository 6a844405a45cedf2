import Testing
@testable import GapKit

@Suite struct DiagnosticRendererTests {
    @Test func theCaretLinesUpUnderWideCharactersAndTabs() {
        let file = SourceFile(path: "q.yaml", text: "a: 1\n\ttitle: 变更管理 x\n")
        let text = DiagnosticRenderer().render([.error("bad", at: SourcePosition(line: 2, column: 13))], in: file)
        #expect(text == "q.yaml:2:13: error: bad\n\ttitle: 变更管理 x\n\t               ^\n")
    }

    @Test func diagnosticsAreSortedByPositionAndThoseWithoutOneComeFirst() {
        let file = SourceFile(path: "q.yaml", text: "a\nb\n")
        let text = DiagnosticRenderer().render([
            .error("second", at: SourcePosition(line: 2, column: 1)),
            .error("first", at: SourcePosition(line: 1, column: 1)),
            .error("whole file", at: nil),
        ], in: file)
        #expect(text == "q.yaml: error: whole file\nq.yaml:1:1: error: first\na\n^\nq.yaml:2:1: error: second\nb\n^\n")
    }

    /// A problem in a very long line quotes a window of it around the column, not the whole line.
    @Test func aLongLineIsQuotedAroundTheColumn() {
        let line = String(repeating: "a", count: 300) + "X" + String(repeating: "b", count: 300)
        let file = SourceFile(path: "long.yaml", text: "first\n" + line + "\n")
        let text = DiagnosticRenderer().render([.error("here", at: SourcePosition(line: 2, column: 301))], in: file)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "long.yaml:2:301: error: here")
        #expect(lines[1] == "…" + String(repeating: "a", count: 60) + "X" + String(repeating: "b", count: 59) + "…")
        #expect(lines[2] == String(repeating: " ", count: 61) + "^")
    }
}
