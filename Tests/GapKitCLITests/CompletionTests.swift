import Foundation
import Testing

/// Shell completion: every argument that names a file or folder completes file names, every option
/// with a fixed set of values completes them, and the scripts the three shells load are generated.
@Suite struct CompletionTests {
    /// Arguments whose values are free (a name, a number, a date, a column): no completion to offer.
    /// A new option either declares `completion:` (Sources/gapkit/Completions.swift) or is listed here.
    static let freeValues: Set<String> = [
        "clause", "clauses",                         // clause ids of the questionnaire
        "respondent", "interviewee", "role",         // people
        "start", "capacity", "owner-capacity",       // a date, a number, ROLE=number
        "id-column", "group-by", "reference-group",  // columns of the survey export
        "group-column", "groups", "sheet",           // a column and its values, a worksheet name
        "min-group", "spread", "stdev",              // numbers
        "disagreement-min", "disagreement-spread",   // numbers
    ]

    struct Argument: CustomStringConvertible {
        var command: String
        var name: String
        var help: String
        var completion: [String: Any]?
        var description: String { "\(command) \(name)" }
    }

    /// The value-taking arguments of every subcommand, from `gapkit --experimental-dump-help`.
    static func arguments() throws -> [Argument] {
        let result = try GapKitBinary.run(["--experimental-dump-help"])
        try #require(result.status == 0, "\(result.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        var found: [Argument] = []
        func walk(_ command: [String: Any], _ path: String) {
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["kind"] as? String != "flag" {
                let name = (argument["preferredName"] as? [String: Any])?["name"] as? String ?? argument["valueName"] as? String ?? "?"
                found.append(Argument(command: path, name: name, help: argument["abstract"] as? String ?? "",
                                      completion: argument["completionKind"] as? [String: Any]))
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] where sub["commandName"] as? String != "help" {
                walk(sub, path + " " + (sub["commandName"] as? String ?? "?"))
            }
        }
        walk(try #require(root["command"] as? [String: Any]), "gapkit")
        return found
    }

    @Test func everyArgumentDeclaresHowItCompletesOrIsAFreeValue() throws {
        let arguments = try Self.arguments()
        #expect(arguments.count > 30)
        let undeclared = arguments.filter { $0.completion == nil && !Self.freeValues.contains($0.name) }
        #expect(undeclared.map(\.description) == [], "declare `completion:` on these (or list them in freeValues)")
    }

    @Test func everyArgumentThatNamesAFileOrFolderCompletesFileNames() throws {
        // A help text that mentions a file or folder, unless the value is one of a fixed list
        // (`--date`: "… recorded in a new answer file … or 'today'").
        let paths = try Self.arguments().filter { argument in
            ["file", "folder", "directory"].contains { argument.help.lowercased().contains($0) }
                && !Self.freeValues.contains(argument.name) && argument.completion?["list"] == nil
        }
        #expect(paths.count >= 15)
        let notPaths = paths.filter { argument in
            !(argument.completion?.keys.contains { $0 == "file" || $0 == "directory" } ?? false)
        }
        #expect(notPaths.map(\.description) == [])
    }

    @Test(arguments: [
        ("gapkit assess", "lang", ["en", "zh-Hans"]),
        ("gapkit assess", "format", ["html", "md", "csv", "json"]),
        ("gapkit batch", "aggregate", ["mean", "median", "min"]),
        ("gapkit batch", "format", ["json", "csv", "html"]),
        ("gapkit score", "format", ["text", "json"]),
    ])
    func optionsWithFixedValuesCompleteThem(command: String, name: String, values: [String]) throws {
        let argument = try #require(try Self.arguments().first { $0.command == command && $0.name == name })
        let list = (argument.completion?["list"] as? [String: Any])?["values"] as? [String]
        #expect(Set(list ?? []).isSuperset(of: values), "\(argument): \(list ?? [])")
    }

    /// The scripts the release archive ships: bash completes file names for a file argument (the
    /// script ArgumentParser writes for an argument without a kind offers nothing at all).
    @Test(arguments: ["bash", "zsh", "fish"])
    func theCompletionScriptIsGenerated(shell: String) throws {
        let result = try GapKitBinary.run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        #expect(result.stdout.contains("assess") && result.stdout.contains("zh-Hans"))
        #expect(result.stdout.contains("mean") && result.stdout.contains("median"))
        if shell == "bash" {
            let assess = result.stdout.components(separatedBy: "_gapkit_assess()").dropFirst().first ?? ""
            let section = assess.components(separatedBy: "\n}").first ?? ""
            #expect(section.contains("'--out')\n        __gapkit_add_completions -d"), "--out completes folders")
            #expect(section.contains("-fX '!*.@(yaml|yml)'"), "the questionnaire completes YAML file names")
        }
    }
}
