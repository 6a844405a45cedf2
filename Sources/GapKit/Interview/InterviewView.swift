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

    /// `text` broken into lines of at most `width` columns, each after `indent`.
    func wrap(_ text: String, indent: String = "") -> String {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            let available = width - TerminalWidth.of(indent)
            for word in Self.words(paragraph) {
                let w = TerminalWidth.of(word)
                if lineWidth > 0, lineWidth + w > available {
                    lines.append(indent + line.trimmingTrailingSpaces())
                    line = ""
                    lineWidth = 0
                    if word == " " { continue }
                }
                line += word
                lineWidth += w
            }
            lines.append(indent + line.trimmingTrailingSpaces())
        }
        return lines.joined(separator: "\n")
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
