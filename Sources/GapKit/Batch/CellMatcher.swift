import Foundation

/// Turns survey cells into answers for one question: an option, not applicable, empty, or rejected.
///
/// A cell matches an option's value or its label in any language of the questionnaire, or a text
/// the mapping file maps, ignoring case and spaces; "N/A", "n/a", "不适用" (and the like) mean not
/// applicable. Cells that were seen before are found without normalising them again: those of
/// up to 8 bytes (nearly every survey answer) by comparing one integer, longer ones by a hash.
struct CellMatcher {
    /// Codes below `options` are the option's index in its scale.
    static let notApplicable: UInt8 = 250
    static let empty: UInt8 = 251
    /// Not an answer of the scale.
    static let rejected: UInt8 = 252
    /// Not applicable, where the scale does not allow it. Codes from `rejected` up are rejections.
    static let rejectedNotApplicable: UInt8 = 253

    let options: Int
    let allowNA: Bool
    private let known: [String: UInt8]
    /// Raw cells of up to 8 bytes, packed into an integer: a 64-slot open-addressing table of keys,
    /// and beside each its length + 1 (0 for a free slot) and code. A hit costs a multiply and a compare.
    private var keys = [UInt64](repeating: 0, count: 64)
    private var meta = [UInt16](repeating: 0, count: 64)
    private var used = 0
    /// Longer raw cells (up to 64 bytes) by their FNV-1a hash, with their bytes to confirm a hit.
    private var long: [UInt64: (bytes: [UInt8], code: UInt8)] = [:]
    private let valuesText: String

    /// Words that mean "not applicable" in survey exports, normalised.
    static let notApplicableWords: Set<String> = ["na", "n/a", "n.a.", "notapplicable", "不适用", "不適用"]

    init(scale: Questionnaire.Scale, languages: [String], map: ColumnMap) {
        options = scale.options.count
        allowNA = scale.allowNA
        var known: [String: UInt8] = [:]
        for (index, option) in scale.options.enumerated() {
            for text in [option.value] + languages.compactMap({ option.label.translations[$0] }) {
                let key = Self.normalize(text)
                if known[key] == nil { known[key] = UInt8(index) }
            }
        }
        // Short labels: the words before a dash or colon ("是" of "是 – 已全面落实…"), where no
        // other option of the scale has the same short label.
        var short: [String: UInt8] = [:], ambiguous = Set<String>()
        for (index, option) in scale.options.enumerated() {
            for label in languages.compactMap({ option.label.translations[$0] }) {
                guard let head = Self.shortLabel(label) else { continue }
                let key = Self.normalize(head)
                if let other = short[key], other != UInt8(index) { ambiguous.insert(key) } else { short[key] = UInt8(index) }
            }
        }
        for (key, index) in short where known[key] == nil && !ambiguous.contains(key) { known[key] = index }
        let na = scale.allowNA ? Self.notApplicable : Self.rejectedNotApplicable
        for (text, value) in map.values {
            if let index = scale.options.firstIndex(where: { $0.value == value }) {
                known[text] = UInt8(index)
            } else if value == "na" {
                known[text] = na
            }
        }
        for word in Self.notApplicableWords where known[word] == nil { known[word] = na }
        self.known = known
        valuesText = scale.options.map(\.value).joined(separator: ", ") + (scale.allowNA ? ", na" : "")
    }

    /// The part of a label before its first " – ", " - ", " — ", ":" or "：", when the label has one.
    static func shortLabel(_ label: String) -> String? {
        for separator in [" – ", " - ", " — ", "：", ":"] {
            if let range = label.range(of: separator) {
                let head = label[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
                return head.isEmpty ? nil : head
            }
        }
        return nil
    }

    /// The code of a cell given as UTF-8 bytes.
    @inline(__always)
    mutating func code(_ bytes: UnsafeRawBufferPointer) -> UInt8 {
        bytes.count <= 8 ? code(packed: Self.pack(bytes), bytes) : code(long: bytes)
    }

    /// The code of a cell of up to 8 bytes, given also packed into an integer (`pack`).
    @inline(__always)
    mutating func code(packed key: UInt64, _ bytes: UnsafeRawBufferPointer) -> UInt8 {
        let tag = UInt16(bytes.count + 1) << 8
        var slot = Int(truncatingIfNeeded: ((key ^ UInt64(bytes.count)) &* 0x9E37_79B9_7F4A_7C15) >> 58)
        while meta[slot] != 0 {
            if keys[slot] == key, meta[slot] & 0xFF00 == tag { return UInt8(truncatingIfNeeded: meta[slot]) }
            slot = (slot + 1) & 63
        }
        let code = code(String(decoding: bytes, as: UTF8.self))
        // Remember raw forms, but not without bound: hostile input cannot grow memory with rows.
        if used < 48 {
            keys[slot] = key
            meta[slot] = tag | UInt16(code)
            used += 1
        }
        return code
    }

    /// The code of a cell of more than 8 bytes.
    private mutating func code(long bytes: UnsafeRawBufferPointer) -> UInt8 {
        guard bytes.count <= 64 else { return code(String(decoding: bytes, as: UTF8.self)) }
        let hash = FNV1a.hash(bytes)
        if let entry = long[hash], entry.bytes.count == bytes.count,
           entry.bytes.withUnsafeBytes({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }) {
            return entry.code
        }
        let code = code(String(decoding: bytes, as: UTF8.self))
        if long.count < 256 { long[hash] = (Array(bytes), code) }
        return code
    }

    /// The code of a cell's text.
    func code(_ cell: String) -> UInt8 {
        let key = Self.normalize(cell)
        return key.isEmpty ? Self.empty : known[key] ?? Self.rejected
    }

    /// Why a cell with a rejection code was rejected.
    func reason(_ code: UInt8) -> String {
        code == Self.rejectedNotApplicable ? "not applicable is not allowed for this question" : "not an answer (expected \(valuesText))"
    }

    @inline(__always)
    static func pack(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var key: UInt64 = 0, index = 0
        while index < bytes.count {
            key |= UInt64(bytes[index]) << (8 * UInt64(index))
            index += 1
        }
        return key
    }

    /// Lowercased, without spaces (including full-width and non-breaking ones).
    static func normalize(_ text: String) -> String {
        // Scalars are gathered in an array: appending another string's scalars to
        // `String.unicodeScalars` copies the string each time (a 400 KB cell took 3.6 s; issue 12, finding 6).
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace {
            scalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }
}
