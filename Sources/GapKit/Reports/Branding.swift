import Foundation

/// A consultancy's look on its reports: firm name, logo, primary colour and footer text.
public struct Branding: Sendable {
    public var firm: String?
    /// The logo as a `data:` URI, embedded so the report opens with no other file.
    public var logo: String?
    /// `#RRGGBB`.
    public var primaryColor: String
    public var footer: String?

    public static let `default` = Branding(firm: nil, logo: nil, primaryColor: "#1F4E79", footer: nil)

    public init(firm: String?, logo: String?, primaryColor: String, footer: String?) {
        self.firm = firm
        self.logo = logo
        self.primaryColor = primaryColor
        self.footer = footer
    }

    /// Largest logo accepted, in bytes.
    static let maxLogoSize = 2 << 20

    /// Reads a branding file: `firm`, `logo` (a PNG or SVG path, relative to the file), `primary_color`, `footer`.
    public static func load(file path: String) throws -> Branding {
        let stream = try YAMLLoader().parse(file: path)
        var schema = SchemaReader()
        schema.diagnostics = stream.diagnostics
        var branding = Branding.default
        if let root = stream.documents.first, !root.isNull, let fields = schema.fields(root, "the branding file") {
            schema.rejectUnknownKeys(fields, allowed: ["firm", "logo", "primary_color", "footer"])
            branding.firm = fields["firm"].flatMap { schema.string($0, "firm") }
            branding.footer = fields["footer"].flatMap { schema.string($0, "footer") }
            if let node = fields["primary_color"], let color = schema.string(node, "primary_color") {
                if isHexColor(color) {
                    branding.primaryColor = color.uppercased()
                } else {
                    schema.error("'primary_color' must be a colour written #RRGGBB, found '\(color)'", at: node.position)
                }
            }
            if let node = fields["logo"], let logo = schema.string(node, "logo") {
                let base = URL(fileURLWithPath: path).deletingLastPathComponent()
                let logoPath = logo.hasPrefix("/") ? logo : base.appendingPathComponent(logo).path
                do {
                    branding.logo = try dataURI(logoPath)
                } catch let error as LogoError {
                    schema.error("logo '\(logo)': \(error.message)", at: node.position)
                }
            }
        }
        guard schema.diagnostics.isEmpty else { throw DiagnosticsError(file: stream.file, diagnostics: schema.diagnostics) }
        return branding
    }

    static func isHexColor(_ text: String) -> Bool {
        text.count == 7 && text.first == "#" && text.dropFirst().allSatisfy(\.isHexDigit)
    }

    private struct LogoError: Error { var message: String }

    /// A PNG or SVG file as a base64 `data:` URI.
    private static func dataURI(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw LogoError(message: "no such file") }
        guard data.count <= maxLogoSize else { throw LogoError(message: "the file is larger than \(maxLogoSize) bytes") }
        let bytes = [UInt8](data)
        let type: String
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
            type = "image/png"
        } else if let text = String(data: data, encoding: .utf8), text.contains("<svg") {
            type = "image/svg+xml"
        } else {
            throw LogoError(message: "not a PNG or SVG image")
        }
        return "data:\(type);base64,\(data.base64EncodedString())"
    }
}
