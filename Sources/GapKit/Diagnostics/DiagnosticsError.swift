/// Problems that make a file unusable, all of them, so a person can fix them in one pass.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var file: SourceFile
    public var diagnostics: [Diagnostic]

    public init(file: SourceFile, diagnostics: [Diagnostic]) {
        self.file = file
        self.diagnostics = diagnostics
    }

    public init(file: SourceFile, _ diagnostic: Diagnostic) {
        self.init(file: file, diagnostics: [diagnostic])
    }

    /// Every diagnostic rendered like a compiler's, sorted by position.
    public var description: String {
        DiagnosticRenderer().render(diagnostics, in: file)
    }
}
