/// Reads typed values out of YAML nodes the way a schema says, collecting every problem with its position.
///
/// Values are read by what the schema expects, never by YAML 1.1 guessing: a key `4.10` read as an
/// id is the text "4.10", an option value `no` is the text "no"; only where a number or a boolean
/// is expected is the scalar read as one.
struct SchemaReader {
    /// Starts with the problems the YAML layer recovered from (duplicate keys), so all are reported together.
    var diagnostics: [Diagnostic] = []
    /// Declared languages; the first is the default every text must have.
    var languages: [String] = ["en"]
    /// "Did you mean" hints this file may still get. Each compares a name with every candidate, so
    /// a file of thousands of unknown names gets hints for its first ones only (issue 12, finding 10).
    var hintsLeft = 100

    /// The nearest candidate to a mistyped `word`, while hints are left; `candidates` is only
    /// evaluated then.
    mutating func closest(to word: String, in candidates: @autoclosure () -> [String]) -> String? {
        guard hintsLeft > 0 else { return nil }
        hintsLeft -= 1
        return Suggestion.closest(to: word, in: candidates())
    }

    /// `; did you mean 'x'?` or the empty string.
    mutating func hint(for word: String, in candidates: @autoclosure () -> [String]) -> String {
        closest(to: word, in: candidates()).map { "; did you mean '\($0)'?" } ?? ""
    }

    mutating func error(_ message: String, at position: SourcePosition?, notes: [Diagnostic.Note] = []) {
        diagnostics.append(.error(message, at: position, notes: notes))
    }

    mutating func warning(_ message: String, at position: SourcePosition?) {
        diagnostics.append(Diagnostic(.warning, message, at: position))
    }

    /// The keys of a mapping, for reading fields by name; reports a node that is not a mapping.
    mutating func fields(_ node: YAMLNode, _ what: String) -> Fields? {
        guard let pairs = node.mapping else {
            error("expected \(what) as a mapping of keys, found \(node.kindDescription)", at: node.position)
            return nil
        }
        return Fields(node: node, what: what, pairs: pairs)
    }

    /// Reports the keys of `fields` that its schema does not know, suggesting the nearest known one.
    mutating func rejectUnknownKeys(_ fields: Fields, allowed: [String]) {
        for pair in fields.pairs {
            let key = pair.key.scalar?.text ?? pair.key.kindDescription
            guard !allowed.contains(key) else { continue }
            let hint = closest(to: key, in: allowed).map { "; did you mean '\($0)'?" }
                ?? " (expected one of: \(allowed.joined(separator: ", ")))"
            error("unknown key '\(key)' in \(fields.what)\(hint)", at: pair.key.position)
        }
    }

    mutating func required(_ fields: Fields, _ key: String) -> YAMLNode? {
        guard let node = fields[key] else {
            error("\(fields.what) is missing the required key '\(key)'", at: fields.node.position)
            return nil
        }
        return node
    }

    // MARK: Scalars

    /// Any scalar's text as written.
    mutating func string(_ node: YAMLNode, _ key: String) -> String? {
        guard let scalar = node.scalar, !node.isNull else {
            error("expected text for '\(key)', found \(node.kindDescription)", at: node.position)
            return nil
        }
        return scalar.text
    }

    /// An identifier: non-empty text without spaces or control characters.
    mutating func identifier(_ node: YAMLNode, _ key: String) -> String? {
        guard let text = string(node, key) else { return nil }
        guard !text.isEmpty, !text.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 } == true }) else {
            error("'\(key)' must be an identifier without spaces, found '\(text)'", at: node.position)
            return nil
        }
        return text
    }

    /// A number written plainly (`0.5`, `3`); quoted text is not a number.
    mutating func number(_ node: YAMLNode, _ key: String) -> Double? {
        guard let scalar = node.scalar, !node.isNull else {
            error("expected a number for '\(key)', found \(node.kindDescription)", at: node.position)
            return nil
        }
        let value = scalar.style == .plain ? (CoreSchema.int(scalar.text).map(Double.init) ?? CoreSchema.float(scalar.text)) : nil
        guard let value, value.isFinite else {
            let quoted = scalar.style == .plain ? "" : " (remove the quotes to make it a number)"
            error("expected a number for '\(key)', found '\(scalar.text)'\(quoted)", at: node.position)
            return nil
        }
        return value
    }

    /// `true` or `false`, written plainly.
    mutating func bool(_ node: YAMLNode, _ key: String) -> Bool? {
        guard let scalar = node.scalar, scalar.style == .plain, let value = CoreSchema.bool(scalar.text) else {
            error("expected true or false for '\(key)', found \(node.kindDescription)", at: node.position)
            return nil
        }
        return value
    }

    /// A text field: plain text in the default language, or a map of language → text that includes it.
    mutating func text(_ node: YAMLNode, _ key: String) -> LocalizedText? {
        let defaultLanguage = languages[0]
        if node.scalar != nil {
            return string(node, key).map { LocalizedText($0, language: defaultLanguage) }
        }
        guard let pairs = node.mapping else {
            error("expected text for '\(key)' (or a map of language to text), found \(node.kindDescription)", at: node.position)
            return nil
        }
        var translations: [String: String] = [:]
        for pair in pairs {
            guard let language = pair.key.scalar?.text else { continue }
            guard languages.contains(language) else {
                let declared = languages
                let hint = hint(for: language, in: declared)
                error("'\(key)' has text in '\(language)', which is not in the questionnaire's languages (\(languages.joined(separator: ", ")))\(hint)",
                      at: pair.key.position)
                continue
            }
            if let text = string(pair.value, "\(key).\(language)") { translations[language] = text }
        }
        guard translations[defaultLanguage] != nil else {
            if !pairs.contains(where: { $0.key.scalar?.text == defaultLanguage }) {
                error("'\(key)' has no text in '\(defaultLanguage)', the default language", at: node.position)
            }
            return nil
        }
        return LocalizedText(translations)
    }

    /// The items of a list; reports anything else.
    mutating func list(_ node: YAMLNode, _ key: String) -> [YAMLNode] {
        guard let items = node.sequence else {
            error("expected a list for '\(key)', found \(node.kindDescription)", at: node.position)
            return []
        }
        return items
    }
}

/// The key–value pairs of one mapping, looked up by key text.
struct Fields {
    let node: YAMLNode
    /// What the mapping is, for messages: "question 'Q-1'", "scale 'ypn'".
    let what: String
    let pairs: [YAMLPair]

    subscript(key: String) -> YAMLNode? {
        pairs.first { $0.key.scalar?.text == key }?.value
    }
}
