/// Characters XML 1.0 forbids (C0 controls other than tab, LF and CR; U+FFFE and U+FFFF). A note
/// typed as `"\0"` in an answer file must not make the report unreadable as XHTML, so every text
/// that reaches a template has them replaced by U+FFFD, the replacement character.
enum XMLCharacters {
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }

    /// `text` with each forbidden character replaced by U+FFFD.
    static func cleaned(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(isForbidden(scalar) ? "\u{FFFD}" : scalar) }
        return String(out)
    }

    /// A template context with every string in it cleaned, however deeply nested.
    static func cleaned(_ value: Any) -> Any {
        switch value {
        case let text as String: return cleaned(text)
        case let object as [String: Any]: return object.mapValues { cleaned($0) as Any }
        case let list as [Any]: return list.map { cleaned($0) as Any }
        default: return value
        }
    }
}
