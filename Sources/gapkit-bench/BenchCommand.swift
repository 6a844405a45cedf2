import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gapkit-bench",
        abstract: "Benchmarks of gapkit on generated data.",
        subcommands: [BatchBench.self, XLSXBench.self]
    )
}

/// Generates a survey CSV of N respondents over a questionnaire and times `gapkit batch` on it.
struct BatchBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Time gapkit batch on a generated survey export: MB/s, rows/s, peak memory."
    )

    @Option(help: "Respondents (rows) to generate.")
    var respondents = 1_000_000

    @Option(help: "Seed of the answers.")
    var seed: UInt64 = 2026

    @Option(help: "The questionnaire.")
    var questionnaire = "questionnaires/iso20000-1-2018.yaml"

    @Option(help: "Times to run gapkit batch on the file.")
    var runs = 3

    @Option(help: "Where to write the CSV and results (default: a temporary folder, removed after).")
    var folder: String?

    func validate() throws {
        guard respondents >= 1, runs >= 1 else { throw ValidationError("--respondents and --runs must be at least 1") }
    }

    func run() throws {
        let directory = folder ?? FileManager.default.temporaryDirectory.appendingPathComponent("gapkit-bench-\(getpid())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { if folder == nil { try? FileManager.default.removeItem(atPath: directory) } }
        let csv = directory + "/survey.csv"
        let ids = try SurveyGenerator(questionnairePath: questionnaire).questionIds()
        let started = Date()
        let bytes = try SurveyGenerator(questionnairePath: questionnaire).write(respondents: respondents, questions: ids, seed: seed, to: csv)
        print("generated \(respondents) respondents × \(ids.count) questions: \(bytes) bytes in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        let gapkit = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gapkit").path
        for variant in [["--format", "json"], ["--format", "json,csv,html"]] {
            for run in 1...runs {
                let out = directory + "/out"
                let (seconds, peak, status) = try measure(gapkit, ["batch", questionnaire, csv, "--group-by", "Department", "--out", out] + variant)
                guard status == 0 else { throw ValidationError("gapkit batch exited with status \(status)") }
                let megabytes = Double(bytes) / 1_000_000
                print(String(format: "run %d %@: %.2f s, %.1f MB/s, %.0f rows/s, peak memory %.1f MB",
                             run, variant[1], seconds, megabytes / seconds, Double(respondents) / seconds, Double(peak) / 1024))
            }
        }
    }

    /// Runs a command; returns wall seconds, peak resident memory in KiB and the exit status.
    /// posix_spawn and wait4, not Process: Foundation would reap the child and lose its usage.
    func measure(_ executable: String, _ arguments: [String]) throws -> (Double, Int, Int32) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let started = Date()
        guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else {
            throw ValidationError("cannot run \(executable)")
        }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        return (Date().timeIntervalSince(started), usage.ru_maxrss, (status >> 8) & 0xFF)
    }
}

/// A realistic survey export: an id, a department, a site, a timestamp, then one column per question
/// headed `[ID] text`, answered with seeded random values (a few empty, N/A or quoted with a comma).
struct SurveyGenerator {
    let questionnairePath: String

    /// Question ids and scales from the questionnaire, read as text (the benchmark does not link GapKit).
    func questionIds() throws -> [(id: String, kind: Kind)] {
        let text = try String(contentsOfFile: questionnairePath, encoding: .utf8)
        var result: [(id: String, kind: Kind)] = []
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("- id: Q-") { result.append((String(trimmed.dropFirst(6)), .ypn)) }
            if trimmed == "scale: maturity", !result.isEmpty { result[result.count - 1].kind = .maturity }
            if trimmed == "scale: ypn-na", !result.isEmpty { result[result.count - 1].kind = .allowsNA }
        }
        return result
    }

    enum Kind { case ypn, allowsNA, maturity }

    /// Answers: 3 % empty, 1 % the yes label (quoted, it holds a comma), N/A where the scale allows it,
    /// 0.1 % not an answer ("maybe"), the rest a random option value.
    func write(respondents: Int, questions: [(id: String, kind: Kind)], seed: UInt64, to path: String) throws -> Int {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw ValidationError("cannot write \(path)")
        }
        defer { try? handle.close() }
        var random = SplitMix64(seed: seed)
        var buffer: [UInt8] = [0xEF, 0xBB, 0xBF]
        var header = "Respondent ID,Department,Site,Submitted"
        for question in questions { header += ",\"[\(question.id)] Is this requirement met, in full?\"" }
        buffer += Array((header + "\r\n").utf8)
        let departments = ["IT Operations", "Service Desk", "Infrastructure", "Security", "Development", "Finance", "HR", "Sales"]
        let sites = ["Guangzhou", "Shenzhen", "Shanghai", "Beijing"]
        let ypn = Array(["yes", "partial", "no"].map { Array($0.utf8) }), maturity = (0...5).map { Array(String($0).utf8) }
        // The yes label, quoted because it holds a comma, as survey tools export choice labels.
        let yesLabel = Array("\"Yes – fully in place, with evidence\"".utf8)
        var written = 0
        for row in 1...max(respondents, 1) {
            buffer += Array("R\(row),\(departments[Int(random.next() % 8)]),\(sites[Int(random.next() % 4)]),2026-11-\(10 + row % 10) 09:30".utf8)
            for question in questions {
                buffer.append(0x2C)
                let roll = random.next() % 1000
                if roll < 30 { continue }
                if roll < 40, question.kind != .maturity { buffer += yesLabel; continue }
                if roll < 41 { buffer += Array("maybe".utf8); continue }
                if roll < 100, question.kind == .allowsNA { buffer += Array("N/A".utf8); continue }
                let values = question.kind == .maturity ? maturity : ypn
                buffer += values[Int(random.next() % UInt64(values.count))]
            }
            buffer += [0x0D, 0x0A]
            if buffer.count > 8 << 20 {
                try handle.write(contentsOf: buffer)
                written += buffer.count
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
        return written + buffer.count
    }
}

struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
