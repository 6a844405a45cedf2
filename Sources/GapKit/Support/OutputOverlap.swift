import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Refuses to write over what a command reads (issue 12, finding 12: `batch s.csv --rejects s.csv`
/// replaced the export with its rejects and exited 0).
///
/// Files are compared by what they are, not by how they are named: two paths are the same file
/// when they reach the same device and inode, through symbolic links, hard links, `..` or not.
public enum OutputOverlap {
    /// Throws if an output is one of `inputs`, or lies directly in a folder among `inputs` (a folder
    /// of answer files would read it back as one).
    public static func check(outputs: [String], inputs: [String]) throws(OutputError) {
        var files: [FileID: String] = [:], folders: [FileID: String] = [:]
        for input in inputs {
            guard let (id, isFolder) = identity(input) else { continue }
            if isFolder { folders[id] = input } else { files[id] = input }
        }
        for output in outputs {
            if let (id, _) = identity(output), let input = files[id] {
                throw OutputError(path: output, reason: input == output ? "it is also an input, which it would replace"
                                  : "it is the input \(input), which it would replace")
            }
            let folder = URL(fileURLWithPath: output).deletingLastPathComponent().path
            if let (id, _) = identity(folder), let input = folders[id] {
                throw OutputError(path: output, reason: "it would be written into the input folder \(input); choose another output folder")
            }
        }
    }

    struct FileID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// The device and inode of an existing path (following links), and whether it is a folder.
    static func identity(_ path: String) -> (FileID, Bool)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)), info.st_mode & S_IFMT == S_IFDIR)
    }
}
