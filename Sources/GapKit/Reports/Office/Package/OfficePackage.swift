import Foundation
internal import ZIPFoundation

/// An Office Open XML package (a .docx or .xlsx): parts and their relationships in a ZIP file.
///
/// The ZIP is deterministic: `[Content_Types].xml` first, then the package relationships, then
/// the parts in the order they were added, every entry dated 1980-01-01 00:00 (the earliest date
/// ZIP can hold), so the same parts always give the same bytes.
struct OfficePackage {
    struct Part {
        var path: String
        var contentType: String
        var bytes: [UInt8]
    }

    private(set) var parts: [Part] = []
    /// Relationships by the path of their source part ("" for the package itself).
    private(set) var relationships: [(source: String, items: [Relationship])] = []

    /// Adds a part; `path` has no leading slash (`word/document.xml`).
    mutating func add(_ path: String, contentType: String, bytes: [UInt8]) {
        parts.append(Part(path: path, contentType: contentType, bytes: bytes))
    }

    /// Sets the relationships whose source is the part at `source` ("" for the package).
    mutating func relate(_ source: String, _ items: [Relationship]) {
        relationships.append((source, items))
    }

    /// Every entry of the ZIP in order: content types, relationship parts, then the parts.
    var entries: [(path: String, bytes: [UInt8])] {
        var entries: [(String, [UInt8])] = [("[Content_Types].xml", ContentTypesPart.xml(parts))]
        for (source, items) in relationships.sorted(by: { $0.source.isEmpty && !$1.source.isEmpty }) {
            entries.append((RelationshipsPart.path(of: source), RelationshipsPart.xml(items)))
        }
        return entries + parts.map { ($0.path, $0.bytes) }
    }

    /// The ZIP file.
    func zipped() throws(OfficePackageError) -> [UInt8] {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, bytes) in entries {
                let data = Data(bytes)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: Self.entryDate, permissions: 0o644,
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw OfficePackageError(reason: "the archive has no data") }
            return [UInt8](data)
        } catch let error as OfficePackageError {
            throw error
        } catch {
            throw OfficePackageError(reason: "\(error)")
        }
    }

    /// 1980-01-01 00:00:00 UTC: ZIP stores dates in UTC here (ZIPFoundation uses gmtime), so no time zone changes it.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)
}

/// An Office file that could not be put together (not expected with parts built in memory).
struct OfficePackageError: Error, CustomStringConvertible {
    var reason: String
    var description: String { "cannot build the Office file: \(reason)" }
}

/// A relationship from one part to another (or to an outside address).
struct Relationship {
    var id: String
    var type: String
    var target: String
    var external = false

    static let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    static let officeDocument = base + "officeDocument"
    static let coreProperties = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
    static let extendedProperties = base + "extended-properties"
    static let styles = base + "styles"
    static let settings = base + "settings"
    static let fontTable = base + "fontTable"
    static let header = base + "header"
    static let footer = base + "footer"
    static let image = base + "image"
    static let chart = base + "chart"
    static let worksheet = base + "worksheet"
    static let package = base + "package"
}

/// `_rels/….rels` parts.
enum RelationshipsPart {
    /// `word/document.xml` → `word/_rels/document.xml.rels`; the package's own are `_rels/.rels`.
    static func path(of source: String) -> String {
        guard let slash = source.lastIndex(of: "/") else { return "_rels/\(source).rels" }
        return "\(source[..<slash])/_rels/\(source[source.index(after: slash)...]).rels"
    }

    static func xml(_ items: [Relationship]) -> [UInt8] {
        var xml = XMLWriter()
        xml.element("Relationships", [("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships")]) { xml in
            for item in items {
                xml.element("Relationship", [("Id", item.id), ("Type", item.type), ("Target", item.target),
                                             ("TargetMode", item.external ? "External" : nil)])
            }
        }
        return xml.bytes
    }
}

/// `[Content_Types].xml`: a default per file extension, an override for every other part.
enum ContentTypesPart {
    static let defaults = [("rels", "application/vnd.openxmlformats-package.relationships+xml"), ("xml", "application/xml"),
                           ("png", "image/png")]

    static func xml(_ parts: [OfficePackage.Part]) -> [UInt8] {
        var xml = XMLWriter()
        xml.element("Types", [("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")]) { xml in
            for (ext, type) in defaults { xml.element("Default", [("Extension", ext), ("ContentType", type)]) }
            for part in parts {
                let ext = part.path.split(separator: ".").last.map(String.init) ?? ""
                if defaults.contains(where: { $0 == (ext, part.contentType) }) { continue }
                xml.element("Override", [("PartName", "/" + part.path), ("ContentType", part.contentType)])
            }
        }
        return xml.bytes
    }
}
