import Foundation

/// The clock a post's old address was made from: its front-matter `date` as written
/// (`2018-01-10 09:30:00 +0100` is 09:30 on the 10th, whatever the zone), else the file
/// name's day at midnight, as Jekyll fills `:hour` with `00` for a post without a time.
struct JekyllPostDate: Sendable, Equatable {
    var year: Int, month: Int, day: Int
    var hour = 0, minute = 0, second = 0

    /// Reads `YYYY-MM-DD`, then optionally ` HH:MM[:SS]` (or `T…`), ignoring fractions and a
    /// zone after it; nil for anything else.
    init?(parsing text: String) {
        let scalars = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= scalars.count, scalars[range].allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            return Int(String(decoding: scalars[range], as: UTF8.self))
        }
        guard let year = number(0..<4), scalars.count >= 10, scalars[4] == 0x2D, scalars[7] == 0x2D,
              let month = number(5..<7), let day = number(8..<10), (1...12).contains(month), (1...31).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
        guard scalars.count > 10 else { return }
        var index = 10
        while index < scalars.count, scalars[index] == 0x20 || scalars[index] == 0x54 || scalars[index] == 0x74 { index += 1 }
        guard let hour = number(index..<(index + 2)), index + 2 < scalars.count, scalars[index + 2] == 0x3A,
              let minute = number((index + 3)..<(index + 5)), hour < 24, minute < 60 else { return }
        self.hour = hour
        self.minute = minute
        if index + 5 < scalars.count, scalars[index + 5] == 0x3A, let second = number((index + 6)..<(index + 8)), second < 61 {
            self.second = second
        }
    }

    /// The day in the ISO calendar, for weekdays, ISO weeks and the day of the year.
    var components: (yearDay: Int, isoWeek: Int, isoYear: Int, isoWeekday: Int) {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12)) ?? Date(timeIntervalSince1970: 0)
        let parts = calendar.dateComponents([.weekOfYear, .yearForWeekOfYear, .weekday], from: date)
        let yearDay = calendar.ordinality(of: .day, in: .year, for: date) ?? 1
        // Foundation counts Sunday as 1; ISO (and Ruby's %u) counts Monday as 1, Sunday as 7.
        let weekday = ((parts.weekday ?? 1) + 5) % 7 + 1
        return (yearDay, parts.weekOfYear ?? 1, parts.yearForWeekOfYear ?? year, weekday)
    }
}
