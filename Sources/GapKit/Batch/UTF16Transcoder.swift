/// Turns a UTF-16 byte stream into UTF-8 in pieces, carrying a split code unit or surrogate pair
/// from one piece to the next. Unpaired surrogates become U+FFFD.
///
/// Decodes into its own buffer and hands out at most what the caller has room for, so a small
/// destination (down to one byte) is never overrun by a character's 3 or 4 UTF-8 bytes.
struct UTF16Transcoder {
    let littleEndian: Bool
    private var carry: UInt8?
    private var highSurrogate: UInt16?
    private var raw: [UInt8] = []
    private var out: [UInt8] = []
    private var handedOut = 0
    private var finished = false

    init(littleEndian: Bool) {
        self.littleEndian = littleEndian
    }

    /// Fills `dst` with at most `count` UTF-8 bytes made from raw bytes that `read` supplies; 0 at end of input.
    mutating func fill(_ dst: UnsafeMutablePointer<UInt8>, _ count: Int,
                       read: (UnsafeMutablePointer<UInt8>, Int) throws -> Int) throws -> Int {
        while handedOut == out.count {
            guard !finished else { return 0 }
            out.removeAll(keepingCapacity: true)
            handedOut = 0
            let want = max(64, count - count % 2)
            if raw.count < want { raw = [UInt8](repeating: 0, count: want) }
            let n = try raw.withUnsafeMutableBufferPointer { try read($0.baseAddress!, want) }
            if n == 0 {
                finished = true
                if carry != nil || highSurrogate != nil { put(0xFFFD) }
                carry = nil
                highSurrogate = nil
                continue
            }
            var index = 0
            if let first = carry {
                decode(pair(first, raw[0]))
                carry = nil
                index = 1
            }
            while index + 1 < n {
                decode(pair(raw[index], raw[index + 1]))
                index += 2
            }
            if index < n { carry = raw[index] }
        }
        let k = min(count, out.count - handedOut)
        out.withUnsafeBufferPointer { dst.update(from: $0.baseAddress! + handedOut, count: k) }
        handedOut += k
        return k
    }

    private func pair(_ a: UInt8, _ b: UInt8) -> UInt16 {
        littleEndian ? UInt16(a) | UInt16(b) << 8 : UInt16(a) << 8 | UInt16(b)
    }

    private mutating func decode(_ unit: UInt16) {
        if let high = highSurrogate {
            highSurrogate = nil
            if (0xDC00...0xDFFF).contains(unit) {
                put(0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00))
                return
            }
            put(0xFFFD)
        }
        switch unit {
        case 0xD800...0xDBFF: highSurrogate = unit
        case 0xDC00...0xDFFF: put(0xFFFD)
        default: put(UInt32(unit))
        }
    }

    /// Appends `scalar` as UTF-8.
    private mutating func put(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out += [UInt8(0xC0 | scalar >> 6), UInt8(0x80 | scalar & 0x3F)]
        case 0x800..<0x10000:
            out += [UInt8(0xE0 | scalar >> 12), UInt8(0x80 | scalar >> 6 & 0x3F), UInt8(0x80 | scalar & 0x3F)]
        default:
            out += [UInt8(0xF0 | scalar >> 18), UInt8(0x80 | scalar >> 12 & 0x3F), UInt8(0x80 | scalar >> 6 & 0x3F),
                    UInt8(0x80 | scalar & 0x3F)]
        }
    }
}
