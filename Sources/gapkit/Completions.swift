import ArgumentParser
import GapKit

/// What the shells complete for gapkit's arguments (`gapkit --generate-completion-script bash|zsh|fish`).
/// Every argument that names a file or folder completes file names; every option with a fixed set
/// of values completes them. `CompletionTests` checks that no argument is left without a choice.
extension CompletionKind {
    /// A questionnaire, a brand, map or engagement file: YAML.
    static var yamlFile: CompletionKind { .file(extensions: ["yaml", "yml"]) }
    /// An answer file: YAML or JSON.
    static var answerFile: CompletionKind { .file(extensions: ["yaml", "yml", "json"]) }
    /// The languages of GapKit's own texts.
    static var languages: CompletionKind { .list(StringTables.languages) }
    /// The formats `gapkit assess` writes (comma-separated on the command line).
    static var reportFormats: CompletionKind { .list(ReportFormat.allCases.map(\.rawValue)) }
}
