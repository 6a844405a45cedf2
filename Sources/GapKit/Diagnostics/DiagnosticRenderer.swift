/// Renders diagnostics the way compilers do:
///
///     path:line:col: error: message
///         the source line
///         ^
///
/// The caret lines up under the column even when the line holds tabs or wide (CJK) characters.
public struct DiagnosticRenderer: Sendable {
    public init() {}

    /// All diagnostics, in file order (stable for equal positions), each followed by its notes.
    public func render(_ diagnostics: [Diagnostic], in file: SourceFile) -> String {
        let ordered = diagnostics.enumerated().sorted { a, b in
            let pa = a.element.position ?? SourcePosition(line: 0, column: 0)
            let pb = b.element.position ?? SourcePosition(line: 0, column: 0)
            return pa == pb ? a.offset < b.offset : pa < pb
        }
        var out = ""
        for (_, diagnostic) in ordered {
            out += render(diagnostic.severity.rawValue, diagnostic.message, at: diagnostic.position, in: file)
            for note in diagnostic.notes {
                out += render("note", note.message, at: note.position, in: file)
            }
        }
        return out
    }

    private func render(_ severity: String, _ message: String, at position: SourcePosition?, in file: SourceFile) -> String {
        guard let position else { return "\(file.path): \(severity): \(message)\n" }
        var out = "\(file.path):\(position.line):\(position.column): \(severity): \(message)\n"
        if let line = file.line(position.line) {
            out += "\(line)\n\(caret(under: line, column: position.column))\n"
        }
        return out
    }

    /// Spaces (and the line's own tabs) up to `column`, then `^`.
    func caret(under line: Substring, column: Int) -> String {
        var padding = ""
        for character in line.prefix(max(0, column - 1)) {
            if character == "\t" {
                padding.append("\t")
            } else {
                padding.append(String(repeating: " ", count: TerminalWidth.of(character)))
            }
        }
        return padding + "^"
    }
}
