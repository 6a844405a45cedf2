import Testing
@testable import GapKit

@Suite struct YAMLLoaderTests {
    let loader = YAMLLoader()

    func document(_ text: String) throws -> YAMLNode {
        try #require(try loader.load(text, path: "t.yaml").documents.first)
    }

    /// The rendered diagnostics a user would see for `text`.
    func errors(_ text: String, limits: YAMLLimits = .default) -> String {
        do {
            _ = try YAMLLoader(limits: limits).load(text, path: "t.yaml")
            return "(loaded without error)"
        } catch {
            return "\(error)"
        }
    }

    @Test func nodesCarryOneBasedLinesAndColumnsAndKeepKeysInFileOrder() throws {
        let root = try document("title: Scope\nclauses:\n  - id: \"4.10\"\n    weight: 2\n")
        let pairs = try #require(root.mapping)
        #expect(pairs.map { $0.key.scalar?.text } == ["title", "clauses"])
        #expect(pairs[0].value.position == SourcePosition(line: 1, column: 8))
        let clause = try #require(pairs[1].value.sequence?.first?.mapping)
        #expect(clause[0].value.scalar == YAMLScalar("4.10", style: .doubleQuoted))
        #expect(clause[0].value.position == SourcePosition(line: 3, column: 9))
        #expect(clause[1].key.position == SourcePosition(line: 4, column: 5))
    }

    @Test func scalarsKeepTheirStyleAndTextWithoutGuessingTypes() throws {
        let items = try #require(try document("- no\n- 'on'\n- \"3\"\n- |\n  a\n  b\n- >\n  c\n  d\n- !!str 5\n").sequence)
        #expect(items.map { $0.scalar?.style } == [.plain, .singleQuoted, .doubleQuoted, .literal, .folded, .plain])
        #expect(items.map { $0.scalar?.text } == ["no", "on", "3", "a\nb\n", "c d\n", "5"])
        #expect(items[5].tag == YAMLTag.str)
    }

    @Test func aliasesRepeatTheAnchoredNode() throws {
        let root = try document("base: &b {weight: 2}\nother: *b\n")
        #expect(root.mapping?[1].value.mapping?.first?.value.scalar?.text == "2")
    }

    @Test func mergeKeysAddMissingKeysWhereTheMergeStandsAndExplicitKeysWin() throws {
        let root = try document("""
            defaults: &d {scale: ypn, weight: 1, area: service}
            more: &m {weight: 3, mandatory: true}
            question:
              id: Q-1
              <<: [*d, *m]
              weight: 2
            """)
        let question = try #require(root.mapping?[2].value.mapping)
        #expect(question.map { $0.key.scalar?.text ?? "" } == ["id", "scale", "area", "mandatory", "weight"])
        #expect(question.last?.value.scalar?.text == "2")
    }

    @Test func severalDocumentsInOneStream() throws {
        let stream = try loader.load("--- a\n--- b\n...\n", path: "t.yaml")
        #expect(stream.documents.map { $0.scalar?.text } == ["a", "b"])
    }

    @Test func duplicateKeysAreAnErrorNamingBothPlaces() {
        #expect(errors("id: Q-1\nmandatory: true\nid: Q-2\n") == """
            t.yaml:3:1: error: duplicate key 'id' in this mapping
            id: Q-2
            ^
            t.yaml:1:1: note: 'id' was first defined here
            id: Q-1
            ^

            """)
    }

    @Test func keysAreTheSameWhenTheirCoreSchemaValuesAre() {
        #expect(errors("1: a\n01: b\n").contains("t.yaml:2:1: error: duplicate key '01'"))
        #expect(errors("1: a\n\"1\": b\n") == "(loaded without error)")
    }

    @Test func syntaxErrorsPrintLikeACompilerWithTheLineAndACaret() {
        #expect(errors("title: Scope\n  clauses: [\n") == """
            t.yaml:2:10: error: mapping values are not allowed in this context
              clauses: [
                     ^

            """)
    }

    @Test func aBillionLaughsIsRejectedByTheAliasBudget() {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        let message = errors(text)
        #expect(message.hasPrefix("t.yaml:5:"))
        #expect(message.contains("error: aliases expand to more than 100000 nodes; refusing to expand further (a 'billion laughs' file?)"))
    }

    /// A few aliases of one long string are as costly to print as a billion laughs.
    @Test func aliasesOfAHugeStringAreRejectedByTheTextBudget() {
        let text = "big: &b \"" + String(repeating: "x", count: 1 << 20) + "\"\ncopies: [" + Array(repeating: "*b", count: 100).joined(separator: ", ") + "]\n"
        let message = errors(text)
        #expect(message.hasPrefix("t.yaml:2:"))
        #expect(message.contains("error: aliases repeat more than 64 MiB of text; refusing to expand further"))
    }

    @Test(arguments: [
        String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
        String(repeating: "- ", count: 100_000) + "x\n",
        String(repeating: "{a: ", count: 100_000) + "x" + String(repeating: "}", count: 100_000),
    ])
    func deepNestingIsAnErrorNotAStackOverflow(text: String) {
        let message = errors(text)
        #expect(message.hasPrefix("t.yaml:1:"))
        #expect(message.contains(": error: nesting is deeper than 200 levels"))
    }

    @Test func invalidUTF8IsReportedAtItsByte() throws {
        let bytes = Array("title: ok\nname: caf".utf8) + [0xE9] + Array(" au lait\n".utf8)
        #expect(throws: DiagnosticsError.self) { try loader.load(bytes: bytes, path: "t.yaml") }
        do {
            _ = try loader.load(bytes: bytes, path: "t.yaml")
        } catch {
            #expect("\(error)".hasPrefix("t.yaml:2:10: error: invalid UTF-8: the bytes from 0xE9 on are not a UTF-8 character; save the file as UTF-8\nname: caf\n         ^\n"))
        }
    }

    @Test func utf16WithAByteOrderMarkIsRead() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "标题: 变更管理\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let stream = try loader.load(bytes: bytes, path: "t.yaml")
        #expect(stream.documents.first?.mapping?.first?.value.scalar?.text == "变更管理")
    }

    @Test func filesOverTheSizeLimitAreRejectedBeforeParsing() {
        let limits = YAMLLimits(maxFileSize: 10)
        #expect(errors("title: a long title\n", limits: limits) == "t.yaml: error: file is 20 bytes, more than the limit of 10 bytes\n")
    }

    @Test func anAliasToAnUndefinedAnchorIsAnError() {
        #expect(errors("a: *nowhere\n").hasPrefix("t.yaml:1:4: error: alias '*nowhere' refers to no anchor defined before it"))
    }

    @Test func aMergeOfSomethingOtherThanAMappingIsAnError() {
        #expect(errors("a:\n  <<: text\n").hasPrefix("t.yaml:2:7: error: the value of a merge key '<<' must be a mapping or a list of mappings, not 'text'"))
    }
}
