import Foundation
import Testing

/// The optional `../shared` folder beside the repository (or `$GAPKIT_SHARED`): large third-party
/// data sets (e.g. the CISO Assistant libraries) that a clone does not carry.
///
/// Nothing essential reads it: a test that does is an extra check and carries
/// `.enabled(if: SharedData.isPresent, SharedData.skipReason)`, so without the folder it is
/// reported as skipped, with the reason, instead of failing. Data the tests need lives in Fixtures.
enum SharedData {
    static let root: URL = {
        if let override = ProcessInfo.processInfo.environment["GAPKIT_SHARED"] {
            return URL(fileURLWithPath: override)
        }
        // The repository's sibling folder `shared`.
        return Repository.root.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    /// Whether the folder exists; the extra checks run only then.
    static var isPresent: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// What a skipped extra check says.
    static var skipReason: Comment {
        "\(root.path) is not present: an optional data set beside the repository (GAPKIT_SHARED=DIR names another place)"
    }
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

    /// The cases of yaml-test-suite the conformance test reads (in.yaml, in.json, error), vendored
    /// with the suite's MIT licence (Fixtures/yaml-test-suite/LICENSE).
    static var yamlTestSuite: URL { root.appendingPathComponent("yaml-test-suite") }
}
