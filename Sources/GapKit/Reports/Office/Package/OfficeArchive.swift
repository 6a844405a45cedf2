import Foundation
internal import ZIPFoundation

/// Reads the entries of an Office file (or any ZIP) back, in the order they are stored.
enum OfficeArchive {
    /// Largest entry read, in bytes, so a hostile file cannot expand without limit.
    static let maxEntrySize = 64 << 20

    static func entries(_ bytes: [UInt8]) throws(OfficePackageError) -> [(path: String, bytes: [UInt8])] {
        do {
            let archive = try Archive(data: Data(bytes), accessMode: .read)
            var out: [(String, [UInt8])] = []
            for entry in archive where entry.type == .file {
                guard entry.uncompressedSize <= Int64(maxEntrySize) else {
                    throw OfficePackageError(reason: "\(entry.path) is larger than \(maxEntrySize) bytes")
                }
                var data = Data()
                _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
                out.append((entry.path, [UInt8](data)))
            }
            return out
        } catch let error as OfficePackageError {
            throw error
        } catch {
            throw OfficePackageError(reason: "not a readable ZIP file: \(error)")
        }
    }
}
