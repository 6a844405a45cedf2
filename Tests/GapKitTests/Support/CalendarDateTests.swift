import Testing
@testable import GapKit

@Suite struct CalendarDateTests {
    @Test(arguments: ["2026-11-20", "2024-02-29", "2000-02-29", "1999-12-31"])
    func validDaysRoundTrip(text: String) throws {
        #expect(try #require(CalendarDate(text)).description == text)
    }

    @Test(arguments: ["2026-11-31", "2023-02-29", "1900-02-29", "2026-1-5", "2026/11/20", "", "2026-11-20T00:00"])
    func invalidDaysAreRejected(text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test func addingDaysCrossesMonthsYearsAndLeapDays() throws {
        let date = try #require(CalendarDate("2026-11-20"))
        #expect(date.adding(days: 41).description == "2026-12-31")
        #expect(date.adding(days: 42).description == "2027-01-01")
        #expect(try #require(CalendarDate("2028-02-28")).adding(days: 1).description == "2028-02-29")
        #expect(date.adding(days: -365).description == "2025-11-20")
    }
}
