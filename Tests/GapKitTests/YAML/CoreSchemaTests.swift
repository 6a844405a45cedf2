import Testing
@testable import GapKit

@Suite struct CoreSchemaTests {
    @Test(arguments: [
        ("~", JSONValue.null), ("", .null), ("Null", .null),
        ("true", .bool(true)), ("FALSE", .bool(false)), ("yes", .string("yes")), ("no", .string("no")),
        ("42", .int(42)), ("-7", .int(-7)), ("0o17", .int(15)), ("0x1F", .int(31)),
        ("0.5", .double(0.5)), (".5", .double(0.5)), ("5.", .double(5)), ("-1e3", .double(-1000)), ("+2.5E-1", .double(0.25)),
        ("4.10", .double(4.1)), ("1.2.3", .string("1.2.3")), (".", .string(".")), ("e5", .string("e5")),
    ] as [(String, JSONValue)])
    func plainScalarsResolveAsYAML12CoreSchemaSays(text: String, expected: JSONValue) {
        #expect(CoreSchema.scalarValue(YAMLScalar(text), tag: nil) == expected)
    }

    @Test func quotedAndTaggedScalarsAreStrings() {
        #expect(CoreSchema.scalarValue(YAMLScalar("42", style: .doubleQuoted), tag: nil) == .string("42"))
        #expect(CoreSchema.scalarValue(YAMLScalar("42"), tag: YAMLTag.str) == .string("42"))
        #expect(CoreSchema.scalarValue(YAMLScalar("7"), tag: YAMLTag.float) == .double(7))
    }

    @Test func infinityAndNaN() throws {
        #expect(CoreSchema.float("-.inf") == -Double.infinity)
        #expect(try #require(CoreSchema.float(".NaN")).isNaN)
        #expect(CoreSchema.float("-.nan") == nil)
    }
}
