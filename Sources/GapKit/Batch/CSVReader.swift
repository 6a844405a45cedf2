// CSVReader.swift
//
// A streaming RFC 4180 CSV reader over raw UTF-8 bytes (UTF-16 input is transcoded as it is read).
// Measured against yaslab/CSV.swift and SwiftCSV in docs/BATCH.md: about 30 times faster, in
// constant memory.
//
// Design
// ------
// * Input is read in large chunks (default 4 MiB) with read(2) into one
//   reusable buffer. Memory is O(chunk size + longest row), independent of
//   the number of rows.
// * A byte-level state machine splits the buffer into records and fields.
//   Fields are reported as byte ranges into the buffer (`CSVField`); nothing
//   is allocated per cell unless the caller asks for a `String`.
// * A record that straddles the end of the buffer is not parsed in pieces:
//   the parser reports "need more input", the unparsed tail (from the start of
//   that record) is moved to the front of the buffer, more bytes are read
//   behind it, and the record is parsed again from its start. This happens at
//   most once per chunk, so its cost is negligible, and it keeps the hot loop
//   free of resumable state. If a single record is larger than the buffer,
//   the buffer doubles (up to `Options.maxRecordBytes`).
// * Unquoted fields are scanned eight bytes at a time (`firstStop`). The
//   buffer is allocated with `slack` zeroed bytes past its capacity, so an
//   8-byte load near its end stays inside the allocation; what such a load
//   sees past the buffered bytes is ignored.
//
// Dialect (RFC 4180, plus what real exports contain)
// --------------------------------------------------
// * Delimiter is configurable: ',' (default), ';', '\t', ... (one ASCII byte).
// * Records end at CRLF, LF or a lone CR. A final record without a line
//   terminator is accepted.
// * A field that starts with '"' is quoted: delimiters, CR and LF inside it are
//   data, and '""' stands for one '"'. The field's bytes are reported without
//   the surrounding quotes; `CSVField.doubledQuotes` says how many '""' pairs
//   remain to be collapsed (`string` / `withUnescapedBytes` do that).
// * After a closing quote only a delimiter, a line end or end of input may
//   follow; anything else throws `CSVReadError.unexpectedByteAfterQuote`.
//   An unterminated quoted field at end of input throws `.unterminatedQuote`.
// * A '"' inside an unquoted field is kept literally (lenient, as Excel does).
// * A UTF-8 byte order mark (EF BB BF) at the very start is skipped.
// * Blank lines (an empty line between two line ends) are skipped by default
//   (`Options.skipBlankLines`); otherwise they are a record with one empty field.
// * Bytes are not validated as UTF-8; `CSVField.string` repairs invalid
//   sequences with U+FFFD like `String(decoding:as:)`.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Errors thrown by `CSVReader`. `row` is the 1-based row as a spreadsheet shows it (the header,
/// if any, is row 1; skipped blank lines count); `field` is the 0-based field in the record.
enum CSVReadError: Error, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, errno: Int32)
    case readFailed(errno: Int32)
    case unterminatedQuote(row: Int, field: Int)
    case unexpectedByteAfterQuote(row: Int, field: Int, byte: UInt8)
    /// `field` is the field whose opening quote is not closed, when that is why the row is so long.
    case recordTooLong(row: Int, field: Int?, limit: Int)

    var description: String {
        switch self {
        case let .cannotOpen(path, e): return "cannot open \(path): errno \(e)"
        case let .readFailed(e): return "read failed: errno \(e)"
        case let .unterminatedQuote(r, f): return "row \(r), field \(f + 1): quoted field not closed before end of input"
        case let .unexpectedByteAfterQuote(r, f, b): return "row \(r), field \(f + 1): byte 0x\(String(b, radix: 16)) after closing quote"
        case let .recordTooLong(r, _, l): return "row \(r): longer than \(l) bytes"
        }
    }

    /// The spreadsheet row the problem is in.
    var row: Int? {
        switch self {
        case .cannotOpen, .readFailed: return nil
        case let .unterminatedQuote(r, _), let .unexpectedByteAfterQuote(r, _, _), let .recordTooLong(r, _, _): return r
        }
    }
}

/// Where one field lies in the reader's buffer (internal; exposed via `CSVField`).

struct FieldSpan {
    var start: Int        // first content byte (after an opening quote)
    var end: Int          // one past the last content byte (before a closing quote)
    var doubledQuotes: Int32
    var quoted: Bool

