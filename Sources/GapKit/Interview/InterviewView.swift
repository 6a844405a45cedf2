/// How the interview looks: plain lines, or ANSI colours for a terminal; wrapped to a width,
/// counting Chinese characters as two columns.
public struct InterviewView: Sendable {
    public var colour: Bool
    public var width: Int
    public var language: String

    public init(colour: Bool, width: Int = 80, language: String) {
        self.colour = colour
        self.width = max(40, width)
        self.language = language
    }

    enum Style: String {
        case bold = "1", dim = "2", clause = "1;36", answer = "32", warning = "33", error = "31"
    }

    func styled(_ text: String, _ style: Style) -> String {
        colour ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// `text` broken into lines of at most `width` columns, the first after `indent`, the others
    /// after `continuation` (by default `indent` too). A word longer than a line is cut.
    public func wrap(_ text: String, indent: String = "", continuation: String? = nil) -> String {
        var lines: [String] = []
        let continuation = continuation ?? indent
        func room(_ lead: String) -> Int { max(1, width - TerminalWidth.of(lead)) }
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "", lineWidth = 0
            var lead = lines.isEmpty ? indent : continuation
            for piece in Self.words(paragraph) {
                var word = piece
                if lineWidth > 0, lineWidth + TerminalWidth.of(word.trimmingTrailingSpaces()) > room(lead) {
                    lines.append(lead + line.trimmingTrailingSpaces())
                    lead = continuation
                    line = ""
                    lineWidth = 0
                    if word == " " { continue }
                }
                // A word wider than a whole line (a long path) is cut into pieces that fit, in one pass.
                var wordWidth = TerminalWidth.of(word)
                if wordWidth - (word.hasSuffix(" ") ? 1 : 0) > room(lead) {
                    var cut = "", used = 0
                    for character in word {
                        let w = TerminalWidth.of(character)
                        if used + w > room(lead), !cut.isEmpty, character != " " {
                            lines.append(lead + cut)
                            lead = continuation
                            cut = ""
                            used = 0
                        }
                        cut.append(character)
                        used += w
                    }
                    word = cut
                    wordWidth = used
                }
                line += word
                lineWidth += wordWidth
            }
            lines.append(lead + line.trimmingTrailingSpaces())
        }
        return lines.joined(separator: "\n")
    }

    /// `text` wrapped as `wrap` does, every line styled, and a line break at the end.
    func block(_ text: String, _ style: Style? = nil, indent: String = "", continuation: String? = nil) -> String {
        wrap(text, indent: indent, continuation: continuation).split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in style.map { styled(String(line), $0) } ?? String(line) }.joined(separator: "\n") + "\n"
    }

    /// Breakable pieces: Latin words with their following space, and single wide characters,
    /// since Chinese breaks between any two characters.
    static func words<S: StringProtocol>(_ text: S) -> [String] {
        var words: [String] = [], current = ""
        for character in text {
            if TerminalWidth.of(character) == 2 {
                if !current.isEmpty { words.append(current); current = "" }
                words.append(String(character))
            } else {
                current.append(character)
                if character == " " { words.append(current); current = "" }
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
