import Foundation

/// Bounds a report template must keep before swift-mustache parses it (questionnaires/SCHEMA.md,
/// "Report templates"). Its parser takes time that grows with size × tags (every tag measures the
/// rest of the text), recurses once per nested section, and a partial that includes itself
/// renders until the stack overflows; none of that can reach it past this check.
struct TemplateCheck {
    /// Largest template, in bytes (the built-in ones are under 10 KiB). With `maxTags`, this bounds
    /// the parser's work: at 64 KiB and 1,000 tags it parses in about a second (docs/FUZZING.md).
    static let maxBytes = 64 << 10
    /// Most tags (`{{…}}`) in one template (the built-in ones have at most 302).
    static let maxTags = 1_000
    /// Deepest nesting of sections (`#`, `^`, `$`, `<`) (the built-in ones nest 4 deep).
    static let maxNesting = 32
    /// Longest tag other than a comment, in bytes: a name with transforms (`a(b(c))`) is parsed
    /// recursively, one level per bracket.
    static let maxTagLength = 256

    /// A partial a template includes (`{{> name}}` or `{{< name}}`), and where.
    struct Inclusion {
        var name: String
        var position: SourcePosition
    }

    private(set) var tags = 0
    private(set) var depth = 0
    private(set) var inclusions: [Inclusion] = []
    private(set) var problems: [Diagnostic] = []

    /// Scans `text` once, in time linear in its length.
    init(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count <= Self.maxBytes else {
            problems.append(.error("the template is \(bytes.count) bytes; a template has at most \(Self.maxBytes >> 10) KiB", at: nil))
            return
        }
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var line = 1, lineStart = 0, i = 0
        // Where the tag being read starts.
        var tagLine = 1, tagLineStart = 0, start = 0
        func position() -> SourcePosition {
            SourcePosition(line: tagLine, column: String(decoding: bytes[tagLineStart..<start], as: UTF8.self).count + 1)
        }
        func report(_ message: String) {
            problems.append(.error(message, at: position()))
        }
        func include(_ name: ArraySlice<UInt8>) {
            let name = String(decoding: name, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if name.hasPrefix("*") {
                report("dynamic partials ('{{>*…}}') are not supported in report templates")
            } else {
                inclusions.append(Inclusion(name: name, position: position()))
            }
        }
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x0A {
                line += 1
                lineStart = i + 1
                i += 1
                continue
            }
            guard byte == open, i + 1 < bytes.count, bytes[i + 1] == open else {
                i += 1
                continue
            }
            (start, tagLine, tagLineStart) = (i, line, lineStart)
            tags += 1
            if tags == Self.maxTags + 1 {
                report("more than \(Self.maxTags) tags; a template has at most \(Self.maxTags)")
            }
            // Every `{{` is looked at on its own, even inside what looks like another tag: the
            // parser may read a `{{` that is never closed as text and the next one as a tag, so
            // skipping to a closing `}}` could hide a tag from this check (a fuzzer found one).
            var end = i + 2
            while end + 1 < bytes.count, bytes[end] != 0x0A, !(bytes[end] == close && bytes[end + 1] == close) { end += 1 }
            let body = bytes[min(i + 2, bytes.count)..<min(end, bytes.count)]
            i += 2
            guard let kind = body.first else { continue }
            if kind != UInt8(ascii: "!"), body.count > Self.maxTagLength {
                report("a tag of \(body.count) bytes; a tag other than a comment has at most \(Self.maxTagLength)")
            }
            switch kind {
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "<"):
                depth += 1
                if depth == Self.maxNesting + 1 {
                    report("sections nest more than \(Self.maxNesting) deep; a template nests at most \(Self.maxNesting)")
                }
                if kind == UInt8(ascii: "<") { include(body.dropFirst()) }
            case UInt8(ascii: "/"):
                depth = max(0, depth - 1)
            case UInt8(ascii: ">"):
                include(body.dropFirst())
            case UInt8(ascii: "="):
                report("changing the tag delimiters ('{{=… …=}}') is not supported in report templates")
            default:
                break
            }
        }
    }
}
