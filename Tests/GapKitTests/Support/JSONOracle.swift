import Foundation
@testable import GapKit

/// Reads expected JSON with Foundation's decoder: an oracle independent of GapKit's YAML loader.
enum JSONOracle {
    /// The values of a file holding zero or more JSON texts one after another (as yaml-test-suite's `in.json`).
    static func values(of text: String) throws -> [JSONValue] {
        try split(text).map { chunk in
            try JSONDecoder().decode(Decoded.self, from: Data(chunk.utf8)).value
        }
    }

    /// Splits concatenated JSON texts at depth 0 outside strings.
    static func split(_ text: String) -> [String] {
        var chunks: [String] = [], current = ""
        var depth = 0, inString = false, escaped = false
        func flush() {
            let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { chunks.append(trimmed) }
            current = ""
        }
        for ch in text {
            if inString {
                current.append(ch)
                if escaped { escaped = false } else if ch == "\\" { escaped = true } else if ch == "\"" {
                    inString = false
                    if depth == 0 { flush() }
                }
                continue
            }
            switch ch {
            case "\"": current.append(ch); inString = true
            case "{", "[": current.append(ch); depth += 1
            case "}", "]":
                current.append(ch); depth -= 1
                if depth == 0 { flush() }
            case _ where ch.isWhitespace:
                if depth == 0 { flush() } else { current.append(ch) }
            default: current.append(ch)
            }
        }
        flush()
        return chunks
    }

    /// Equality that ignores object key order and treats 1 and 1.0 as the same number.
    static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x.count == y.count && zip(x, y).allSatisfy(same)
        case let (.object(x), .object(y)):
            guard x.count == y.count else { return false }
            let index = Dictionary(y.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            return x.allSatisfy { member in index[member.key].map { same(member.value, $0) } ?? false }
        default:
            guard let x = number(a), let y = number(b) else { return false }
            return x == y || (x.isNaN && y.isNaN)
        }
    }

    private static func number(_ v: JSONValue) -> Double? {
        switch v {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    private struct Decoded: Decodable {
        let value: JSONValue

        init(from decoder: Decoder) throws {
            if var array = try? decoder.unkeyedContainer() {
                var items: [JSONValue] = []
                while !array.isAtEnd { items.append(try array.decode(Decoded.self).value) }
                value = .array(items)
            } else if let object = try? decoder.container(keyedBy: AnyKey.self) {
                value = .object(try object.allKeys.map { .init($0.stringValue, try object.decode(Decoded.self, forKey: $0).value) })
            } else {
                let single = try decoder.singleValueContainer()
                if single.decodeNil() { value = .null }
                else if let b = try? single.decode(Bool.self) { value = .bool(b) }
                else if let i = try? single.decode(Int.self) { value = .int(i) }
                else if let d = try? single.decode(Double.self) { value = .double(d) }
                else { value = .string(try single.decode(String.self)) }
            }
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