    init(start: Int, end: Int, doubledQuotes: Int32, quoted: Bool) {
        self.start = start; self.end = end; self.doubledQuotes = doubledQuotes; self.quoted = quoted
    }
}

/// One field of the current record. Only valid inside the `forEachRecord` callback
/// that produced it: its bytes point into the reader's buffer.
struct CSVField {
    /// The field's bytes between the quotes (if any). '""' pairs are NOT collapsed.
    let rawBytes: UnsafeBufferPointer<UInt8>
    /// How many '""' pairs `rawBytes` contains (0 for unquoted fields).
    let doubledQuotes: Int
    /// Whether the field was enclosed in quotes in the file.
    let wasQuoted: Bool

    /// Length in bytes of the field's value (after collapsing '""').
    var byteCount: Int { rawBytes.count - doubledQuotes }

    var isEmpty: Bool { rawBytes.isEmpty }

    /// The first 8 raw bytes (fewer for a shorter field, the rest zero) as one little-endian
    /// integer, in a single load: the reader's buffer has `CSVReader.slack` readable bytes past
    /// its end, so the load never leaves it. `CellMatcher.pack` gives the same for any bytes.
    var packedPrefix: UInt64 {
        let count = rawBytes.count
        guard count > 0 else { return 0 }
        let word = UInt64(littleEndian: UnsafeRawPointer(rawBytes.baseAddress!).loadUnaligned(as: UInt64.self))
        return count >= 8 ? word : word & (UInt64.max >> (64 - 8 * UInt64(count)))
    }

    /// Calls `body` with the field's value bytes (doubled quotes collapsed).
    /// No allocation unless the field contains '""'.

