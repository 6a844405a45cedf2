import Foundation

/// Locates `../shared` beside the repository (or `$GAPKIT_SHARED`), where the test data sets live.
enum SharedData {
    static let root: URL = {
        if let override = ProcessInfo.processInfo.environment["GAPKIT_SHARED"] {
            return URL(fileURLWithPath: override)
        }
        // Tests/GapKitTests/Support/SharedData.swift → the repository → its sibling `shared`.
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return repository.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    static var yamlTestSuite: URL { root.appendingPathComponent("data/yaml-test-suite") }
}

/// Small files under Tests/GapKitTests/Fixtures.
enum Fixtures {
    static let root = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")

    static func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    static func text(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }
}
