import Foundation
import Testing

/// `gapkit assess`: the committed sample reports are what the README's command produces today.
@Suite struct AssessCommandTests {
    static let questionnaire = Paths.inRepository("questionnaires/iso20000-1-2018.yaml")
    static let answers = Paths.inRepository("examples/acme-answers.yaml")

    /// The sample reports under reports/, and the arguments that make each (as in the README).
    static let samples: [(folder: String, arguments: [String])] = [
        ("reports/acme", ["--engagement", Paths.inRepository("examples/acme-engagement.yaml")]),
        ("reports/acme-zh-Hans", ["--engagement", Paths.inRepository("examples/acme-engagement.yaml"), "--lang", "zh-Hans"]),
        ("reports/huanan", ["--engagement", Paths.inRepository("examples/huanan-engagement.yaml"), "--lang", "zh-Hans"]),
    ]

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gapkit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(arguments: samples.map(\.folder))
    func theCommittedSampleReportIsNotStale(folder: String) throws {
        let arguments = try #require(Self.samples.first { $0.folder == folder }).arguments
        let out = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let answers = folder == "reports/huanan" ? Paths.inRepository("examples/huanan-answers.yaml") : Self.answers
        let result = try GapKitBinary.run(["assess", Self.questionnaire, answers, "--out", out.path] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let committed = Paths.inRepository(folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == ["actions.csv", "documents.csv", "findings.csv", "report.docx", "report.html", "report.json", "report.md",
                          "report.xlsx"])
        for name in names {
            let fresh = FileManager.default.contents(atPath: out.appendingPathComponent(name).path)
            let old = FileManager.default.contents(atPath: committed + "/" + name)
            #expect(fresh == old, "\(folder)/\(name) is stale: run the README's command again and commit the result")
        }
    }

    @Test func aCopiedBinaryWritesReportsOnItsOwn() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("gapkit")
        try FileManager.default.copyItem(at: GapKitBinary.url, to: copy)
        let process = Process()
        process.executableURL = copy
        process.currentDirectoryURL = folder
        process.arguments = ["assess", Self.questionnaire, Self.answers, "--out", "out", "--format", "html,md"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let html = try String(contentsOf: folder.appendingPathComponent("out/report.html"), encoding: .utf8)
        #expect(html.contains("<section id=\"nonconformities\">"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/report.md").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/report.json").path))
    }

    @Test func onlyTheFinishedFilesAreLeftInTheFolder() throws {
        let out = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try GapKitBinary.run(["assess", Self.questionnaire, Self.answers, "--out", out.path, "--format", "json,csv"])
        #expect(result.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["actions.csv", "documents.csv", "findings.csv", "report.json"])
    }

    @Test func badFormatsBrandsAndTemplatesAreReported() throws {
        let out = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let format = try GapKitBinary.run(["assess", Self.questionnaire, Self.answers, "--out", out.path, "--format", "html,pdf"])
        #expect(format.status == 64)
        #expect(format.stderr.contains("--format pdf: choose from html, md, csv, json"))

        let brand = out.appendingPathComponent("brand.yaml").path
        try "firm: Pearl River\nprimary_colour: \"#123456\"\nlogo: missing.png\n".write(toFile: brand, atomically: true, encoding: .utf8)
        let branded = try GapKitBinary.run(["assess", Self.questionnaire, Self.answers, "--out", out.path, "--brand", brand])
        #expect(branded.status == 65)
        #expect(branded.stderr.contains("\(brand):2:1: error: unknown key 'primary_colour' in the branding file; did you mean 'primary_color'?"))
        #expect(branded.stderr.contains("\(brand):3:7: error: logo 'missing.png': no such file"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["brand.yaml"], "nothing is written when an input is bad")

        let templates = try GapKitBinary.run(["templates", "export", out.appendingPathComponent("t").path])
        #expect(templates.status == 0)
        #expect(templates.stdout.contains("report.html.mustache"))
        let again = try GapKitBinary.run(["templates", "export", out.appendingPathComponent("t").path])
        #expect(again.status == 73, "a consultant's templates are not overwritten")
        #expect(again.stderr.contains("a template is already there (use --force to replace the templates)"))
        #expect(try GapKitBinary.run(["templates", "export", "--force", out.appendingPathComponent("t").path]).status == 0)
    }

    @Test func anOutputFolderThatCannotBeMadeIsReportedPlainly() throws {
        let out = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let file = out.appendingPathComponent("a-file").path
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        let result = try GapKitBinary.run(["assess", Self.questionnaire, Self.answers, "--out", file + "/sub"])
        #expect(result.status == 73)
        #expect(result.stderr == "\(file): error: cannot write the file: it is a file, not a folder\n")
    }

    /// One file that cannot be written leaves the whole earlier report in place, not a mix of two.
    @Test func aFailedWriteLeavesTheEarlierReportWhole() throws {
        let out = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(try GapKitBinary.run(["assess", Self.questionnaire, Self.answers, "--out", out.path, "--format", "md,csv"]).status == 0)
        let before = try String(contentsOfFile: out.appendingPathComponent("report.md").path, encoding: .utf8)
        try FileManager.default.createDirectory(at: out.appendingPathComponent("report.json"), withIntermediateDirectories: false)
        let result = try GapKitBinary.run(["assess", Self.questionnaire, Self.answers, "--out", out.path, "--lang", "zh-Hans"])
        #expect(result.status == 73)
        #expect(try String(contentsOfFile: out.appendingPathComponent("report.md").path, encoding: .utf8) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
                == ["actions.csv", "documents.csv", "findings.csv", "report.json", "report.md"], "no temporary file is left")
    }
}
