/// What a generated survey holds: the questions of the chosen clauses, in the chosen languages,
/// each with a code survey tools accept (letters and digits, starting with a letter), and each
/// answer option with a code of at most five letters and digits. The codes map back to GapKit's ids.
public struct SurveyDesign: Sendable {
    public struct Item: Sendable {
        public var question: Questionnaire.Question
        public var clause: Questionnaire.Clause
        public var code: String
    }

    public let questionnaire: Questionnaire
    public let languages: [String]
    public let items: [Item]
    /// Option value → answer code, the same for a value in every scale.
    public let answerCodes: [String: String]
    /// The value-to-code map's text for "not applicable".
    public static let notApplicableCode = "na"

    /// - Parameters:
    ///   - languages: the languages to write (all of the questionnaire's when empty).
    ///   - clauses: clause ids to keep, each with its sub-clauses (all when empty).
    public init(questionnaire: Questionnaire, languages: [String], clauses: [String]) throws(SurveyError) {
        self.questionnaire = questionnaire
        for language in languages where !questionnaire.languages.contains(language) {
            throw SurveyError("--lang \(language): the questionnaire has \(questionnaire.languages.joined(separator: ", "))")
        }
        self.languages = languages.isEmpty ? questionnaire.languages : languages
        let known = Set(questionnaire.allClauses.map(\.id))
        for id in clauses where !known.contains(id) {
            throw SurveyError("--clauses \(id): no such clause" + Suggestion.hint(for: id, in: known.sorted()))
        }
        func kept(_ id: String) -> Bool { clauses.isEmpty || clauses.contains { id == $0 || id.hasPrefix($0 + ".") } }
        var items: [Item] = [], used = Set<String>()
        for clause in questionnaire.allClauses where kept(clause.id) {
            for question in clause.questions {
                var code = Self.code(question.id), n = 2
                while used.contains(code) { code = Self.code(question.id) + "v\(n)"; n += 1 }
                used.insert(code)
                items.append(Item(question: question, clause: clause, code: code))
            }
        }
        self.items = items
        var codes: [String: String] = [:], taken = Set<String>([Self.notApplicableCode])
        for value in questionnaire.scales.flatMap({ $0.options.map(\.value) }) where codes[value] == nil {
            let letters = String(value.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }.prefix(5))
            var code = letters.isEmpty ? "A1" : letters, n = 1
            while taken.contains(code.lowercased()) { n += 1; code = String(letters.prefix(3)) + "\(n)" }
            taken.insert(code.lowercased())
            codes[value] = code
        }
        answerCodes = codes
    }

    /// `Q-8.5.1.1-2` → `Q8x5x1x1x2`: letters and digits, starting with a letter.
    static func code(_ id: String) -> String {
        var out = ""
        for scalar in id.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, out.last != "x" {
                out += "x"
            }
        }
        if out.hasSuffix("x") { out.removeLast() }
        // `Q-4.1-1` → `Q4x1x1`, not `Qx4x1x1`.
        if out.hasPrefix("Qx"), out.dropFirst(2).first?.isNumber == true { out.remove(at: out.index(after: out.startIndex)) }
        if !(out.unicodeScalars.first.map { $0.properties.isAlphabetic } ?? false) { out = "Q" + out }
        return out
    }

    /// The mapping file `gapkit batch --map` reads: question codes → ids, answer codes → values.
    public func mapFile() -> String {
        var lines = ["# Written by gapkit survey: the codes of the generated survey, for `gapkit batch --map`.", "columns:"]
        for item in items where item.code != item.question.id { lines.append("  \(yaml(item.code)): \(yaml(item.question.id))") }
        lines.append("values:")
        for (value, code) in answerCodes.sorted(by: { $0.key < $1.key }) where code.lowercased() != value.lowercased() {
            lines.append("  \(yaml(code)): \(yaml(value))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func yaml(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// A survey that cannot be generated as asked (exit 64 or 65).
public struct SurveyError: Error, Sendable, CustomStringConvertible {
    public var message: String
    init(_ message: String) { self.message = message }
    public var description: String { "error: \(message)" }
}
