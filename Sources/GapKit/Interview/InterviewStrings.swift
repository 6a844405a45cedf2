/// The fixed texts of `gapkit ask`: the `ask` domain of the string tables (Resources/strings).
///
/// Keys are the English texts; `{1}`, `{2}`… stand for the values put in.
extension InterviewView {
    /// The text for `english` in the view's language, with `{1}`, `{2}`… replaced by `values`.
    public func t(_ english: String, _ values: CustomStringConvertible...) -> String {
        var text = StringTables.table("ask", language: language)[english] ?? english
        for (index, value) in values.enumerated() {
            text = text.replacingOccurrences(of: "{\(index + 1)}", with: value.description)
        }
        return text
    }
}
