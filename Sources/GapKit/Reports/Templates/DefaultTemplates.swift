/// The report layouts GapKit ships, compiled into the binary so a copied `gapkit` works alone.
///
/// `gapkit templates export DIR` writes them out for a consultant to adapt; `--templates DIR`
/// reads the adapted ones (a file missing there falls back to the default).
public enum DefaultTemplates {
    /// File name → template text.
    public static let all: [(name: String, text: String)] = [
        ("report.html.mustache", html),
        ("report.md.mustache", markdown),
        ("batch.html.mustache", batchHTML),
        ("style.css.mustache", style),
    ]
}
