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
}
