import Foundation
import Mustache

/// The mustache layouts of the HTML and Markdown reports: the defaults, or a consultant's own.
public struct ReportTemplates: Sendable {
    let html: MustacheTemplate
    let markdown: MustacheTemplate
    let batch: MustacheTemplate
    /// Partials the templates include: `style` (the shared CSS).
    let library: MustacheLibrary

    init(html: MustacheTemplate, markdown: MustacheTemplate, batch: MustacheTemplate, style: MustacheTemplate) {
        self.html = html
        self.markdown = markdown
        self.batch = batch
        var library = MustacheLibrary()
        library.register(style, named: "style")
        self.library = library
    }

    /// The templates compiled into GapKit.
    public static func builtIn() throws -> ReportTemplates {
        try ReportTemplates(html: parse(DefaultTemplates.html, name: "report.html.mustache"),
                            markdown: parse(DefaultTemplates.markdown, name: "report.md.mustache"),
                            batch: parse(DefaultTemplates.batchHTML, name: "batch.html.mustache"),
                            style: parse(DefaultTemplates.style, name: "style.css", partial: "style"))
    }

    /// The templates in `directory` (those `templates export` writes); a missing one is the default.
    public static func load(directory: String) throws -> ReportTemplates {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError(path: directory, reason: .notFound)
        }
        func template(_ name: String, _ fallback: String, partial: String? = nil) throws -> MustacheTemplate {
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            guard FileManager.default.fileExists(atPath: path) else { return try parse(fallback, name: name, partial: partial) }
            let bytes = try InputFile.read(path, maxSize: TemplateCheck.maxBytes)
            guard let text = String(bytes: bytes, encoding: .utf8) else {
                throw DiagnosticsError(file: SourceFile(path: path, text: ""), .error("the template is not UTF-8 text", at: nil))
            }
            return try parse(text, name: path, partial: partial)
        }
        return try ReportTemplates(html: template("report.html.mustache", DefaultTemplates.html),
                                   markdown: template("report.md.mustache", DefaultTemplates.markdown),
                                   batch: template("batch.html.mustache", DefaultTemplates.batchHTML),
                                   style: template("style.css", DefaultTemplates.style, partial: "style"))
    }

    /// Writes the default templates into `directory`, for a consultant to adapt.
    /// Writes the default templates into `directory`. Templates already there are a consultant's
    /// work: they are replaced only with `overwrite`.
    public static func export(to directory: String, overwrite: Bool = false) throws(OutputError) {
        try AtomicFile.createDirectory(directory)
        let files = DefaultTemplates.all.map { (URL(fileURLWithPath: directory).appendingPathComponent($0.name).path, Array($0.text.utf8)) }
        if !overwrite, let existing = files.first(where: { FileManager.default.fileExists(atPath: $0.0) }) {
            throw OutputError(path: existing.0, reason: "a template is already there (use --force to replace the templates)")
        }
        try AtomicFile.write(files)
    }

    /// Parses a template after `TemplateCheck` has found it within bounds. `partial` is the name
    /// under which the library registers it: a partial may not include itself.
    static func parse(_ text: String, name: String, partial: String? = nil) throws -> MustacheTemplate {
        MarkdownContentType.register
        let check = TemplateCheck(text)
        var problems = check.problems
        if let partial {
            // The library holds this one partial, so it loops exactly when it includes itself.
            for inclusion in check.inclusions where inclusion.name == partial {
                problems.append(.error("the partial '\(partial)' includes itself, so it would never finish", at: inclusion.position))
            }
        }
        guard problems.isEmpty else { throw DiagnosticsError(file: SourceFile(path: name, text: text), diagnostics: problems) }
        do {
            return try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            let position = SourcePosition(line: error.context.lineNumber, column: error.context.columnNumber)
            throw DiagnosticsError(file: SourceFile(path: name, text: text), .error("invalid template: \(error.error)", at: position))
        }
    }
}

/// Escapes text for Markdown, so client text cannot add emphasis, links, HTML or break a table.
struct MarkdownContentType: MustacheContentType {
    /// Registers the `MARKDOWN` content type with swift-mustache, once.
    static let register: Void = MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")

    static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "!", "~"]

    func escapeText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "\n", "\r", "\r\n": out.append(" ")
            case _ where Self.special.contains(character): out.append("\\"); out.append(character)
            default: out.append(character)
            }
        }
        return out
    }
}
