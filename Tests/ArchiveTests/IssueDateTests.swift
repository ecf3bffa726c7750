import Testing
@testable import Archive

@Suite("Issue dates")
struct IssueDateTests {
    @Test(arguments: [
        ("2026-03-09", IssueDate(year: 2026, month: 3, day: 9)),
        ("2026-3-9", IssueDate(year: 2026, month: 3, day: 9)),
        ("2013-06-07 18:46", IssueDate(year: 2013, month: 6, day: 7, hour: 18, minute: 46)),
        ("2026-03-09T10:00:00Z", IssueDate(year: 2026, month: 3, day: 9, hour: 10, utcOffsetSeconds: 0)),
        ("2026-03-09T10:00:00.250+02:00", IssueDate(year: 2026, month: 3, day: 9, hour: 10, utcOffsetSeconds: 7200)),
        ("2026-03-09 10:00:05 -0500", IssueDate(year: 2026, month: 3, day: 9, hour: 10, second: 5, utcOffsetSeconds: -18000)),
        ("2024-02-29", IssueDate(year: 2024, month: 2, day: 29)),
    ])
    func readsTheFormsEditorsWrite(text: String, expected: IssueDate) {
        #expect(IssueDate(parsing: text) == expected)
    }

    @Test(arguments: ["", "2026", "2026-13-01", "2025-02-29", "09/03/2026", "2026-03-09 25:00", "2026-03-09x", "March 9, 2026",
                      "2026-03-09 10:00:00 +6369", "2026-03-09T10:00:00+24:00", "2026-03-09T10:00:00-05:60"])
    func rejectsAnythingElse(text: String) {
        #expect(IssueDate(parsing: text) == nil)
    }

    @Test func formatsForPagesAndFeeds() {
        let date = IssueDate(year: 2026, month: 3, day: 9, hour: 8, minute: 5, utcOffsetSeconds: -18000)
        #expect(date.isoDate == "2026-03-09")
        #expect(date.display == "9 March 2026")
        #expect(date.rfc3339 == "2026-03-09T08:05:00-05:00")
        #expect(IssueDate(year: 1970, month: 1, day: 2).sortKey == 86_400)
        #expect(IssueDate(year: 1835, month: 3, day: 30) < IssueDate(year: 2026, month: 11, day: 16))
    }

    @Test func offsetsOrderTimesOnTheSameDay() {
        let early = IssueDate(parsing: "2026-03-09T10:00:00+05:00")!
        let late = IssueDate(parsing: "2026-03-09T09:00:00Z")!
        #expect(early < late)
    }
}
