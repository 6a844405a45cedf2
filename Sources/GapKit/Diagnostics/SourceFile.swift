import Foundation

/// The text of a file as it was read, kept so diagnostics can quote the offending line.
public struct SourceFile: Sendable {
    /// The path as the user gave it (printed in diagnostics).
    public var path: String
    public let text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// The text of 1-based line `number`, without its line break, or nil if there is no such line.
    public func line(_ number: Int) -> Substring? {
        let lines = cache.lines(of: text)
        guard number >= 1, number <= lines.count else { return nil }
        return text[lines[number - 1]]
    }

    /// Where each line lies, found once: a file with thousands of problems must not be scanned
    /// again for each of them.
    private let cache = LineCache()
}

/// The line ranges of a source file (without line breaks), computed on first use.
private final class LineCache: @unchecked Sendable {
    private var lines: [Range<String.Index>]?
    private let lock = NSLock()

    func lines(of text: String) -> [Range<String.Index>] {
        lock.withLock {
            if let lines { return lines }
            var found: [Range<String.Index>] = []
            var start = text.startIndex
            while let newline = text[start...].firstIndex(where: \.isNewline) {
                found.append(start..<newline)
                start = text.index(after: newline)
            }
            found.append(start..<text.endIndex)
            lines = found
            return found
        }
    }
}
