import Foundation

/// The answer file of an interview: opened to resume, saved after every change.
///
/// Saving never overwrites blindly: if the file changed on disk since GapKit last read or wrote
/// it (someone edited it by hand), it is read again and only the change just made is applied on
/// top. Each save is atomic and flushed to disk (`AtomicFile`).
public final class AnswerFileStore {
    public let path: String
    let loader: AnswerLoader
    /// The bytes GapKit last read from or wrote to the file.
    private var known: [UInt8]?

    public init(path: String, questionnaire: Questionnaire) {
        self.path = path
        loader = AnswerLoader(questionnaire: questionnaire)
    }

    /// The answers in the file, or `fresh` when there is no file yet.
    public func open(fresh: AnswerSet) throws -> (answers: AnswerSet, resumed: Bool) {
        guard let bytes = FileManager.default.contents(atPath: path).map({ [UInt8]($0) }) else { return (fresh, false) }
        let set = try loader.load(bytes: bytes, path: path)
        known = bytes
        return (set, true)
    }

    /// Writes `set`; returns what was written and, when the file had been edited meanwhile, a notice.
    ///
    /// - Parameter change: the answer that changed since the last save, re-applied on top of a hand-edited file.
    /// - Throws: `DiagnosticsError` when the hand-edited file no longer loads (nothing is overwritten;
    ///   `set` is written to `conflictPath` instead), or `OutputError`.
    public func save(_ set: AnswerSet, change: Answer?) throws -> (answers: AnswerSet, notice: String?) {
        var result = set, notice: String?
        let onDisk = FileManager.default.contents(atPath: path).map { [UInt8]($0) }
        if let onDisk, onDisk != known {
            do {
                result = try loader.load(bytes: onDisk, path: path)
            } catch {
                try AtomicFile.write(AnswerFileWriter.text(set), to: conflictPath)
                throw error
            }
            if let change { result.set(change) }
            notice = "\(path) was changed outside gapkit; read it again (\(result.answers.count) answers) and kept your last change."
        }
        let bytes = Array(AnswerFileWriter.text(result).utf8)
        try AtomicFile.write(bytes, to: path)
        known = bytes
        return (result, notice)
    }

    /// Where the interview's answers go when the file was edited into something that does not load.
    public var conflictPath: String { path + ".unsaved.yaml" }
}
