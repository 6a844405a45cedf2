import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads input files whole, refusing anything but a regular file (a folder, a FIFO, a device)
/// and files over a size limit before reading them.
enum InputFile {
    static func read(_ path: String, maxSize: Int) throws -> [UInt8] {
        let fd = try openRegular(path)
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        defer { try? handle.close() }
        var info = stat()
        if fstat(fd, &info) == 0, Int(info.st_size) > maxSize {
            throw DiagnosticsError(file: SourceFile(path: path, text: ""), .error(
                "file is \(info.st_size) bytes, more than the limit of \(maxSize) bytes", at: nil))
        }
        do {
            // Read one byte past the limit, so a file that grew since the check is still caught.
            let data = try handle.read(upToCount: maxSize + 1) ?? Data()
            if data.count > maxSize {
                throw DiagnosticsError(file: SourceFile(path: path, text: ""), .error(
                    "file is more than the limit of \(maxSize) bytes", at: nil))
            }
            return [UInt8](data)
        } catch let error as DiagnosticsError {
            throw error
        } catch {
            throw InputError(path: path, reason: .unreadable(error.localizedDescription))
        }
    }

    /// Opens a regular file for reading and returns its descriptor. The file is opened without
    /// waiting (a FIFO named like an answer file would otherwise block for ever) and checked on
    /// the open descriptor, so it cannot be swapped between the check and the read.
    ///
    /// With `allowPipe`, a named pipe is accepted too, opened again to wait for its writer: an
    /// export the user names as a stream (`<(…)`) is read once, from start to end.
    static func openRegular(_ path: String, allowPipe: Bool = false) throws -> Int32 {
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { throw InputError(path: path, reason: .notFound) }
            throw InputError(path: path, reason: .unreadable(String(cString: strerror(code))))
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw InputError(path: path, reason: .unreadable(reason))
        }
        if allowPipe, info.st_mode & S_IFMT == S_IFIFO {
            close(fd)
            let blocking = open(path, O_RDONLY)
            guard blocking >= 0 else { throw InputError(path: path, reason: .unreadable(String(cString: strerror(errno)))) }
            return blocking
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw InputError(path: path, reason: .unreadable(kindDescription(info.st_mode)))
        }
        // Reads of a regular file never wait; clear the flag anyway, for what reads it next.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }

    /// Why a file that is not a regular file cannot be read.
    static func kindDescription(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "it is a directory"
        case S_IFIFO: return "it is a FIFO (named pipe), not a regular file"
        case S_IFCHR, S_IFBLK: return "it is a device, not a regular file"
        case S_IFSOCK: return "it is a socket, not a regular file"
        default: return "it is not a regular file"
        }
    }
}
