/// Writes one XML document: elements, attributes and text, always well-formed.
///
/// Text and attribute values are escaped (`&`, `<`, `>`, quotes), and the characters XML 1.0
/// forbids (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF) become U+FFFD, so nothing a
/// person typed can become a tag or make the part unreadable.
struct XMLWriter {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
    private var open: [String] = []

    init() {}

    /// The document as UTF-8; every element must be closed.
    var bytes: [UInt8] {
        precondition(open.isEmpty, "XMLWriter: unclosed <\(open.last ?? "")>")
        return Array(text.utf8)
    }

    /// An element with attributes (in the given order; nil values are left out) and what `content` writes inside.
    mutating func element(_ name: String, _ attributes: [(String, String?)] = [], content: (inout XMLWriter) -> Void) {
        start(name, attributes)
        content(&self)
        end()
    }

    /// An element holding only `text`, or empty when `text` is nil.
    mutating func element(_ name: String, _ attributes: [(String, String?)] = [], text: String? = nil) {
        self.text += "<" + name + Self.attributes(attributes)
        guard let value = text else { self.text += "/>"; return }
        self.text += ">" + Self.escape(value) + "</" + name + ">"
    }

    mutating func start(_ name: String, _ attributes: [(String, String?)] = []) {
        text += "<" + name + Self.attributes(attributes) + ">"
        open.append(name)
    }

    mutating func end() {
        text += "</" + open.removeLast() + ">"
    }

    /// Escaped character data inside the current element.
    mutating func characters(_ value: String) {
        text += Self.escape(value)
    }

    private static func attributes(_ attributes: [(String, String?)]) -> String {
        var out = ""
        for (name, value) in attributes {
            guard let value else { continue }
            out += " " + name + "=\"" + escape(value, attribute: true) + "\""
        }
        return out
    }

    /// `value` as XML character data (or, with `attribute`, as a double-quoted attribute value,
    /// where tab, LF and CR are written as references so a reader does not fold them into spaces).
    static func escape(_ value: String, attribute: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\t" where attribute: out += "&#9;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(XMLCharacters.isForbidden(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }
}
