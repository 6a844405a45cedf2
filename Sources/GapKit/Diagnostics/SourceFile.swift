/// The text of a file as it was read, kept so diagnostics can quote the offending line.
public struct SourceFile: Sendable {
    /// The path as the user gave it (printed in diagnostics).
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// The text of 1-based line `number`, without its line break, or nil if there is no such line.
    public func line(_ number: Int) -> Substring? {
        guard number >= 1 else { return nil }
        var current = 1
        var start = text.startIndex
        while current < number {
            guard let newline = text[start...].firstIndex(where: \.isNewline) else { return nil }
            start = text.index(after: newline)
            current += 1
        }
        let end = text[start...].firstIndex(where: \.isNewline) ?? text.endIndex
        return text[start..<end]
    }
}
