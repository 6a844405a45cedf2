import Foundation

extension Questionnaire.Scale {
    /// What a person's typed answer means on this scale.
    public enum Reading: Equatable, Sendable {
        case value(Answer.Value)
        /// Several options fit: their values, in scale order.
        case ambiguous([String])
        /// "Not applicable", on a scale that does not allow it.
        case notApplicableRefused
        case none
    }

    /// Words that mean "not applicable", compared as `Scale.typed` leaves them.
    static let notApplicableWords: Set<String> = ["na", "n/a", "n.a.", "notapplicable", "不适用", "不適用"]

    /// What `input` means, leniently, as a person types it: the option's value, its number (not on
    /// a scale whose values are numbers: there a number is a value), its full label or short label
    /// (the part before " – ") in any language, or a unique beginning of two or more columns of a
    /// value or label; `na`, `n/a`, `不适用` for not applicable. Case, full-width forms and spaces do not matter.
    public func reading(of input: String) -> Reading {
        let key = Self.typed(input)
        guard !key.isEmpty else { return .none }
        if let option = options.first(where: { Self.typed($0.value) == key }) { return .value(.option(option.value)) }
        let numeric = options.allSatisfy { Int($0.value) != nil }
        if numeric, let number = Int(key) {
            return options.first { Int($0.value) == number }.map { .value(.option($0.value)) } ?? .none
        }
        if Self.notApplicableWords.contains(key) { return allowNA ? .value(.notApplicable) : .notApplicableRefused }
        if !numeric, let number = Int(key) {
            if (1...max(1, options.count)).contains(number), number <= options.count { return .value(.option(options[number - 1].value)) }
            if allowNA, number == options.count + 1 { return .value(.notApplicable) }
            return .none
        }
        let exact = options.filter { option in Self.names(option).contains(key) }
        if let reading = Self.single(exact) { return reading }
        // A beginning, typed to save keys: "pa" for partial, "部" for 部分.
        guard TerminalWidth.of(input.trimmingCharacters(in: .whitespaces)) >= 2 else { return .none }
        let started = options.filter { option in Self.names(option).contains { $0.hasPrefix(key) } }
        return Self.single(started) ?? .none
    }

    private static func single(_ options: [Option]) -> Reading? {
        switch options.count {
        case 0: return nil
        case 1: return .value(.option(options[0].value))
        default: return .ambiguous(options.map(\.value))
        }
    }

    /// The value, and every label and short label of an option, as `typed` leaves them.
    static func names(_ option: Option) -> [String] {
        var names = [typed(option.value)]
        for label in option.label.translations.values.sorted() {
            names.append(typed(label))
            if let dash = label.range(of: " – ") { names.append(typed(String(label[..<dash.lowerBound]))) }
        }
        return names.filter { !$0.isEmpty }
    }

    /// Text as compared with what people type: compatibility forms folded (full-width `ＹＥＳ` is
    /// `yes`), lowercased, without spaces.
    static func typed(_ text: String) -> String {
        String(String.UnicodeScalarView(text.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars
            .filter { !$0.properties.isWhitespace }))
    }
}
