/// Estimates label widths (no font metrics are available) and fits labels into a width by wrapping or truncating.
///
/// CJK and other full-width characters count 1 em, upper-case Latin 0.68 em, other characters 0.55 em:
/// slightly generous for Noto Sans and Arial, so estimated labels rarely overflow.
enum ChartText {
    /// Line breaks and tabs become spaces; leading and trailing spaces are removed. Inner runs of spaces stay.
    static func clean(_ text: String) -> String {
        var out = ""
        for ch in text {
            out.append(ch == "\n" || ch == "\r\n" || ch == "\r" || ch == "\t" ? " " : ch)
        }
        return trimmed(Substring(out))
    }

    /// Estimated width of `text` at `fontSize` px.
    static func width(_ text: some StringProtocol, fontSize: Double) -> Double {
        text.reduce(0) { $0 + em($1) } * fontSize
    }

    /// `text` shortened with "…" so that its estimated width is at most `maxWidth`.
    static func truncate(_ text: String, maxWidth: Double, fontSize: Double) -> String {
        guard width(text, fontSize: fontSize) > maxWidth else { return text }
        let budget = maxWidth - em("…") * fontSize
        var out = "", used = 0.0
        for ch in text {
            let w = em(ch) * fontSize
            if used + w > budget { break }
            out.append(ch)
            used += w
        }
        return trimmed(Substring(out)) + "…"
    }

    /// `text` broken into at most `maxLines` lines of estimated width ≤ `maxWidth`, at spaces or next to CJK
    /// characters (mid-word only when a word alone is too long); the last line is truncated with "…" if needed.
    static func wrap(_ text: String, maxWidth: Double, fontSize: Double, maxLines: Int) -> [String] {
        var lines: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            if lines.count >= maxLines - 1 || width(rest, fontSize: fontSize) <= maxWidth {
                lines.append(truncate(String(rest), maxWidth: maxWidth, fontSize: fontSize))
                break
            }
            var used = 0.0
            var index = rest.startIndex, lastBreak: Substring.Index?
            while index < rest.endIndex {
                let ch = rest[index]
                used += em(ch) * fontSize
                if used > maxWidth { break }
                let next = rest.index(after: index)
                if ch == " " || isWide(ch) || (next < rest.endIndex && isWide(rest[next])) { lastBreak = next }
                index = next
            }
            var cut = lastBreak ?? index
            if cut == rest.startIndex { cut = rest.index(after: cut) }   // always make progress
            lines.append(trimmed(rest[..<cut]))
            rest = rest[cut...].drop { $0 == " " }
        }
        return lines.isEmpty ? [""] : lines
    }

    /// Width of one character in em.
    static func em(_ ch: Character) -> Double {
        if ch == "…" || isWide(ch) { return 1 }
        if ch.isASCII, ch.isUppercase { return 0.68 }
        return 0.55
    }

    /// Whether a character is full-width (CJK ideographs, kana, Hangul, full-width forms, most emoji).
    static func isWide(_ ch: Character) -> Bool {
        guard let v = ch.unicodeScalars.first?.value else { return false }
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// `text` without leading and trailing spaces.
    private static func trimmed(_ text: Substring) -> String {
        String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
