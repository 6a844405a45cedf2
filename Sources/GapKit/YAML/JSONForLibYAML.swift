/// Rewrites the strings of a JSON text so that libyaml reads every code point RFC 8259 means
/// (issue 12, findings 14 and 15).
///
/// JSON is YAML, with two exceptions libyaml trips on: it refuses a surrogate-pair escape
/// (`"\ud83d\ude00"`, Python's default for an emoji), and, being YAML 1.1, it folds a raw U+0085,
/// U+2028 or U+2029 in a string as a line break. Pairs become one `\UXXXXXXXX` escape and those
/// three characters become the escapes `\N`, `\L`, `\P`; nothing else changes, so every line
/// keeps its number (a column after such a string on the same line may differ by a few).
enum JSONForLibYAML {
    static func rewrite(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: { $0 == "\\" || $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" }) else { return text }
        var out = String.UnicodeScalarView()
        var inString = false, i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            guard inString else {
                if scalar == "\"" { inString = true }
                out.append(scalar)
                i += 1
                continue
            }
            switch scalar {
            case "\"":
                inString = false
                out.append(scalar)
            case "\\":
                if let high = hex4(scalars, at: i + 2), scalars[i + 1] == "u", (0xD800...0xDBFF).contains(high),
                   i + 7 < scalars.count, scalars[i + 6] == "\\", scalars[i + 7] == "u",
                   let low = hex4(scalars, at: i + 8), (0xDC00...0xDFFF).contains(low) {
                    let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                    let digits = String(value, radix: 16, uppercase: true)
                    out.append(contentsOf: ("\\U" + String(repeating: "0", count: 8 - digits.count) + digits).unicodeScalars)
                    i += 12
                    continue
                }
                // Any other escape is the same in YAML; copy it with the character it escapes.
                out.append(scalar)
                if i + 1 < scalars.count { out.append(scalars[i + 1]) }
                i += 2
                continue
            case "\u{85}": out.append(contentsOf: "\\N".unicodeScalars)
            case "\u{2028}": out.append(contentsOf: "\\L".unicodeScalars)
            case "\u{2029}": out.append(contentsOf: "\\P".unicodeScalars)
            default: out.append(scalar)
            }
            i += 1
        }
        return String(out)
    }

    /// The value of four hexadecimal digits at `index`, if they are there.
    private static func hex4(_ scalars: [Unicode.Scalar], at index: Int) -> Int? {
        guard index + 4 <= scalars.count else { return nil }
        var value = 0
        for scalar in scalars[index..<index + 4] {
            guard let digit = Int(String(scalar), radix: 16) else { return nil }
            value = value * 16 + digit
        }
        return value
    }
}
