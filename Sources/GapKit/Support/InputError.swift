/// A file that could not be read at all (as opposed to one whose content is wrong).
public struct InputError: Error, Sendable, CustomStringConvertible {
    public enum Reason: Sendable {
        /// No file at the path (exit 66, EX_NOINPUT).
        case notFound
        /// The file exists but could not be read (exit 74, EX_IOERR).
        case unreadable(String)
    }

    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// What went wrong, without the path.
    public var message: String {
        switch reason {
        case .notFound: return "no such file"
        case .unreadable(let why): return "cannot read the file: \(why)"
        }
    }

    public var description: String { "\(path): error: \(message)" }
}
