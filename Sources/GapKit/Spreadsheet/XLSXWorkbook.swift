import Foundation
internal import ZIPFoundation

/// An .xlsx workbook opened for reading: its sheets by name, shared strings, which cell styles
/// are dates, and the date system. Sheets are streamed by `XLSXSheetScanner`.
final class XLSXWorkbook {
    /// The name of the file as the user gave it, for messages.
    let name: String
    private let archive: Archive
    /// Sheet name → part path (e.g. `xl/worksheets/sheet1.xml`), in workbook order.
    private(set) var sheets: [(name: String, part: String)] = []
    private(set) var sharedStrings = SharedStrings()
    /// Per cell style (`s`): whether its number format shows a date.
    private(set) var dateStyles: [Bool] = []
    private(set) var date1904 = false

    /// Parts larger than this when unpacked are refused (a sheet is streamed and has no limit).
    static let partLimit = 256 << 20

    init(path: String, name: String) throws {
        self.name = name
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw Self.error(name, part: nil, "not an .xlsx workbook: the file is not a readable zip archive (\(error))")
        }
        guard let workbookPart = try relationshipTargets(of: "", type: "/officeDocument").first else {
            throw Self.error(name, part: nil, "not an .xlsx workbook: no workbook part (xl/workbook.xml) in the archive")
        }
        try readWorkbook(workbookPart)
        let related = try relationships(of: workbookPart)
        if let part = related.first(where: { $0.type.hasSuffix("/sharedStrings") })?.target ?? (archive["xl/sharedStrings.xml"] != nil ? "xl/sharedStrings.xml" : nil) {
            try readSharedStrings(part)
        }
        if let part = related.first(where: { $0.type.hasSuffix("/styles") })?.target ?? (archive["xl/styles.xml"] != nil ? "xl/styles.xml" : nil) {
            try readStyles(part)
        }
    }

    static func error(_ file: String, part: String?, cell: String? = nil, _ message: String) -> DiagnosticsError {
        let place = [part, cell.map { "cell \($0)" }].compactMap { $0 }.joined(separator: ", ")
        return DiagnosticsError(file: SourceFile(path: file, text: ""), .error((place.isEmpty ? "" : place + ": ") + message, at: nil))
    }

    /// The part of sheet `name`, or of the first sheet.
    func sheetPart(named wanted: String?) throws -> String {
        guard let wanted else {
            guard let first = sheets.first else { throw Self.error(name, part: "xl/workbook.xml", "the workbook has no sheet") }
            return first.part
        }
        if let sheet = sheets.first(where: { $0.name == wanted }) ?? sheets.first(where: { $0.name.lowercased() == wanted.lowercased() }) {
            return sheet.part
        }
        let names = sheets.map(\.name)
        throw Self.error(name, part: nil, "no sheet '\(wanted)'\(Suggestion.hint(for: wanted, in: names)); the sheets are "
            + names.map { "'\($0)'" }.joined(separator: ", "))
    }

    /// Streams a part's unpacked bytes in chunks of about `chunk` bytes.
    func stream(_ part: String, chunk: Int = 1 << 20, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let entry = archive[part] else { throw Self.error(name, part: part, "the part is missing from the archive") }
        // An error of `body` (including a reader's early stop) passes through unchanged.
        var bodyError: (any Error)?
        do {
            _ = try archive.extract(entry, bufferSize: chunk, skipCRC32: false) { data in
                do {
                    try data.withUnsafeBytes { try body($0) }
                } catch {
                    bodyError = error
                    throw error
                }
            }
        } catch {
            if let bodyError { throw bodyError }
            throw Self.error(name, part: part, "the part cannot be unpacked: the archive is damaged (\(error))")
        }
    }

    /// A small part's bytes, whole.
    func bytes(_ part: String) throws -> [UInt8] {
        var out: [UInt8] = []
        try stream(part) { chunk in
            out.append(contentsOf: chunk)
            if out.count > Self.partLimit { throw Self.error(name, part: part, "the part is larger than \(Self.partLimit >> 20) MiB") }
        }
        return out
    }

    private func events(_ part: String, _ body: (XMLEventReader.Event) throws -> Void) throws {
        do {
            try XMLEventReader.read(try bytes(part), body)
        } catch let error as XMLEventReader.Malformed {
            throw Self.error(name, part: part, "not well-formed XML: \(error.message)")
        }
    }

    /// The relationships of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; "" → `_rels/.rels`.
    private func relationships(of part: String) throws -> [(id: String, type: String, target: String)] {
        let folder = (part as NSString).deletingLastPathComponent
        let file = (part as NSString).lastPathComponent
        let rels = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
        guard archive[rels] != nil else { return [] }
        var out: [(String, String, String)] = []
        try events(rels) { event in
            guard case let .start(name, attributes, _) = event, name == "Relationship",
                  let id = attributes["Id"], let target = attributes["Target"] else { return }
            let resolved = target.hasPrefix("/") ? String(target.dropFirst())
                : ((folder.isEmpty ? target : folder + "/" + target) as NSString).standardizingPath
            out.append((id, attributes["Type"] ?? "", resolved))
        }
        return out
    }

    private func relationshipTargets(of part: String, type: String) throws -> [String] {
        let found = try relationships(of: part).filter { $0.type.hasSuffix(type) }.map(\.target)
        if found.isEmpty, part.isEmpty, archive["xl/workbook.xml"] != nil { return ["xl/workbook.xml"] }
        return found
    }

    private func readWorkbook(_ part: String) throws {
        let targets = Dictionary(try relationships(of: part).map { ($0.id, $0.target) }, uniquingKeysWith: { a, _ in a })
        try events(part) { event in
            guard case let .start(name, attributes, _) = event else { return }
            if name == "workbookPr" { date1904 = ["1", "true"].contains(attributes["date1904"] ?? "") }
            if name == "sheet", let sheetName = attributes["name"] {
                let target = attributes["id"].flatMap { targets[$0] }
                if let target { sheets.append((sheetName, target)) }
            }
        }
    }

    /// `<si>` items: the text of their `<t>` elements, leaving out phonetic runs (`<rPh>`).
    private func readSharedStrings(_ part: String) throws {
        var strings = SharedStrings(), inItem = false, inText = false, phonetic = 0
        var current: [UInt8] = []
        try events(part) { event in
            switch event {
            case let .start(name, _, _):
                if name == "si" { inItem = true; current.removeAll(keepingCapacity: true) }
                if name == "rPh" { phonetic += 1 }
                if name == "t", inItem, phonetic == 0 { inText = true }
            case let .end(name):
                if name == "t" { inText = false }
                if name == "rPh" { phonetic -= 1 }
                if name == "si" {
                    strings.append(current)
                    inItem = false
                }
            case let .text(bytes):
                if inText { current.append(contentsOf: bytes) }
            }
        }
        sharedStrings = strings
    }

    /// Number formats of the cell styles (`cellXfs`): built-in date formats 14–22 and 45–47, and
    /// custom formats whose code has a day, month, year, hour or second outside quotes and brackets.
    private func readStyles(_ part: String) throws {
        var custom: [Int: Bool] = [:], inCellXfs = false, styles: [Bool] = []
        try events(part) { event in
            switch event {
            case let .start(name, attributes, _):
                if name == "numFmt", let id = attributes["numFmtId"].flatMap({ Int($0) }) {
                    custom[id] = Self.isDateFormat(attributes["formatCode"] ?? "")
                }
                if name == "cellXfs" { inCellXfs = true }
                if name == "xf", inCellXfs {
                    let id = attributes["numFmtId"].flatMap { Int($0) } ?? 0
                    styles.append(custom[id] ?? ((14...22).contains(id) || (45...47).contains(id) || (27...36).contains(id) || (50...58).contains(id)))
                }
            case let .end(name):
                if name == "cellXfs" { inCellXfs = false }
            case .text:
                break
            }
        }
        dateStyles = styles
    }

    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false, inBrackets = false, escaped = false
        for character in code.lowercased() {
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            case let letter where "dmyhs".contains(letter) && !inQuotes && !inBrackets: return true
            default: break
            }
        }
        return false
    }
}

/// The shared strings of a workbook, as one byte buffer and offsets, so a sheet's cells refer to
/// them without copying.
struct SharedStrings {
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [Int] = []

    var count: Int { ends.count }

    mutating func append(_ text: [UInt8]) {
        bytes.append(contentsOf: text)
        ends.append(bytes.count)
    }

    func range(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }
}
