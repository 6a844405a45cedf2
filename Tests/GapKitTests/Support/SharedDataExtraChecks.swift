import Foundation
import Testing
@testable import GapKit

/// Extra checks against data sets that only live beside the repository (`../shared`, see
/// SharedData). Without that folder they are reported as skipped, with the reason; nothing the
/// project needs depends on them.
@Suite(.enabled(if: SharedData.isPresent, SharedData.skipReason))
struct SharedDataExtraChecks {
    /// Real-world YAML: the framework libraries of CISO Assistant (AGPL-3.0, so never copied here).
    static let cisoAssistantLibraries = SharedData.root.appendingPathComponent("data/ciso-assistant-libraries")

    @Test func everyCISOAssistantLibraryLoadsAsYAML() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.cisoAssistantLibraries.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        try #require(files.count >= 5, "no libraries in \(Self.cisoAssistantLibraries.path)")
        for file in files {
            let stream = try YAMLLoader().load(file: Self.cisoAssistantLibraries.appendingPathComponent(file).path)
            #expect(stream.documents.count == 1, "\(file)")
        }
    }

    /// The vendored clause list keeps the ids of the reference clause tree it was derived from.
    @Test func theVendoredClauseListHasTheReferenceIds() throws {
        let reference = try String(
            contentsOf: SharedData.root.appendingPathComponent("reference/iso20000-1-2018-clauses.md"), encoding: .utf8)
        let referenceIds = reference.split(separator: "\n").compactMap { line -> String? in
            guard let start = line.range(of: "- **") else { return nil }
            let id = line[start.upperBound...].prefix { $0.isNumber || $0 == "." }
            return id.contains(".") ? String(id) : nil
        }
        let vendored = try Fixtures.text("iso20000-1-2018-clauses.txt").split(separator: "\n")
            .filter { $0.first?.isNumber == true }.map { String($0.prefix { !$0.isWhitespace }) }
        #expect(vendored == referenceIds)
    }
}
