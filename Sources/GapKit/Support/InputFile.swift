import Foundation

/// Reads input files whole, refusing directories and files over a size limit before reading them.
enum InputFile {
    static func read(_ path: String, maxSize: Int) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(path: path, reason: .notFound)
        }
        if isDirectory.boolValue { throw InputError(path: path, reason: .unreadable("it is a directory")) }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maxSize {
            throw DiagnosticsError(file: SourceFile(path: path, text: ""), .error(
                "file is \(size) bytes, more than the limit of \(maxSize) bytes", at: nil))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(path: path, reason: .unreadable("permission denied"))
        }
        defer { try? handle.close() }
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
}
