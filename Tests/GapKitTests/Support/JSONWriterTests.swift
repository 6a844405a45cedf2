import Testing
@testable import GapKit

@Suite struct JSONWriterTests {
    @Test func writesStablePrettyJSONInInsertionOrder() {
        let value: JSONValue = .object(["b": 1, "a": [0.5, true, nil], "text": "line\n\"q\" 变更\u{1}", "empty": .array([])])
        #expect(JSONWriter().string(value) == """
            {
              "b": 1,
              "a": [
                0.5,
                true,
                null
              ],
              "text": "line\\n\\"q\\" 变更\\u0001",
              "empty": []
            }

            """)
    }

    @Test func numbersAreUnroundedAndNonFiniteBecomesNull() {
        #expect(JSONWriter().string(.double(1.0 / 3.0)) == "0.3333333333333333\n")
        #expect(JSONWriter().string(.double(.infinity)) == "null\n")
    }
}
