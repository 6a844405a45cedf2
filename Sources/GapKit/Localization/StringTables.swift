import Foundation

/// Every fixed text GapKit shows people, one table per language: the files of
/// Sources/GapKit/Resources/strings (`en.json`, `zh-Hans.json`), compiled into the binary.
///
/// A file holds one object per domain (`report`, `ask`, `text`, …) of key → text; `{name}` or
/// `{1}` mark the values put in. Every language has every key (a test checks it); a language
/// GapKit has no table for reads English.
public enum StringTables {
    /// The languages with a table, English first.
    public static let languages = ["en", "zh-Hans"]

    /// Domain → key → text, per language.
    static let tables: [String: [String: [String: String]]] = [
        "en": parse(PackageResources.en_json),
        "zh-Hans": parse(PackageResources.zh_Hans_json),
    ]

    /// The table of one domain in `language`, English where the language has none.
    public static func table(_ domain: String, language: String) -> [String: String] {
        (tables[language] ?? tables["en"])?[domain] ?? [:]
    }

    /// The text of `key` in `language`: English when the language lacks it, the key when English does too.
    public static func text(_ domain: String, _ key: String, language: String) -> String {
        table(domain, language: language)[key] ?? table(domain, language: "en")[key] ?? key
    }

    /// `text` with every `{name}` whose name is in `values` replaced, in one pass from left to
    /// right: a value is never searched again, so a person's text that itself holds `{…}` stays as
    /// typed, and the result does not depend on the order of `values`. Unknown names stay as written.
    public static func fill(_ text: String, _ values: [String: String]) -> String {
        guard !values.isEmpty, text.contains("{") else { return text }
        var result = "", rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}"),
                  let value = values[String(rest[rest.index(after: open)..<close])] else {
                result.append("{")
                rest = rest[rest.index(after: open)...]
                continue
            }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The embedded file as nested dictionaries; an unreadable file gives an empty table, which
    /// the parity test reports.
    static func parse(_ bytes: [UInt8]) -> [String: [String: String]] {
        let object = try? JSONSerialization.jsonObject(with: Data(bytes))
        return object as? [String: [String: String]] ?? [:]
    }
}

/// The texts of one domain in one language, with values put into `{name}` placeholders.
public struct Strings: Sendable {
    public let language: String
    public let domain: String
    private let table: [String: String]
    private let english: [String: String]

    public init(_ domain: String, language: String) {
        self.domain = domain
        self.language = language
        table = StringTables.table(domain, language: language)
        english = StringTables.table(domain, language: "en")
    }

    /// The text of `key`, with each `{name}` replaced by `values[name]`.
    public func callAsFunction(_ key: String, _ values: [String: CustomStringConvertible] = [:]) -> String {
        StringTables.fill(table[key] ?? english[key] ?? key, values.mapValues(\.description))
    }

    /// Every key → text of the domain, for templates (`{{t.key}}`).
    public var all: [String: String] { english.merging(table) { _, own in own } }
}
