import Foundation

/// Locates `../shared` beside the repository (or `$GAPKIT_SHARED`), where the test data sets live.
enum SharedData {
    static let root: URL = {
        if let override = ProcessInfo.processInfo.environment["GAPKIT_SHARED"] {
            return URL(fileURLWithPath: override)
        }
        // The repository's sibling folder `shared`.
        return Repository.root.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    static var yamlTestSuite: URL { root.appendingPathComponent("data/yaml-test-suite") }
}

/// Files of the repository itself (questionnaires/, examples/, docs/).
enum Repository {
    /// Tests/GapKitTests/Support/SharedData.swift → the repository root.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}

/// Small files under Tests/GapKitTests/Fixtures.
enum Fixtures {
    static let root = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")

    static func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    static func text(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }
}
