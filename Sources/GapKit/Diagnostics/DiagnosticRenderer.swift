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
        var longLines: [Int: [Character]] = [:]
        for (_, diagnostic) in ordered {
            out += render(diagnostic.severity.rawValue, diagnostic.message, at: diagnostic.position, in: file, &longLines)
            for note in diagnostic.notes {
                out += render("note", note.message, at: note.position, in: file, &longLines)
            }
        }
        return out
    }

    /// `longLines` keeps the characters of long lines already quoted: a one-line file with
    /// thousands of problems is split into characters once, not once per problem.
    private func render(_ severity: String, _ message: String, at position: SourcePosition?, in file: SourceFile,
                        _ longLines: inout [Int: [Character]]) -> String {
        guard let position else { return "\(file.path): \(severity): \(message)\n" }
        var out = "\(file.path):\(position.line):\(position.column): \(severity): \(message)\n"
        if let line = file.line(position.line) {
            var (shown, column) = (line, position.column)
            if line.utf8.count > Self.maxQuoted {
                if longLines[position.line] == nil { longLines[position.line] = Array(line) }
                (shown, column) = Self.window(longLines[position.line]!, column: position.column)
            }
            out += "\(shown)\n\(caret(under: shown, column: column))\n"
        }
        return out
    }

    /// Characters of a source line quoted at most; a longer line (a minified file, a flow list on
    /// one line) is cut to this many around the column, with "…" where it was cut.
    static let maxQuoted = 120

    /// The part of a line (given as characters) to quote, and the column of the caret in it.
    static func window(_ line: [Character], column: Int) -> (Substring, Int) {
        guard line.count > maxQuoted else { return (Substring(String(line)), column) }
        let offset = min(max(0, column - 1 - maxQuoted / 2), line.count - maxQuoted)
        let head = offset > 0 ? "…" : "", tail = offset + maxQuoted < line.count ? "…" : ""
        return (Substring(head + String(line[offset ..< offset + maxQuoted]) + tail), column - offset + head.count)
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
