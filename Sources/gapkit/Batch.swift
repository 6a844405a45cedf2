import ArgumentParser
import Foundation
import GapKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score survey exports: many respondents, per group, with the questions people disagree on.",
        discussion: """
            RESPONSES are CSV exports (UTF-8 with or without BOM, UTF-16 with BOM; comma, semicolon or tab), \
            Excel workbooks (.xlsx: the first sheet or --sheet), \
            JSON Lines files (.jsonl) or folders of answer files. A header matches a question when it is the \
            question id or holds it in square brackets; --map maps other headers and answer texts. Rejected \
            cells go to rejects.csv (with --out, or the file --rejects names) and a summary on standard error; the rest of the row is scored. \
            With --out, writes batch.json, groups.csv, respondents.csv, rejects.csv and batch.html; without, \
            prints the JSON.
            """
    )

    @Argument(help: "The questionnaire YAML file.", completion: .yamlFile)
    var questionnaire: String

    @Argument(help: "Survey exports: CSV files, .xlsx workbooks, JSON Lines files or folders of answer files.", completion: .file())
    var responses: [String]

    @Option(help: "A mapping file: columns → question ids, answer texts → option values.", completion: .yamlFile)
    var map: String?

    @Option(name: .customLong("id-column"), help: "The column that identifies a respondent (default: one named like 'Respondent ID').")
    var idColumn: String?

    @Option(name: .customLong("group-by"), help: "A column to group respondents by; repeat for several.")
    var groupBy: [String] = []

    @Option(help: "The question score used for clause and area scores: mean, median or min.", completion: .list(BatchOptions.Aggregate.allCases.map(\.rawValue)))
    var aggregate: String = "mean"

    @Option(help: "Field delimiter: , ; tab (default: an Excel sep= line, or detected from the first lines).", completion: .list([",", ";", "tab"]))
    var delimiter: String?

    @Option(name: .customLong("min-group"), help: "Answers a group needs on a question to count in the disagreement rules (default 5).")
    var minGroup = 5

    @Option(help: "Departments disagree when group means span at least this much (default 0.3).")
    var spread = 0.3

    @Option(help: "People in a group disagree when their scores' standard deviation is at least this (default 0.35).")
    var stdev = 0.35

    @Option(name: .customLong("reference-group"), help: "COLUMN=VALUE: compare every group with this one (e.g. Role=Management).")
    var referenceGroup: String?

    @Option(name: .customLong("group-map"), help: "A YAML file of group names and their synonyms to merge.", completion: .file())
    var groupMap: String?

    @Option(help: "The worksheet to read in .xlsx inputs (default: the first).")
    var sheet: String?

    @Option(help: "The folder to write the results into.", completion: .directory)
    var out: String?

    @Option(help: "Write every rejected cell to this CSV file (default: rejects.csv in --out).", completion: .file(extensions: ["csv"]))
    var rejects: String?

    @Option(help: "Comma-separated formats: json, csv, html (default: all with --out, json without).", completion: .list(["json", "csv", "html"]))
    var format: String?

    @Flag(help: "Exit with status 65 when any cell is rejected or a respondent id repeats.")
    var strict = false

    @Option(help: "Language of the HTML report (default: the questionnaire's first language).", completion: .languages)
    var lang: String?

    func validate() throws {
        guard BatchOptions.Aggregate(rawValue: aggregate) != nil else { throw ValidationError("--aggregate must be mean, median or min") }
        if let delimiter, parsedDelimiter(delimiter) == nil { throw ValidationError("--delimiter must be ',', ';' or 'tab'") }
        guard minGroup >= 1 else { throw ValidationError("--min-group must be at least 1") }
        guard (0...1).contains(spread) else { throw ValidationError("--spread must be between 0 and 1") }
        guard (0...0.5).contains(stdev) else { throw ValidationError("--stdev must be between 0 and 0.5 (the largest a score from 0 to 1 can have)") }
        if let referenceGroup {
            guard let (column, _) = parsedReference(referenceGroup) else {
                throw ValidationError("--reference-group must be COLUMN=VALUE, e.g. Role=Management")
            }
            guard groupBy.contains(column) else {
                throw ValidationError("--reference-group \(column)=…: '\(column)' must also be a --group-by column")
            }
        }
        _ = try formats()
    }

    func parsedReference(_ text: String) -> (String, String)? {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        let column = String(text[..<equals]), value = String(text[text.index(after: equals)...])
        return column.isEmpty || value.isEmpty ? nil : (column, value)
    }

    func parsedDelimiter(_ text: String) -> UInt8? {
        switch text {
        case ",": return 0x2C
        case ";": return 0x3B
        case "tab", "\\t", "\t": return 0x09
        default: return nil
        }
    }

    func formats() throws -> Set<String> {
        let names = Set((format ?? (out == nil ? "json" : "json,csv,html")).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        for name in names where !["json", "csv", "html"].contains(name) { throw ValidationError("--format \(name): choose from json, csv, html") }
        if out == nil, names != ["json"] { throw ValidationError("--format \(names.sorted().joined(separator: ",")) needs --out") }
        return names
    }

    func run() throws {
        let questionnaire: Questionnaire
        var options = BatchOptions()
        do {
            questionnaire = try QuestionnaireLoader().load(file: self.questionnaire).questionnaire
            if let map { options.map = try ColumnMap.load(file: map, questionnaire: questionnaire) }
            if let groupMap { options.groupMap = try GroupMap.load(file: groupMap) }
        } catch {
            throw report(error)
        }
        options.idColumn = idColumn
        options.groupBy = groupBy
        options.aggregate = BatchOptions.Aggregate(rawValue: aggregate) ?? .mean
        options.delimiter = delimiter.flatMap(parsedDelimiter)
        options.sheet = sheet
        options.minGroup = minGroup
        options.spread = spread
        options.stdev = stdev
        options.referenceGroup = referenceGroup.flatMap(parsedReference)
        let formats = try formats()

        let runner: BatchRunner
        do {
            let outputs = (out.map { out in Self.outputNames.map { URL(fileURLWithPath: out).appendingPathComponent($0).path } } ?? [])
                + [rejectsPath].compactMap { $0 }
            try OutputOverlap.check(outputs: outputs, inputs: [self.questionnaire, map, groupMap].compactMap { $0 } + responses)
            if let out { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) }
            let path = { (name: String) in URL(fileURLWithPath: out ?? ".").appendingPathComponent(name).path }
            runner = try BatchRunner(questionnaire: questionnaire, options: options,
                                     respondents: formats.contains("csv") ? StagedFile(path: path("respondents.csv")) : nil,
                                     rejects: rejectsPath.map(StagedFile.init))
        } catch {
            throw report(error)
        }
        StagedFileCleanup.removeOnSignal(runner.stagedFiles)
        let bar = ProgressBar()
        runner.progress = bar.update
        runner.onWarning = { Terminal.printError($0) }
        let result: BatchResult
        do {
            for input in responses { try runner.read(input) }
            result = try runner.finish(commit: false)
        } catch {
            runner.discard()
            bar.clear()
            throw report(error)
        }
        bar.clear()
        summarise(runner)
        do {
            // Everything is made in memory first, then written with respondents.csv and rejects.csv
            // as one set: a failure leaves the earlier set as it was (issue 12, finding 16).
            var files: [(path: String, bytes: [UInt8])] = []
            if let out {
                let path = { (name: String) in URL(fileURLWithPath: out).appendingPathComponent(name).path }
                if formats.contains("json") { files.append((path("batch.json"), Array(JSONWriter().string(result.json).utf8))) }
                if formats.contains("csv") {
                    files.append((path("groups.csv"), result.groupsCSV(areas: questionnaire.areas.map(\.id))))
                    files.append((path("by_group.csv"), result.byGroupCSV()))
                }
                if formats.contains("html") {
                    let html = try BatchReport(questionnaire: questionnaire, result: result, language: lang).html()
                    files.append((path("batch.html"), Array(html.utf8)))
                }
            }
            try AtomicFile.write(files, with: runner.streamedOutputs)
            if out == nil { print(JSONWriter().string(result.json), terminator: "") }
        } catch {
            runner.discard()
            throw report(error)
        }
        if strict, result.rejectedCells > 0 || result.duplicateIds > 0 { throw ExitStatus.dataError }
    }

    /// Every file `--out` may receive.
    static let outputNames = ["batch.json", "groups.csv", "by_group.csv", "respondents.csv", "rejects.csv", "batch.html"]

    /// Where rejected cells are written: `--rejects`, else rejects.csv in `--out`, else nowhere.
    var rejectsPath: String? {
        rejects ?? out.map { URL(fileURLWithPath: $0).appendingPathComponent("rejects.csv").path }
    }

    static let shownReasons = 10

    /// What was read, the ten most frequent kinds of rejected cell, and merged groups, on standard error.
    private func summarise(_ runner: BatchRunner) {
        var lines = ["batch: \(runner.respondents) respondents, \(runner.rejectedCells) rejected cells, \(runner.duplicateCount) repeated ids"]
        if !runner.unmatchedColumns.isEmpty {
            let shown = runner.unmatchedColumns.prefix(Self.shownReasons).map { "'\($0)'" }.joined(separator: ", ")
            let more = runner.unmatchedColumns.count > Self.shownReasons ? " and \(runner.unmatchedColumns.count - Self.shownReasons) more" : ""
            lines.append("columns that match no question (ignored): " + shown + more)
        }
        // The most frequent reasons first, at most ten, then how many more.
        let reasons = runner.rejectsByReason.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }
        for (key, value) in reasons.prefix(Self.shownReasons) {
            // Column (a question by its id) and reason; a whole line or file that was rejected has no column.
            let parts = key.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let (column, reason) = (parts[0], parts.count > 1 ? parts[1] : "")
            lines.append("rejected: \(value.count) × " + (column.isEmpty ? "" : "\(column): ") + "\(reason) (first in \(value.firstRow))")
        }
        if reasons.count > Self.shownReasons {
            let rest = reasons.dropFirst(Self.shownReasons).reduce(0) { $0 + $1.value.count }
            lines.append("rejected: \(rest) more cells for \(reasons.count - Self.shownReasons) other reasons (\(reasons.count) reasons in all)")
        }
        lines += runner.mergedGroupWarnings
        if !runner.duplicateIds.isEmpty { lines.append("repeated respondent ids: " + runner.duplicateIds.joined(separator: ", ")) }
        if runner.rejectedCells > 0 {
            lines.append(rejectsPath.map { "every rejected cell is listed in \($0)" } ?? "to list every rejected cell, add --rejects FILE or --out DIR")
        }
        Terminal.printError(lines.joined(separator: "\n"))
    }
}

/// A progress bar on standard error, only when it is a terminal and the input is large.
final class ProgressBar: @unchecked Sendable {
    private let enabled = isatty(STDERR_FILENO) == 1
    private var shown = false
    private let start = Date()

    func update(_ done: Int, _ total: Int) {
        guard enabled, total > 50 << 20 else { return }
        let fraction = min(1, Double(done) / Double(max(total, 1)))
        let filled = Int(fraction * 30)
        let rate = Double(done) / max(Date().timeIntervalSince(start), 0.001) / 1_000_000
        Terminal.printError("\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: 30 - filled)
            + "] \(Int(fraction * 100))% \(Int(rate)) MB/s", terminator: "")
        shown = true
    }

    func clear() {
        if shown { Terminal.printError("\r" + String(repeating: " ", count: 60) + "\r", terminator: "") }
    }
}

/// Removes the temporary files of outputs being written when the run is interrupted (Ctrl-C, or
/// SIGTERM), so no `.rejects.csv.tmp-PID` is left behind; exits 130 or 143 as a shell would.
enum StagedFileCleanup {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func removeOnSignal(_ paths: [String]) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                for path in paths { unlink(path) }
                exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }
}
