/// One problem found in a file, with where it is and, optionally, related places.
public struct Diagnostic: Hashable, Sendable {
    public enum Severity: String, Sendable {
        case error, warning, note
    }

    /// A related place, printed after the diagnostic (e.g. where a duplicated key was first defined).
    public struct Note: Hashable, Sendable {
        public var message: String
        public var position: SourcePosition?

        public init(_ message: String, at position: SourcePosition?) {
            self.message = message
            self.position = position
        }
    }

    public var severity: Severity
    public var message: String
    public var position: SourcePosition?
    public var notes: [Note]

    public init(_ severity: Severity = .error, _ message: String, at position: SourcePosition?, notes: [Note] = []) {
        self.severity = severity
        self.message = message
        self.position = position
        self.notes = notes
    }

    public static func error(_ message: String, at position: SourcePosition?, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, message, at: position, notes: notes)
    }
}
