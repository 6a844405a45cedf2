import Foundation

/// Standard output and standard error.
enum Terminal {
    static func printError(_ text: String, terminator: String = "\n") {
        FileHandle.standardError.write(Data((text + terminator).utf8))
    }
}
