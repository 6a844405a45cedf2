import Foundation
import Testing

@Suite struct ValidateCommandTests {
    @Test func aFileWithTenMistakesGetsTenPositionedDiagnosticsAndExit65() throws {
        let file = Paths.fixture("ten-mistakes.yaml")
        let result = try GapKitBinary.run(["validate", file])
        #expect(result.status == 65)
        #expect(result.stdout == "")
        let expected = try String(contentsOfFile: Paths.fixture("ten-mistakes.stderr"), encoding: .utf8)
            .replacingOccurrences(of: "FILE", with: file)
        #expect(result.stderr == expected)
        let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix(file) && $0.contains(": error: ") }
        #expect(errors.count == 10)
    }

    @Test func theSchemaExampleIsValid() throws {
        let example = try SchemaExample.write()
        let result = try GapKitBinary.run(["validate", example])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "\(example): ok: 3 clauses (2 leaves), 3 questions (1 on requirements of the standard), 2 areas, 2 actions, 1 milestones, 2 documents\n")
    }

    @Test func aMissingFileExits66AndOtherFilesAreStillChecked() throws {
        let example = try SchemaExample.write()
        let result = try GapKitBinary.run(["validate", "no-such-file.yaml", example])
        #expect(result.status == 66)
        #expect(result.stderr == "no-such-file.yaml: error: no such file\n")
        #expect(result.stdout.hasPrefix("\(example): ok: "))
    }

    @Test func aBillionLaughsFileAndDeepNestingAreRejectedWithExit65() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gapkit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var laughs = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            laughs += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let laughsFile = folder.appendingPathComponent("laughs.yaml")
        try laughs.write(to: laughsFile, atomically: true, encoding: .utf8)
        let deepFile = folder.appendingPathComponent("deep.yaml")
        try (String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).write(to: deepFile, atomically: true, encoding: .utf8)

        let laughsResult = try GapKitBinary.run(["validate", laughsFile.path])
        #expect(laughsResult.status == 65)
        #expect(laughsResult.stderr.contains("\(laughsFile.path):5:"))
        #expect(laughsResult.stderr.contains("error: aliases expand to more than 100000 nodes"))
        let deepResult = try GapKitBinary.run(["validate", deepFile.path])
        #expect(deepResult.status == 65)
        #expect(deepResult.stderr.hasPrefix("\(deepFile.path):1:201: error: nesting is deeper than 200 levels\n"))
    }
}

/// The complete example of questionnaires/SCHEMA.md, written to a temporary file.
enum SchemaExample {
    static func text() throws -> String {
        let schema = try String(contentsOfFile: Paths.inRepository("questionnaires/SCHEMA.md"), encoding: .utf8)
        let section = try #require(schema.components(separatedBy: "## A complete example").last)
        let block = try #require(section.components(separatedBy: "```yaml\n").dropFirst().first)
        return try #require(block.components(separatedBy: "```").first)
    }

    static func write() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("schema-example-\(UUID().uuidString).yaml")
        try text().write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
