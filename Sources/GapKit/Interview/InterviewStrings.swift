/// The fixed texts of `gapkit ask`: the `ask` domain of the string tables (Resources/strings).
///
/// Keys are the English texts; `{1}`, `{2}`… stand for the values put in.
extension InterviewView {
    /// The text for `english` in the view's language, with `{1}`, `{2}`… replaced by `values`.
    public func t(_ english: String, _ values: CustomStringConvertible...) -> String {
        let text = StringTables.table("ask", language: language)[english] ?? english
        return StringTables.fill(text, Dictionary(uniqueKeysWithValues: values.enumerated().map { (String($0 + 1), $1.description) }))
    }
}
