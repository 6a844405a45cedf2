/// Text in one or more languages, e.g. `{en: "Scope", zh-Hans: "范围"}`.
public struct LocalizedText: Hashable, Sendable {
    /// Language tag → text.
    public var translations: [String: String]

    public init(_ translations: [String: String]) {
        self.translations = translations
    }

    /// Text in the questionnaire's default language only.
    public init(_ text: String, language: String) {
        translations = [language: text]
    }

    /// The text in `language`, falling back to `fallback` (the questionnaire's default language).
    public func text(in language: String, fallback: String) -> String {
        translations[language] ?? translations[fallback] ?? translations.values.sorted().first ?? ""
    }
}
