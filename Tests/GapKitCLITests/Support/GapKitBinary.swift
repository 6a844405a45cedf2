import Foundation

/// Runs the built `gapkit` executable as a user would, capturing what it prints and its exit status.
struct GapKitBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `gapkit` in the products folder that also holds this test bundle.
    static let url: URL = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        let folder = candidates.first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("gapkit").path) }
        return (folder ?? candidates[0]).appendingPathComponent("gapkit")
    }()

    static func run(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Drain stderr on another thread while reading stdout, so neither pipe can fill up and block the child.
        nonisolated(unsafe) var stderrData = Data()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            stderrData = err.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self))
    }
}

/// Paths of files the end-to-end tests read.
enum Paths {
    /// The repository root (this file is Tests/GapKitCLITests/Support/GapKitBinary.swift).
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ name: String) -> String {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    static func inRepository(_ path: String) -> String { repository.appendingPathComponent(path).path }
}
