import Foundation
import Testing

/// Tools some end-to-end tests drive, which exist (with these options) only on Linux: util-linux
/// `script -qfec` for a pseudo-terminal, and `chattr +i` to make a folder refuse files even for root.
/// Tests that need them carry `.enabled(if: LinuxTools.…, LinuxTools.…Missing)`.
enum LinuxTools {
    static var hasScript: Bool {
        #if os(Linux)
        FileManager.default.isExecutableFile(atPath: "/usr/bin/script")
        #else
        false
        #endif
    }

    /// A folder can be made unwritable: `chmod` is enough for a normal user; root needs `chattr`.
    static var canLockFolders: Bool {
        getuid() != 0 || {
            #if os(Linux)
            FileManager.default.isExecutableFile(atPath: "/usr/bin/chattr")
            #else
            false
            #endif
        }()
    }

    static let scriptMissing: Comment = "needs util-linux `script` (/usr/bin/script, Linux) for a pseudo-terminal"
    static let chattrMissing: Comment = "run as root, needs `chattr` (/usr/bin/chattr, Linux) to make a folder refuse files"
}
