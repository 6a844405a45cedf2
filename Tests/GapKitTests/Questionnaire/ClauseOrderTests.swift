import Testing
@testable import GapKit

/// docs/SCORING.md, "Clause order": segment by segment, numerically where both are whole numbers.
@Suite struct ClauseOrderTests {
    @Test(arguments: [
        ("4.1", "8.2"), ("8.2", "10.1"), ("4.1", "10.1"), ("A.5.9", "A.5.10"), ("8", "8.1"), ("8.5.1", "8.5.1.1"),
        ("9.2", "10"), ("4.9.1", "4.10"), ("A.5", "B.1"), ("8.a", "8.b"), ("8.1", "8.a"),
    ])
    func theFirstComesBeforeTheSecond(first: String, second: String) {
        #expect(ClauseOrder.precedes(first, second))
        #expect(!ClauseOrder.precedes(second, first))
    }

    @Test func sortingIsNumeric() {
        let ids = ["10.1", "A.5.10", "8.2", "4.1", "A.5.9", "9", "4.10", "4.2"]
        #expect(ids.sorted(by: ClauseOrder.precedes) == ["4.1", "4.2", "4.10", "8.2", "9", "10.1", "A.5.9", "A.5.10"])
        #expect(!ClauseOrder.precedes("8.2", "8.2"))
    }
}
