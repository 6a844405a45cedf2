import Foundation

/// A file written in pieces that appears under its name only when complete: written to a
/// temporary file beside it, then flushed to disk and renamed by `commit`.
public final class StagedFile {
    public let path: String
    /// Where the file is written until `commit` (a signal handler may remove it).
    public let temporary: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    public init(path: String) throws(OutputError) {
        try AtomicFile.requireRegularOrAbsent(path)
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)").path
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw OutputError(path: path, reason: "cannot create \(temporary)")
        }
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
    }

    public func write(_ text: String) throws(OutputError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws(OutputError) {
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw OutputError(path: path, reason: error.localizedDescription)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and renames the file into place.
    public func commit() throws(OutputError) {
        try prepare()
        guard rename(temporary, path) == 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
    }

    /// Flushes and syncs the temporary file and closes it, ready to be renamed into place
    /// (`AtomicFile.write(_:with:)` renames it with the rest of an output set).
    public func prepare() throws(OutputError) {
        try flush()
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw OutputError(path: path, reason: error.localizedDescription)
        }
    }

    /// Removes the temporary file; nothing appears under `path`.
    public func discard() {
        try? handle.close()
        unlink(temporary)
    }
}
