import ArgumentParser
import Foundation
import GapKit

struct Assess: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score, plan and write the client gap report (HTML, Markdown, CSV, JSON, Word, Excel) into a folder.",
        discussion: """
            Writes report.html (self-contained, prints to A4), report.md, report.json (score and plan), \
            findings.csv, actions.csv, documents.csv, report.docx and report.xlsx. Each file is written atomically; the same \
            inputs give byte-identical files.
            """
    )

    @OptionGroup var input: AssessmentOptions
    @OptionGroup var planning: PlanningOptions

    @Option(help: "The folder to write the report files into (created if missing).", completion: .directory)
    var out: String

    @Option(help: "Comma-separated formats: html, md, csv, json, docx, xlsx (default: all).", completion: .reportFormats)
    var format: String = "html,md,csv,json,docx,xlsx"

    @Option(help: "A branding file: firm, logo, primary_color, footer.", completion: .yamlFile)
    var brand: String?

    @Option(help: "A folder of report templates (see `gapkit templates export`).", completion: .directory)
    var templates: String?

    @Option(help: "The report's appendix: answers (every answer) or none.")
    var appendix: Appendix = .answers

    enum Appendix: String, ExpressibleByArgument, CaseIterable {
        case answers, none
    }

    func validate() throws {
        _ = try formats()
    }

    func formats() throws -> Set<ReportFormat> {
        var formats = Set<ReportFormat>()
        for name in format.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let format = ReportFormat(rawValue: name) else {
                throw ValidationError("--format \(name): choose from \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            formats.insert(format)
        }
        guard !formats.isEmpty else { throw ValidationError("--format needs at least one format") }
        return formats
    }

    func run() throws {
        let (questionnaire, answers, engagement) = try input.load()
        let planner = try planning.planner(questionnaire, answers: answers, engagement: engagement)
        let files: [(name: String, bytes: [UInt8])]
        do {
            let branding = try brand.map { try Branding.load(file: $0) } ?? .default
            let templates = try self.templates.map { try ReportTemplates.load(directory: $0) } ?? ReportTemplates.builtIn()
            let assessment = Scorer(questionnaire).score(answers)
            let plan = planner.plan(assessment)
            let report = ReportInput(questionnaire: questionnaire, answers: answers, assessment: assessment, plan: plan,
                                     language: input.lang, branding: branding, engagement: engagement,
                                     appendix: appendix == .answers)
            files = try ReportBuilder(report, templates: templates).files(try formats())
            let paths = files.map { (URL(fileURLWithPath: out).appendingPathComponent($0.name).path, $0.bytes) }
            let inputs = [input.questionnaire, input.engagement, brand, self.templates].compactMap { $0 } + input.answers
            try OutputOverlap.check(outputs: paths.map(\.0), inputs: inputs)
            try AtomicFile.createDirectory(out)
            // All files or none: a failure leaves the folder's earlier report as it was.
            try AtomicFile.write(paths)
        } catch let error as ValidationError {
            throw error
        } catch {
            throw report(error)
        }
        for file in files { print(URL(fileURLWithPath: out).appendingPathComponent(file.name).relativePath) }
    }
}
