import Foundation
import Testing

/// No `try!`, `as!`, `fatalError` or force unwrap in Sources/ can be reached by what comes from a
/// file or a person. The scan strips comments and string literals, then finds every postfix `!`
/// (one right after a name, `)`, `]` or `>` and not part of `!=`). Each one left is listed in
/// `allowed` with the reason it cannot fail; a new one fails this test until it is rewritten
/// (`guard let`, `??`, a thrown error) or listed with its reason.
@Suite struct SourceSafetyTests {
    struct Finding: Hashable, CustomStringConvertible {
        var file: String
        var line: Int
        var code: String
        var description: String { "\(file):\(line): \(code)" }
    }

    /// (file under Sources/, a piece of the line) → why the `!` cannot fail.
    static let allowed: [(file: String, code: String, reason: String)] = [
        ("GapKit/Answers/AnswerMerger.swift", "by.isEmpty ? note! :", "`noted` keeps only the answers whose note is not nil"),
        ("gapkit-bench/XLSXBench.swift", "shared: index[header]!", "the benchmark's own shared-string table holds every header it writes"),
        ("gapkit-bench/XLSXBench.swift", "shared: index[departments[", "the benchmark's own shared-string table holds every department"),
        ("gapkit-bench/XLSXBench.swift", "shared: index[answer]!", "the benchmark's own shared-string table holds every answer it picks"),
        ("GapKit/Batch/BatchResult.swift", "stat.stdev! >=", "set on the line before"),
        ("GapKit/Batch/CSVReader.swift", "UnsafeRawPointer(rawBytes.baseAddress!)", "guarded by count > 0 just above"),
        ("GapKit/Batch/CSVReader.swift", "src.baseAddress! + pos", "inside `if n > 0`: the array is not empty"),
        ("GapKit/Batch/CellMatcher.swift", "memcmp($0.baseAddress!, bytes.baseAddress!", "cells of more than 8 bytes only; equal counts checked first"),
        ("GapKit/Batch/CohortComparison.swift", "qualifying.max()! - qualifying.min()!", "guarded by qualifying.count >= 2"),
        ("GapKit/Batch/UTF16Transcoder.swift", "try read($0.baseAddress!, want)", "a buffer the transcoder allocated with a non-zero size"),
        ("GapKit/Batch/UTF16Transcoder.swift", "$0.baseAddress! + handedOut", "only called while handedOut < out.count"),
        ("GapKit/Diagnostics/DiagnosticRenderer.swift", "longLines[position.line]!", "stored on the line before when missing"),
        ("GapKit/Interview/InterviewSession.swift", "Int(argument!.dropFirst())!", "the case's `where` checked that the argument exists and parses"),
        ("GapKit/LineEditing/LineEditor.swift", "joined.first!", "guarded by joined.count == 1"),
        ("GapKit/Planning/Planner.swift", "severity[$0.id]!", "the tables are built from the same needed actions"),
        ("GapKit/Planning/Planner.swift", "benefit[action.id]!", "the tables are built from the same needed actions"),
        ("GapKit/Planning/Planner.swift", "linkedBy[action.id]!", "the tables are built from the same needed actions"),
        ("GapKit/Planning/Scheduler.swift", "end[$0]!", "steps are placed in dependency order: what a step waits for has an end"),
        ("GapKit/Questionnaire/QuestionnaireReader+Checks.swift", "path.lastIndex(of: target)!", "a cycle is reported only when target is on the path"),
        ("GapKit/Scoring/Assessment.swift", "allCases.firstIndex(of: a)!", "a case of the enum is in its allCases"),
        ("GapKit/Scoring/AssessmentText.swift", "result.finding!.rawValue", "only results filtered on finding != nil"),
        ("GapKit/Support/AtomicFile.swift", "buffer.baseAddress! + written", "only inside `while written < bytes.count`: not empty"),
    ]

    /// Every `try!`, `as!`, `fatalError(` and postfix `!` of Sources/.
    static func scan() throws -> [Finding] {
        let sources = Repository.root.appendingPathComponent("Sources")
        var findings: [Finding] = []
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        for file in files.sorted() {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for (index, line) in codeLines(text).enumerated() {
                if isHit(line.code) {
                    findings.append(Finding(file: file, line: index + 1, code: line.original.trimmingCharacters(in: .whitespaces)))
                }
            }
        }
        return findings
    }

    /// Whether a line of code (comments and strings blanked) holds `fatalError(` or a postfix `!`.
    static func isHit(_ line: String) -> Bool {
        let code = Array(line)
        return line.contains("fatalError(") || code.indices.dropFirst().contains { i in
            code[i] == "!" && (i + 1 == code.count || code[i + 1] != "=")
                && (code[i - 1].isLetter || code[i - 1].isNumber || "_)]>".contains(code[i - 1]))
        }
    }

    /// The lines of a Swift file with comments and string literals blanked out (line numbers kept).
    static func codeLines(_ text: String) -> [(original: String, code: String)] {
        var code = "", inString = false, multiline = false, blockComment = 0, lineComment = false
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i], next = i + 1 < chars.count ? chars[i + 1] : " "
            if c == "\n" { lineComment = false; if inString && !multiline { inString = false }; code.append(c); i += 1; continue }
            if lineComment { i += 1; continue }
            if blockComment > 0 {
                if c == "*" && next == "/" { blockComment -= 1; i += 2 } else if c == "/" && next == "*" { blockComment += 1; i += 2 } else { i += 1 }
                continue
            }
            if inString {
                if c == "\\" { i += 2; continue }
                if multiline, c == "\"", next == "\"", i + 2 < chars.count, chars[i + 2] == "\"" { inString = false; i += 3; code += "\"\""; continue }
                if !multiline && c == "\"" { inString = false; code.append(c) }
                i += 1
                continue
            }
            if c == "/" && next == "/" { lineComment = true; i += 2; continue }
            if c == "/" && next == "*" { blockComment = 1; i += 2; continue }
            if c == "\"" {
                multiline = next == "\"" && i + 2 < chars.count && chars[i + 2] == "\""
                inString = true
                code.append(c)
                i += multiline ? 3 : 1
                continue
            }
            code.append(c)
            i += 1
        }
        return zip(text.components(separatedBy: "\n"), code.components(separatedBy: "\n")).map { ($0, $1) }
    }

    @Test func everyForceUnwrapTryOrFatalErrorInSourcesIsListedWithWhyItCannotFail() throws {
        let findings = try Self.scan()
        let unlisted = findings.filter { finding in !Self.allowed.contains { finding.file == $0.file && finding.code.contains($0.code) } }
        #expect(unlisted.map(\.description) == [],
                "rewrite these without `!` (guard let, ??, a thrown error) or list them in SourceSafetyTests.allowed with the reason they cannot fail")
        let stale = Self.allowed.filter { entry in !findings.contains { $0.file == entry.file && $0.code.contains(entry.code) } }
        #expect(stale.map { "\($0.file): \($0.code)" } == [], "listed but no longer in Sources: remove from `allowed`")
    }

    @Test(arguments: [
        ("let a = b!", true), ("if a != b { }", false), ("let x = try! f()", true), ("let y = z as! Int", true),
        ("guard !done else { }", false), ("print(\"wow!\")", false), ("// really!", false), ("fatalError(\"x\")", true),
        ("let s = \"\"\"\nhey!\n\"\"\"", false), ("f(a[0]!)", true), ("let v: Int! = nil", true),
    ])
    func theScanFindsWhatItShould(source: String, found: Bool) throws {
        #expect(Self.codeLines(source).contains { Self.isHit($0.code) } == found, "\(source)")
    }
}
