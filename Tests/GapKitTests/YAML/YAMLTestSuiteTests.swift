import Foundation
import Testing
@testable import GapKit

/// Runs every case of yaml-test-suite (vendored in Fixtures/yaml-test-suite) through the loader.
///
/// Valid cases must load and, where the suite gives `in.json`, equal it under the YAML 1.2 core
/// schema. Invalid cases must be rejected with a position. The cases where libyaml itself
/// disagrees with the suite are listed in Fixtures/yaml-test-suite-known.txt; a case that moves
/// into or out of those lists fails the test, so the lists stay exact.
@Suite struct YAMLTestSuiteTests {
    struct Case {
        var name: String
        var directory: URL
        var isError: Bool
        var expectedJSON: String?
    }

    static func cases() throws -> [Case] {
        let root = Fixtures.yamlTestSuite
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var cases: [Case] = []
        while let url = enumerator?.nextObject() as? URL {
            guard url.lastPathComponent == "in.yaml" else { continue }
            let directory = url.deletingLastPathComponent()
            let name = String(directory.path.dropFirst(root.path.count + 1))
            let json = directory.appendingPathComponent("in.json")
            cases.append(Case(
                name: name, directory: directory,
                isError: FileManager.default.fileExists(atPath: directory.appendingPathComponent("error").path),
                expectedJSON: try? String(contentsOf: json, encoding: .utf8)))
        }
        return cases.sorted { $0.name < $1.name }
    }

    /// The known-divergence lists: section name → case names.
    static func known() throws -> [String: Set<String>] {
        var sections: [String: Set<String>] = [:]
        var current = ""
        for line in try Fixtures.text("yaml-test-suite-known.txt").split(separator: "\n") {
            let text = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if text.hasPrefix("[") {
                current = String(text.dropFirst().dropLast())
            } else {
                sections[current, default: []].formUnion(text.split(separator: " ").map(String.init))
            }
        }
        return sections
    }

    @Test func everyCaseBehavesAsTheSuiteSaysOrIsAKnownLibyamlDivergence() throws {
        let cases = try Self.cases()
        try #require(cases.count > 300, "yaml-test-suite not found at \(Fixtures.yamlTestSuite.path)")
        let known = try Self.known()
        let loader = YAMLLoader()
        var matched = 0, errorsRejected = 0, loadedNoJSON = 0
        var rejectedValid = Set<String>(), duplicateKeys = Set<String>(), acceptedInvalid = Set<String>()
        var mismatches: [String: String] = [:], unpositioned: [String] = []
        for testCase in cases {
            let path = testCase.directory.appendingPathComponent("in.yaml").path
            let result = Result { try loader.load(file: path) }
            switch (testCase.isError, result) {
            case (true, .success):
                acceptedInvalid.insert(testCase.name)
            case (true, .failure(let error)):
                if let error = error as? DiagnosticsError, error.diagnostics.allSatisfy({ $0.position != nil }) {
                    errorsRejected += 1
                } else {
                    unpositioned.append("\(testCase.name): \(error)")
                }
            case (false, .failure(let error)):
                // Keys must be unique in YAML; libyaml does not check, GapKit does.
                if "\(error)".contains("duplicate key") { duplicateKeys.insert(testCase.name) } else { rejectedValid.insert(testCase.name) }
            case (false, .success(let stream)):
                guard let expectedText = testCase.expectedJSON else { loadedNoJSON += 1; continue }
                let expected = try JSONOracle.values(of: expectedText)
                let actual = stream.documents.map(CoreSchema.value(of:))
                if expected.count == actual.count && zip(expected, actual).allSatisfy(JSONOracle.same) {
                    matched += 1
                } else {
                    mismatches[testCase.name] = "expected \(expected), got \(actual)"
                }
            }
        }
        let valid = cases.filter { !$0.isError }.count, invalid = cases.count - valid
        print("""
            yaml-test-suite: \(cases.count) cases (\(valid) valid, \(invalid) invalid)
              valid, equal to in.json:          \(matched)
              valid, loaded (no in.json):       \(loadedNoJSON)
              valid, rejected by libyaml:       \(rejectedValid.count)
              valid, rejected: duplicate keys:  \(duplicateKeys.count)
              invalid, rejected with position:  \(errorsRejected)
              invalid, accepted by libyaml:     \(acceptedInvalid.count)
              valid, libyaml parses otherwise:  \(mismatches.count)
            """)
        #expect(Set(mismatches.keys) == known["libyaml parses differently", default: []], "\(mismatches)")
        #expect(unpositioned == [], "errors must carry a position")
        #expect(rejectedValid == known["libyaml rejects valid", default: []])
        #expect(acceptedInvalid == known["libyaml accepts invalid", default: []])
        #expect(duplicateKeys == known["duplicate keys", default: []])
    }
}
