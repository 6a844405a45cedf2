/// A key the line editor acts on, decoded from the bytes a terminal sends.
public enum Key: Equatable, Sendable {
    /// Printable text: one or more characters, never a control character.
    case text(String)
    case enter, backspace, delete, left, right, home, end, wordLeft, wordRight, up, down
    case deleteWordBackward, killToStart, killToEnd, redraw
    /// Ctrl-D: the end of input on an empty line, else delete.
    case endOfInput
    /// Start and end of a bracketed paste (`ESC [ 200 ~` … `ESC [ 201 ~`).
    case pasteStart, pasteEnd
}

/// Turns the bytes of a terminal in raw mode into keys, however the bytes are split across reads.
///
/// UTF-8 text, control keys (Ctrl-A, -E, -B, -F, -K, -U, -W, -L, -D, -P, -N) and the escape
/// sequences of xterm, VT100 and their descendants (arrows, Home/End, Delete, Ctrl/Alt-arrows,
/// Alt-B/F, bracketed paste). Sequences it does not know are dropped whole, so no escape code can
/// become text. Work is linear in the bytes.
public struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []

    public init() {}

    /// The keys completed by `bytes`; an incomplete sequence or character waits for the next call.
    public mutating func decode(_ bytes: some Collection<UInt8>) -> [Key] {
        pending.append(contentsOf: bytes)
        var keys: [Key] = []
        var text: [UInt8] = []
        var i = 0
        func flushText() {
            if !text.isEmpty { keys.append(.text(String(decoding: text, as: UTF8.self))); text.removeAll(keepingCapacity: true) }
        }
        while i < pending.count {
            let byte = pending[i]
            if byte == 0x1B {
                guard let (key, length) = Self.escape(pending, at: i) else { break }  // incomplete: wait
                flushText()
                if let key { keys.append(key) }
                i += length
            } else if byte < 0x20 || byte == 0x7F {
                flushText()
                if let key = Self.control(byte) { keys.append(key) }
                i += 1
            } else if byte < 0x80 {
                text.append(byte)
                i += 1
            } else {
                let length = Self.utf8Length(byte)
                if length == 0 { i += 1; continue }  // a stray continuation or invalid byte: dropped
                guard i + length <= pending.count else { break }
                let sequence = pending[i..<(i + length)]
                // Decoded strictly: C1 controls (U+0080–U+009F) and invalid sequences are dropped.
                guard sequence.dropFirst().allSatisfy({ $0 & 0xC0 == 0x80 }) else { i += 1; continue }  // a broken lead byte
                if let scalar = String(decoding: sequence, as: UTF8.self).unicodeScalars.first,
                   scalar != "\u{FFFD}", !(0x80...0x9F).contains(scalar.value) {
                    text.append(contentsOf: sequence)
                }
                i += length
            }
        }
        flushText()
        pending.removeFirst(i)
        return keys
    }

    /// Whatever is still waiting: a lone Escape (the user pressed Esc) is dropped.
    public mutating func flush() -> [Key] {
        pending.removeAll()
        return []
    }

    static func utf8Length(_ byte: UInt8) -> Int {
        switch byte {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 0
        }
    }

    static func control(_ byte: UInt8) -> Key? {
        switch byte {
        case 0x01: return .home         // Ctrl-A
        case 0x02: return .left         // Ctrl-B
        case 0x04: return .endOfInput   // Ctrl-D
        case 0x05: return .end          // Ctrl-E
        case 0x06: return .right        // Ctrl-F
        case 0x08, 0x7F: return .backspace
        case 0x09: return .text(" ")    // Tab: a space, never a tab character
        case 0x0A, 0x0D: return .enter
        case 0x0B: return .killToEnd    // Ctrl-K
        case 0x0C: return .redraw       // Ctrl-L
        case 0x0E: return .down         // Ctrl-N
        case 0x10: return .up           // Ctrl-P
        case 0x15: return .killToStart  // Ctrl-U
        case 0x17: return .deleteWordBackward  // Ctrl-W
        default: return nil
        }
    }

    /// The key of the escape sequence at `start` and its length, a nil key for a sequence that is
    /// dropped, or nil when the sequence is not complete yet.
    static func escape(_ bytes: [UInt8], at start: Int) -> (Key?, Int)? {
        guard start + 1 < bytes.count else { return nil }
        let kind = bytes[start + 1]
        switch kind {
        case UInt8(ascii: "["):
            // CSI: parameter and intermediate bytes 0x20–0x3F, then a final byte 0x40–0x7E.
            var end = start + 2
            while end < bytes.count, (0x20...0x3F).contains(bytes[end]) { end += 1 }
            guard end < bytes.count else { return end - start > 64 ? (nil, end - start) : nil }
            let parameters = String(decoding: bytes[(start + 2)..<end], as: UTF8.self)
            return (csi(parameters, final: bytes[end]), end - start + 1)
        case UInt8(ascii: "O"):
            guard start + 2 < bytes.count else { return nil }
            let key: Key? = switch bytes[start + 2] {
            case UInt8(ascii: "A"): .up
            case UInt8(ascii: "B"): .down
            case UInt8(ascii: "C"): .right
            case UInt8(ascii: "D"): .left
            case UInt8(ascii: "H"): .home
            case UInt8(ascii: "F"): .end
            default: nil
            }
            return (key, 3)
        case UInt8(ascii: "b"), UInt8(ascii: "B"): return (.wordLeft, 2)    // Alt-B
        case UInt8(ascii: "f"), UInt8(ascii: "F"): return (.wordRight, 2)   // Alt-F
        case 0x7F, 0x08: return (.deleteWordBackward, 2)                    // Alt-Backspace
        case 0x1B: return (nil, 1)  // Esc pressed, then another sequence
        default:
            // Alt with another key, or Esc then a key: the Escape is dropped and the key kept.
            return (nil, 1)
        }
    }

    static func csi(_ parameters: String, final: UInt8) -> Key? {
        let fields = parameters.split(separator: ";", omittingEmptySubsequences: false)
        let modifier = fields.count > 1 ? Int(fields[1]) ?? 1 : 1
        let word = modifier == 3 || modifier == 5  // Alt or Ctrl with an arrow: a word move
        switch final {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return word ? .wordRight : .right
        case UInt8(ascii: "D"): return word ? .wordLeft : .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        case UInt8(ascii: "~"):
            switch fields.first.flatMap({ Int($0) }) {
            case 1, 7: return .home
            case 4, 8: return .end
            case 3: return .delete
            case 200: return .pasteStart
            case 201: return .pasteEnd
            default: return nil
            }
        default: return nil
        }
    }
}
