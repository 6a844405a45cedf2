/// Writes `JSONValue` as pretty-printed JSON, the same bytes for the same value every time.
///
/// Numbers are written unrounded (Swift's shortest round-trip form); a non-finite number,
/// which JSON cannot hold, is written as `null`. Non-ASCII text is written as UTF-8.
public struct JSONWriter: Sendable {
    public var indent: String

    public init(indent: String = "  ") {
        self.indent = indent
    }

    public func string(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out, depth: 0)
        out.append("\n")
        return out
    }

    private func write(_ value: JSONValue, into out: inout String, depth: Int) {
        switch value {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .int(let i): out.append(String(i))
        case .double(let d): out.append(Self.number(d))
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            guard !items.isEmpty else { out.append("[]"); return }
            out.append("[\n")
            for (index, item) in items.enumerated() {
                out.append(String(repeating: indent, count: depth + 1))
                write(item, into: &out, depth: depth + 1)
                out.append(index == items.count - 1 ? "\n" : ",\n")
            }
            out.append(String(repeating: indent, count: depth) + "]")
        case .object(let members):
            guard !members.isEmpty else { out.append("{}"); return }
            out.append("{\n")
            for (index, member) in members.enumerated() {
                out.append(String(repeating: indent, count: depth + 1))
                Self.quote(member.key, into: &out)
                out.append(": ")
                write(member.value, into: &out, depth: depth + 1)
                out.append(index == members.count - 1 ? "\n" : ",\n")
            }
            out.append(String(repeating: indent, count: depth) + "}")
        }
    }

    /// A double in JSON's number syntax: integral values keep a `.0`, exponents are `e±N`.
    static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        return d.description
    }

    static func quote(_ s: String, into out: inout String) {
        out.append("\"")
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case "\u{08}": out.append("\\b")
            case "\u{0C}": out.append("\\f")
            case "\u{85}": out.append("\\u0085")  // a line break to YAML 1.1 readers such as libyaml
            case "\u{2028}": out.append("\\u2028")
            case "\u{2029}": out.append("\\u2029")
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append("\"")
    }
}
