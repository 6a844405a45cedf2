import Foundation
import Testing
@testable import GapKit

/// The string tables (Sources/GapKit/Resources/strings): one file per language, the same keys in each.
struct StringTableTests {
    static let domains = Set(StringTables.tables.values.flatMap(\.keys)).sorted()

    @Test func everyLanguageHasATableWithDomains() {
        for language in StringTables.languages {
            #expect(!(StringTables.tables[language] ?? [:]).isEmpty, "no string table for \(language)")
        }
        #expect(Self.domains.contains("report"))
        #expect(Self.domains.contains("ask"))
    }

    @Test(arguments: StringTables.languages)
    func everyLanguageHasEveryKeyOfEveryOtherLanguage(language: String) {
        for domain in Self.domains {
            let own = Set(StringTables.tables[language]?[domain]?.keys ?? [:].keys)
            for other in StringTables.languages where other != language {
                let missing = Set(StringTables.tables[other]?[domain]?.keys ?? [:].keys).subtracting(own)
                #expect(missing.isEmpty, "\(language).json lacks \(domain): \(missing.sorted())")
            }
        }
    }

    /// `{name}` placeholders are filled by the code: a translation must keep every one of them.
    @Test(arguments: StringTables.languages)
    func translationsKeepThePlaceholdersOfEnglish(language: String) throws {
        let pattern = try NSRegularExpression(pattern: "\\{[A-Za-z0-9_]+\\}")
        func placeholders(_ text: String) -> [String] {
            pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
                .compactMap { Range($0.range, in: text).map { String(text[$0]) } }.sorted()
        }
        for domain in Self.domains {
            for (key, english) in StringTables.table(domain, language: "en") {
                let text = StringTables.table(domain, language: language)[key] ?? ""
                #expect(placeholders(text) == placeholders(english), "\(language) \(domain).\(key)")
            }
        }
    }

    @Test func lookupFallsBackToEnglishThenToTheKey() {
        let zh = Strings("report", language: "zh-Hans"), unknown = Strings("report", language: "fr")
        #expect(zh("status_gap") == "差距")
        #expect(unknown("status_gap") == "Gap")
        #expect(zh("no such key") == "no such key")
        #expect(Strings("report", language: "en")("coverage_warning", ["unanswered": 3, "applicable": 9]).hasPrefix("3 of 9 "))
    }

    /// A value is put in as it is: placeholders inside a person's text are not filled in turn, so the
    /// result never depends on the order in which a dictionary hands out its values.
    @Test func placeholdersAreFilledInOnePassAndValuesStayAsTyped() {
        let values = ["client": "Acme {standard} & {client}", "standard": "ISO/IEC 20000-1"]
        for _ in 0..<20 {
            #expect(StringTables.fill("{client} against {standard}", values) == "Acme {standard} & {client} against ISO/IEC 20000-1")
        }
        #expect(StringTables.fill("{unknown} {client", ["client": "x"]) == "{unknown} {client")
        #expect(StringTables.fill("{{client}}", ["client": "x"]) == "{x}")
        #expect(StringTables.fill("中文{client}。", ["client": "艾克美"]) == "中文艾克美。")
    }
}
