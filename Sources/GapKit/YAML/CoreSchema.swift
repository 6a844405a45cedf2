/// The YAML 1.2 core schema: how untagged plain scalars become null, booleans, integers and floats.
///
/// GapKit's own files are read by their schema instead (an option value `no` stays the text "no");
/// this is for generic conversion to JSON and for telling keys apart.
public enum CoreSchema {
    public static func isNull(_ s: String) -> Bool {
        s.isEmpty || s == "~" || s == "null" || s == "Null" || s == "NULL"
    }

    public static func bool(_ s: String) -> Bool? {
        switch s {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+`; nil if not an integer or out of range.
    public static func int(_ s: String) -> Int? {
        if s.hasPrefix("0o") { return Int(s.dropFirst(2), radix: 8) }
        if s.hasPrefix("0x") { return Int(s.dropFirst(2), radix: 16) }
        let digits = s.first == "-" || s.first == "+" ? s.dropFirst() : Substring(s)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(s)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?.inf` or `.nan` (any of the three casings).
    public static func float(_ s: String) -> Double? {
        var body = Substring(s)
        var sign = 1.0
        if let first = body.first, first == "-" || first == "+" {
            sign = first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        // Every form starts with a digit or a dot: most scalars (words, keys) stop here. Looking for
        // a float in every mapping key was a fifth of `gapkit validate` (callgrind, PERFORMANCE.md).
        guard let lead = body.utf8.first, lead == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(lead) else {
            return nil
        }
        switch body {
        case ".inf", ".Inf", ".INF": return sign * .infinity
        case ".nan", ".NaN", ".NAN": return s == String(body) ? .nan : nil
        default: break
        }
        var mantissa = body, exponent: Substring = ""
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = body[..<e]
            exponent = body[body.index(after: e)...]
            if let first = exponent.first, first == "-" || first == "+" { exponent = exponent.dropFirst() }
            guard !exponent.isEmpty, exponent.allSatisfy(isDigit) else { return nil }
        }
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.allSatisfy({ $0.allSatisfy(isDigit) }) else { return nil }
        let whole = parts[0], fraction = parts.count > 1 ? parts[1] : ""
        // `.5` and `5.` are floats; `.` and `e5` are not.
        guard !whole.isEmpty || !fraction.isEmpty else { return nil }
        let normal = (whole.isEmpty ? "0" : whole) + "." + (fraction.isEmpty ? "0" : fraction) + (exponent.isEmpty ? "" : "e" + exponentSign(body) + exponent)
        return Double(normal).map { sign * $0 }
    }

    private static func exponentSign(_ body: Substring) -> String {
        guard let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }), body.index(after: e) < body.endIndex else { return "" }
        return body[body.index(after: e)] == "-" ? "-" : ""
    }

    private static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    /// The node as JSON under the core schema. Mapping keys become their text.
    public static func value(of node: YAMLNode) -> JSONValue {
        switch node.content {
        case .sequence(let items):
            return .array(items.map(value(of:)))
        case .mapping(let pairs):
            return .object(pairs.map { JSONValue.Member(keyText($0.key), value(of: $0.value)) })
        case .scalar(let scalar):
            return scalarValue(scalar, tag: node.tag)
        }
    }

    static func scalarValue(_ scalar: YAMLScalar, tag: String?) -> JSONValue {
        let s = scalar.text
        switch tag {
        case YAMLTag.str?: return .string(s)
        case YAMLTag.null?: return .null
        case YAMLTag.bool?: return bool(s).map(JSONValue.bool) ?? .string(s)
        case YAMLTag.int?: return int(s).map(JSONValue.int) ?? float(s).map(JSONValue.double) ?? .string(s)
        case YAMLTag.float?: return float(s).map(JSONValue.double) ?? int(s).map { .double(Double($0)) } ?? .string(s)
        case nil where scalar.style == .plain:
            if isNull(s) { return .null }
            if let b = bool(s) { return .bool(b) }
            if let i = int(s) { return .int(i) }
            if let d = float(s) { return .double(d) }
            return .string(s)
        default:
            return .string(s)
        }
    }

    private static func keyText(_ key: YAMLNode) -> String {
        if let scalar = key.scalar { return scalar.text }
        return JSONWriter(indent: "").string(value(of: key)).replacingOccurrences(of: "\n", with: "")
    }
}
