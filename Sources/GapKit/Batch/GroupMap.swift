import Foundation

/// Group names to merge, from `--group-map FILE`:
///
///     groups:
///       Network: [network team, NOC, 网络组]
///       Service desk: [Helpdesk, 服务台]
///
/// Each listed variant (compared as `GroupMap.normalize` does: spaces, case and full-width forms
/// ignored) becomes the group named by its key, in every `--group-by` column.
public struct GroupMap: Sendable {
    /// Normalised variant → group name.
    public var groups: [String: String] = [:]

    public init(groups: [String: String] = [:]) {
        self.groups = groups
    }

    public static func load(file path: String) throws -> GroupMap {
        let stream = try YAMLLoader().parse(file: path)
        var schema = SchemaReader()
        schema.diagnostics = stream.diagnostics
        var map = GroupMap()
        var firstSeen: [String: String] = [:]
        if let root = stream.documents.first, !root.isNull, let fields = schema.fields(root, "the group map") {
            schema.rejectUnknownKeys(fields, allowed: ["groups"])
            for pair in fields["groups"].flatMap({ schema.fields($0, "groups") })?.pairs ?? [] {
                guard let name = schema.string(pair.key, "group") else { continue }
                let variants = pair.value.sequence ?? [pair.value]
                for node in [pair.key] + variants {
                    guard let variant = schema.string(node, name) else { continue }
                    let key = normalize(variant)
                    if let other = firstSeen[key], other != name {
                        schema.error("'\(variant)' is listed for both '\(other)' and '\(name)'", at: node.position)
                        continue
                    }
                    firstSeen[key] = name
                    map.groups[key] = name
                }
            }
        }
        guard schema.diagnostics.isEmpty else { throw DiagnosticsError(file: stream.file, diagnostics: schema.diagnostics) }
        return map
    }

    /// A group value as compared: full-width forms as half-width, runs of white space as one
    /// space, without leading or trailing space, lowercased. `Network`, ` network ` and
    /// `ＮＥＴＷＯＲＫ` are one group.
    public static func normalize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            var scalar = scalar
            if (0xFF01...0xFF5E).contains(scalar.value), let half = Unicode.Scalar(scalar.value - 0xFEE0) { scalar = half }
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
        return String(out)
    }

    /// The group a value belongs to, as compared: the mapped group's, else the value's own.
    func key(_ value: String) -> String {
        let normal = Self.normalize(value)
        return groups[normal].map(Self.normalize) ?? normal
    }

    /// The name shown for a value: the mapped group's name, else the value without outer spaces.
    func name(_ value: String) -> String {
        groups[Self.normalize(value)] ?? value.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
