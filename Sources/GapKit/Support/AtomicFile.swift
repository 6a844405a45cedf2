import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that could not be written (exit 73, EX_CANTCREAT).
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "\(path): error: cannot write the file: \(reason)" }
}

/// Writes files so that a reader sees the old content or the new, never a half-written file.
public enum AtomicFile {
    /// Writes `bytes` to a temporary file beside `path`, flushes it to disk, renames it over `path`,
    /// then flushes the folder, so the rename itself survives a crash.
    public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        try write([(path, bytes)])
    }

    /// Writes several files as one: every file is first written and flushed beside its path, and
    /// only when all of them are on disk are they renamed into place. A failure before that leaves
    /// every old file as it was, so a folder never holds a mix of old and new files.
    ///
    /// `streamed` are files already written in pieces (`StagedFile`): they are flushed with the
    /// others and renamed with them, so a whole output set appears together or not at all.
    public static func write(_ files: [(path: String, bytes: [UInt8])], with streamed: [StagedFile] = []) throws(OutputError) {
        // A folder in a file's place would make its rename fail after others were done; a device
        // or FIFO there would be replaced by a file (or, written to, swallow the output).
        do throws(OutputError) {
            for path in files.map(\.path) + streamed.map(\.path) { try requireRegularOrAbsent(path) }
        } catch {
            for file in streamed { file.discard() }
            throw error
        }
        var staged: [(temporary: String, path: String)] = []
        do throws(OutputError) {
            for file in files { staged.append((try stage(file.bytes, for: file.path), file.path)) }
            for file in streamed {
                try file.prepare()
                staged.append((file.temporary, file.path))
            }
        } catch {
            for file in staged { unlink(file.temporary) }
            for file in streamed { file.discard() }
            throw error
        }
        for (index, file) in staged.enumerated() where rename(file.temporary, file.path) != 0 {
            let reason = lastError()
            for later in staged[index...] { unlink(later.temporary) }
            throw OutputError(path: file.path, reason: reason)
        }
        for folder in Set((files.map(\.path) + streamed.map(\.path)).map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }).sorted() {
            let directory = open(folder, O_RDONLY)
            if directory >= 0 {
                _ = fsync(directory)
                close(directory)
            }
        }
    }

    /// Refuses an output path that holds anything but a regular file (issue 12, finding 13:
    /// `--rejects /dev/full` exited 0, and as root the rename replaced the device with a file).
    public static func requireRegularOrAbsent(_ path: String) throws(OutputError) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw OutputError(path: path, reason: "a folder is in the way")
        default: throw OutputError(path: path, reason: InputFile.kindDescription(info.st_mode) + "; outputs are regular files")
        }
    }

    /// Creates a folder and any missing parents; the error names the folder and says why (as the system does).
    public static func createDirectory(_ path: String) throws(OutputError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw OutputError(path: path, reason: "it is a file, not a folder") }
            return
        }
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if parent != path, !parent.isEmpty { try createDirectory(parent) }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw OutputError(path: path, reason: lastError()) }
    }

    /// Writes and flushes `bytes` to a new temporary file beside `path`, and returns its path.
    private static func stage(_ bytes: [UInt8], for path: String) throws(OutputError) -> String {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw OutputError(path: path, reason: lastError()) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in
                systemWrite(fd, buffer.baseAddress! + written, bytes.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = lastError()
                close(fd)
                unlink(temporary)
                throw OutputError(path: path, reason: reason)
            }
            written += n
        }
        guard fsync(fd) == 0, close(fd) == 0 else {
            let reason = lastError()
            unlink(temporary)
            throw OutputError(path: path, reason: reason)
        }
        return temporary
    }

    public static func write(_ text: String, to path: String) throws(OutputError) {
        try write(Array(text.utf8), to: path)
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }

    /// write(2), named apart from `AtomicFile.write`.
    private static func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(fd, buffer, count)
        #else
        return Darwin.write(fd, buffer, count)
        #endif
    }
}
