import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The answer file of an interview: opened to resume, saved after every change.
///
/// Saving never overwrites blindly: if the file changed on disk since GapKit last read or wrote
/// it (someone edited it by hand), it is read again and the changes made since the last save are
/// applied on top. Each save is atomic and flushed to disk (`AtomicFile`). A save that fails keeps
/// its changes pending, and the next save writes them too.
public final class AnswerFileStore {
    public let path: String
    let loader: AnswerLoader
    /// The bytes GapKit last read from or wrote to the file.
    private var known: [UInt8]?
    /// The questions changed since the last save that reached the disk.
    private var pending: [String] = []
    /// Whether the last save failed, so the file lacks some of the interview's answers.
    public private(set) var hasUnsavedChanges = false

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

    /// Checks that the file can be saved: its folder exists and a file can be created in it.
    ///
    /// - Throws: `OutputError` saying why not, before anyone has typed an answer that could not be saved.
    public func checkWritable() throws(OutputError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw OutputError(path: path, reason: "the folder \(folder) does not exist")
        }
        let probe = folder + "/." + URL(fileURLWithPath: path).lastPathComponent + ".probe-\(getpid())"
        let fd = Self.systemOpen(probe, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            throw OutputError(path: path, reason: "cannot create files in \(folder): \(String(cString: strerror(errno)))")
        }
        close(fd)
        unlink(probe)
    }

    /// Writes `set`; returns what was written and, when the file had been edited meanwhile, a notice.
    ///
    /// - Parameter change: the answer that changed since the last save. It, and every change of a
    ///   save that failed before, is re-applied on top of a hand-edited file.
    /// - Throws: `DiagnosticsError` when the hand-edited file no longer loads (nothing is overwritten;
    ///   `set` is written to `conflictPath` instead), or `OutputError`; the changes stay pending.
    public func save(_ set: AnswerSet, change: Answer?) throws -> (answers: AnswerSet, notice: String?) {
        if let change, !pending.contains(change.question) { pending.append(change.question) }
        hasUnsavedChanges = true
        if let problem = Self.controlCharacter(in: set) { throw OutputError(path: path, reason: problem) }
        var result = set, notice: String?
        let onDisk = FileManager.default.contents(atPath: path).map { [UInt8]($0) }
        if let onDisk, onDisk != known {
            do {
                result = try loader.load(bytes: onDisk, path: path)
            } catch {
                try AtomicFile.write(AnswerFileWriter.text(set), to: conflictPath)
                throw error
            }
            for id in pending { if let answer = set[id] { result.set(answer) } }
            let kept = pending.count == 1 ? "your last change" : "your \(pending.count) unsaved changes"
            notice = "\(path) was changed outside gapkit; read it again (\(result.answers.count) answers) and kept \(kept)."
        }
        let bytes = Array(AnswerFileWriter.text(result, forPath: path).utf8)
        try AtomicFile.write(bytes, to: path)
        known = bytes
        pending = []
        hasUnsavedChanges = false
        return (result, notice)
    }

    /// Where an answer's text holds a control character (an escape code typed at a terminal), if
    /// anywhere: such text is never saved. Line breaks and tabs, which a hand-written file may hold, are text.
    static func controlCharacter(in set: AnswerSet) -> String? {
        func bad(_ text: String?) -> Unicode.Scalar? {
            text?.unicodeScalars.first { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" }
        }
        for answer in set.answers {
            let texts = [("value", answer.value?.description), ("note", answer.note)] + answer.evidence.map { ("evidence", $0) }
                + answer.interviewees.map { ("by", $0) }
            for (what, text) in texts {
                if let scalar = bad(text) {
                    return "the \(what) of \(answer.question) holds the control character U+\(String(scalar.value, radix: 16, uppercase: true)), which is never saved"
                }
            }
        }
        for text in [set.respondent.name, set.respondent.role, set.respondent.organization, set.consultant] {
            if let scalar = bad(text) { return "the respondent holds the control character U+\(String(scalar.value, radix: 16, uppercase: true)), which is never saved" }
        }
        return nil
    }

    /// Writes `set` where it can still be saved when `path` cannot be written: the system's
    /// temporary folder. Returns that path, or nil when that fails too.
    public func writeRescueCopy(_ set: AnswerSet) -> String? {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let rescue = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("\(name).unsaved-\(getpid()).yaml").path
        do {
            try AtomicFile.write(AnswerFileWriter.text(set), to: rescue)
            return rescue
        } catch {
            return nil
        }
    }

    /// open(2), named apart from `open(fresh:)`.
    private static func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
        #if canImport(Glibc)
        return Glibc.open(path, flags, mode)
        #else
        return Darwin.open(path, flags, mode)
        #endif
    }

    /// Where the interview's answers go when the file was edited into something that does not load.
    public var conflictPath: String { path + ".unsaved.yaml" }
}