    func withUnescapedBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if doubledQuotes == 0 { return try body(rawBytes) }
        var out = [UInt8]()
        out.reserveCapacity(byteCount)
        var i = 0
        let q = UInt8(ascii: "\"")
        while i < rawBytes.count {
            let b = rawBytes[i]
            out.append(b)
            // Inside a quoted field every '"' is the first half of a '""' pair.
            i += (b == q) ? 2 : 1
        }
        return try out.withUnsafeBufferPointer(body)
    }

    /// The field's value as a String (allocates).
    var string: String {
        withUnescapedBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// The field's value without leading and trailing spaces and tabs, as a String (allocates).
    var trimmedString: String {
        withUnescapedBytes { bytes in
            var start = 0, end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }

}

/// One record (row). Only valid inside the `forEachRecord` callback.
struct CSVRecord {
    /// 0-based index of the record in the input (header = 0 if there is one).
    let index: Int
    /// 1-based row as a spreadsheet shows it: the record's index + 1, plus the blank lines skipped before it.
    let row: Int
    /// Number of fields in this record.
    let count: Int
    let base: UnsafePointer<UInt8>
    let spans: UnsafePointer<FieldSpan>


    subscript(i: Int) -> CSVField {
        precondition(i >= 0 && i < count, "field index out of range")
        let s = spans[i]
        return CSVField(rawBytes: UnsafeBufferPointer(start: base + s.start, count: s.end - s.start),
                        doubledQuotes: Int(s.doubledQuotes), wasQuoted: s.quoted)
    }

    /// All fields as Strings (allocates; convenient for a header row).
    var strings: [String] { (0..<count).map { self[$0].string } }
}

final class CSVReader {
    struct Options: Sendable {
        /// Field delimiter, a single ASCII byte: ',', ';', '\t', '|' ...
        var delimiter: UInt8 = UInt8(ascii: ",")
        /// Bytes requested per read(2) call; also the initial buffer size.
        var chunkSize: Int = 4 << 20
        /// Skip a UTF-8 byte order mark at the start of input.
        var skipBOM: Bool = true
        /// Skip empty lines instead of reporting a record with one empty field.
        var skipBlankLines: Bool = true
        /// Upper bound for a single record: a stray quote makes the rest of the file one record, and
        /// this keeps the buffer (and so memory) bounded. A survey row of 16 MiB is far beyond any export.
        var maxRecordBytes: Int = 16 << 20
        init() {}
        init(delimiter: UInt8) { self.delimiter = delimiter }
    }

    private enum Source {
        case fileDescriptor(Int32, closeWhenDone: Bool)
        case bytes([UInt8], position: Int)
    }

    /// UTF-16 input (with a byte-order mark) is transcoded to UTF-8 as it is read.
    private var utf16: UTF16Transcoder?
    /// Raw input bytes read so far, for progress reports.
    private(set) var bytesRead = 0

    let options: Options
    private var source: Source
    /// Readable bytes allocated past the buffer's capacity (zeroed, never filled), for `CSVField.packedPrefix`.
    static let slack = 8
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var spans: UnsafeMutablePointer<FieldSpan>
    private var spanCapacity: Int

    /// Opens a file for reading; a UTF-16 byte-order mark makes it read as UTF-16.
    convenience init(path: String, options: Options = Options()) throws {
        // A regular file, or a pipe the user named (read once: the delimiter must then be given).
        let fd = try InputFile.openRegular(path, allowPipe: true)
        var head: [UInt8] = [0, 0]
        let n = pread(fd, &head, 2, 0)
        self.init(source: .fileDescriptor(fd, closeWhenDone: true), options: options)
        if n == 2, let transcoder = Self.utf16(head) {
            utf16 = transcoder
            lseek(fd, 2, SEEK_SET)
        }
    }

    /// The transcoder for input that starts with a UTF-16 byte-order mark.
    static func utf16(_ head: [UInt8]) -> UTF16Transcoder? {
        if head.starts(with: [0xFF, 0xFE]) { return UTF16Transcoder(littleEndian: true) }
        if head.starts(with: [0xFE, 0xFF]) { return UTF16Transcoder(littleEndian: false) }
        return nil
    }

    /// Reads from bytes in memory (fed in `chunkSize` pieces, so tests can
    /// exercise chunk boundaries with a tiny chunk size).
    convenience init(bytes: [UInt8], options: Options = Options()) {
        let transcoder = Self.utf16(Array(bytes.prefix(2)))
        self.init(source: .bytes(transcoder == nil ? bytes : Array(bytes.dropFirst(2)), position: 0), options: options)
        utf16 = transcoder
    }

    private init(source: Source, options: Options) {
        precondition(options.chunkSize > 0)
        let d = options.delimiter
        precondition(d < 0x80 && d != UInt8(ascii: "\"") && d != 0x0A && d != 0x0D, "delimiter must be ASCII, not quote/CR/LF")
        self.source = source
        self.options = options
        self.capacity = max(options.chunkSize, 16)
        self.buffer = Self.allocateBuffer(capacity)
        self.spanCapacity = 256
        self.spans = .allocate(capacity: spanCapacity)
    }

    deinit {
        if case let .fileDescriptor(fd, true) = source { close(fd) }
        buffer.deallocate()
        spans.deallocate()
    }

    /// Reads up to `count` bytes into `dst`; returns 0 at end of input.
    private func fill(_ dst: UnsafeMutablePointer<UInt8>, _ count: Int) throws -> Int {
        if var transcoder = utf16 {
            defer { utf16 = transcoder }
            return try transcoder.fill(dst, count) { raw, n in try fillRaw(raw, n) }
        }
        return try fillRaw(dst, count)
    }

    /// Reads raw input bytes.
    private func fillRaw(_ dst: UnsafeMutablePointer<UInt8>, _ count: Int) throws -> Int {
        let want = min(count, options.chunkSize)
        switch source {
        case let .fileDescriptor(fd, _):
            while true {
                let n = read(fd, dst, want)
                if n >= 0 {
                    bytesRead += n
                    return n
                }
                if errno == EINTR { continue }
                throw CSVReadError.readFailed(errno: errno)
            }
        case .bytes(let bytes, let pos):
            let n = min(want, bytes.count - pos)
            if n > 0 {
                bytes.withUnsafeBufferPointer { src in
                    (dst).update(from: src.baseAddress! + pos, count: n)
                }
            }
            source = .bytes(bytes, position: pos + n)
            return n
        }
    }

    /// Result of trying to parse one record from the buffered bytes.
    private enum Step {
        case record(fieldCount: Int, next: Int)  // a complete record; `next` = start of the following one
        case blank(next: Int)                    // an empty line that is skipped
        case needMore                            // the record continues past the buffered bytes
    }

    /// Streams every record to `body`, in order. Returns the number of records
    /// delivered (including a header row, which is record 0).
    @discardableResult
    func forEachRecord(_ body: (CSVRecord) throws -> Void) throws -> Int {
        var len = 0          // valid bytes in buffer
        var pos = 0          // start of the first unparsed record
        var eof = false
        var bomChecked = !options.skipBOM
        var recordIndex = 0
        var blankLines = 0   // skipped so far, for spreadsheet row numbers

        while true {
            // Make sure at least one byte (three at the start, for the BOM) is buffered.
            if pos == len || (!bomChecked && len - pos < 3 && !eof) {
                if eof {
                    if pos == len { break }
                } else {
                    try refill(&len, &pos, &eof, row: recordIndex + blankLines + 1)
                    continue
                }
            }
            if !bomChecked {
                bomChecked = true
                if len - pos >= 3 && buffer[pos] == 0xEF && buffer[pos + 1] == 0xBB && buffer[pos + 2] == 0xBF {
                    pos += 3
                }
                continue
            }

            let row = recordIndex + blankLines + 1
            switch try parseRecord(from: pos, limit: len, atEOF: eof, row: row) {
            case let .record(n, next):
                try body(CSVRecord(index: recordIndex, row: row, count: n, base: buffer, spans: spans))
                recordIndex += 1
                pos = next
            case let .blank(next):
                blankLines += 1
                pos = next
            case .needMore:
                try refill(&len, &pos, &eof, row: row)
            }
        }
        return recordIndex
    }

    /// Moves the unparsed tail [pos, len) to the front and reads more input
    /// behind it, growing the buffer if the tail already fills it.
    private func refill(_ len: inout Int, _ pos: inout Int, _ eof: inout Bool, row: Int) throws {
        if pos > 0 {
            let tail = len - pos
            if tail > 0 { buffer.update(from: buffer + pos, count: tail) }  // memmove semantics
            len = tail
            pos = 0
        }
        if len == capacity {
            guard capacity < options.maxRecordBytes else {
                throw CSVReadError.recordTooLong(row: row, field: Self.unclosedQuoteField(buffer, count: len, delimiter: options.delimiter),
                                                 limit: options.maxRecordBytes)
            }
            let newCapacity = min(capacity * 2, max(options.maxRecordBytes, capacity + 1))
            let newBuffer = Self.allocateBuffer(newCapacity)
            newBuffer.update(from: buffer, count: len)
            buffer.deallocate()
            buffer = newBuffer
            capacity = newCapacity
        }
        let n = try fill(buffer + len, capacity - len)
        if n == 0 { eof = true } else { len += n }
    }

    private static func allocateBuffer(_ capacity: Int) -> UnsafeMutablePointer<UInt8> {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + slack)
        (buffer + capacity).initialize(repeating: 0, count: slack)
        return buffer
    }

    /// The 0-based field of the record at `bytes` whose opening quote is still open at `count`, if any
    /// (only used to explain an overlong record).
    static func unclosedQuoteField(_ bytes: UnsafePointer<UInt8>, count: Int, delimiter: UInt8) -> Int? {
        var field = 0, i = 0, atStart = true
        while i < count {
            let b = bytes[i]
            if atStart && b == 0x22 {
                // A quoted field: find its closing quote ('""' is a quote inside it).
                i += 1
                while true {
                    while i < count && bytes[i] != 0x22 { i += 1 }
                    if i + 1 >= count { return i >= count ? field : nil }
                    if bytes[i + 1] == 0x22 { i += 2 } else { break }
                }
                atStart = false
            } else if b == delimiter {
                field += 1
                atStart = true
            } else if b == 0x0A || b == 0x0D {
                return nil
            } else {
                atStart = false
            }
            i += 1
        }
        return nil
    }

    private func growSpans() {
        let newCapacity = spanCapacity * 2
        let s = UnsafeMutablePointer<FieldSpan>.allocate(capacity: newCapacity)
        s.moveInitialize(from: spans, count: spanCapacity)
        spans.deallocate()
        spans = s
        spanCapacity = newCapacity
    }

    /// The index (0–7) of the first delimiter, CR or LF among the 8 bytes of `word` (read from
    /// memory in order), or 8 when there is none. Branch-free: a byte b equals c when b ^ c is zero,
    /// and (v − 0x01…01) & ~v & 0x80…80 marks the zero bytes of v exactly up to the first one.
    @inline(__always)
    static func firstStop(in word: UInt64, delimiter: UInt8) -> Int {
        let bytes = UInt64(littleEndian: word)
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeros(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let marks = zeros(bytes ^ (ones &* UInt64(delimiter))) | zeros(bytes ^ (ones &* 0x0A)) | zeros(bytes ^ (ones &* 0x0D))
        return marks.trailingZeroBitCount >> 3
    }

    /// The hot loop: parses one record starting at `start`, recording field
    /// spans. `limit` is the end of the buffered bytes; if `atEOF`, it is also
    /// the end of input and terminates the last record.
    @inline(__always)
    private func parseRecord(from start: Int, limit: Int, atEOF: Bool, row: Int) throws -> Step {
        let p = UnsafePointer(buffer)
        let delim = options.delimiter
        let quote = UInt8(ascii: "\"")
        let cr: UInt8 = 0x0D
        let lf: UInt8 = 0x0A

        // Blank line?
        if options.skipBlankLines {
            let c = p[start]
            if c == lf { return .blank(next: start + 1) }
            if c == cr {
                if start + 1 < limit { return .blank(next: p[start + 1] == lf ? start + 2 : start + 1) }
                return atEOF ? .blank(next: start + 1) : .needMore
            }
        }

        var n = 0              // fields so far
        var i = start
        var spans = self.spans  // local copy: keeps the loop free of class-property access
        var spanCapacity = self.spanCapacity
        defer { self.spans = spans; self.spanCapacity = spanCapacity }

        @inline(__always) func append(_ s: Int, _ e: Int, _ dq: Int32, _ q: Bool) {
            if n == spanCapacity {
                self.spans = spans; self.spanCapacity = spanCapacity
                growSpans()
                spans = self.spans; spanCapacity = self.spanCapacity
            }
            (spans + n).initialize(to: FieldSpan(start: s, end: e, doubledQuotes: dq, quoted: q))
            n += 1
        }

        /// At a CR at index `j`: the record ends there; skip a following LF.
        @inline(__always) func endAtCR(_ j: Int) -> Step {
            if j + 1 < limit { return .record(fieldCount: n, next: p[j + 1] == lf ? j + 2 : j + 1) }
            return atEOF ? .record(fieldCount: n, next: j + 1) : .needMore  // LF may be in the next chunk
        }

        while true {
            // i is at the start of a field.
            if i < limit && p[i] == quote {
                // Quoted field: scan to the closing quote, counting '""' pairs.
                let fieldStart = i + 1
                var j = fieldStart
                var doubled: Int32 = 0
                while true {
                    while j < limit && p[j] != quote { j += 1 }
                    if j >= limit {
                        if atEOF { throw CSVReadError.unterminatedQuote(row: row, field: n) }
                        return .needMore
                    }
                    // p[j] is a quote: either the first half of '""' or the closing quote.
                    if j + 1 < limit {
                        if p[j + 1] == quote { doubled += 1; j += 2; continue }
                        break
                    }
                    if atEOF { break }      // quote is the last byte of input: closing
                    return .needMore        // can't tell yet whether '"' or '""'
                }
                append(fieldStart, j, doubled, true)
                i = j + 1
                if i >= limit { return atEOF ? .record(fieldCount: n, next: i) : .needMore }
                let c = p[i]
                if c == delim { i += 1; continue }
                if c == lf { return .record(fieldCount: n, next: i + 1) }
                if c == cr { return endAtCR(i) }
                throw CSVReadError.unexpectedByteAfterQuote(row: row, field: n - 1, byte: c)
            } else {
                // Unquoted field: scan to delimiter / CR / LF, eight bytes at a time. A load may
                // reach past `limit` (into stale bytes or the buffer's slack); a stop found
                // there is ignored.
                let fieldStart = i
                while i < limit {
                    let stop = Self.firstStop(in: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self), delimiter: delim)
                    if stop < 8 {
                        i = min(i + stop, limit)
                        break
                    }
                    i = min(i + 8, limit)
                }
                if i >= limit {
                    if !atEOF { return .needMore }
                    append(fieldStart, i, 0, false)     // last field of input, no line end
                    return .record(fieldCount: n, next: i)
                }
                append(fieldStart, i, 0, false)
                let c = p[i]
                if c == delim { i += 1; continue }
                if c == lf { return .record(fieldCount: n, next: i + 1) }
                return endAtCR(i)
            }
        }
    }
}
