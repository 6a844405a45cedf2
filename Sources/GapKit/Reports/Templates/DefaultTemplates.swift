/// The report layouts GapKit ships: the files of Sources/GapKit/Resources/templates, compiled into
/// the binary (SwiftPM `.embedInCode`) so a copied `gapkit` works alone.
///
/// `gapkit templates export DIR` writes them out for a consultant to adapt; `--templates DIR`
/// reads the adapted ones (a file missing there falls back to the default).
public enum DefaultTemplates {
    /// report.html.mustache: one self-contained XHTML page; prints to A4 with a page per section.
    public static let html = String(decoding: PackageResources.report_html_mustache, as: UTF8.self)
    /// report.md.mustache: the same report in Markdown.
    public static let markdown = String(decoding: PackageResources.report_md_mustache, as: UTF8.self)
    /// batch.html.mustache: the cohort report of `gapkit batch`, in the gap report's style.
    public static let batchHTML = String(decoding: PackageResources.batch_html_mustache, as: UTF8.self)
    /// style.css: the look shared by both HTML reports (included as the partial `style`).
    public static let style = String(decoding: PackageResources.style_css, as: UTF8.self)

    /// File name → template text.
    public static let all: [(name: String, text: String)] = [
        ("report.html.mustache", html),
        ("report.md.mustache", markdown),
        ("batch.html.mustache", batchHTML),
        ("style.css", style),
    ]
}
