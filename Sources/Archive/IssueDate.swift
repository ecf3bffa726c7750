/// The date (and optional time) an issue was published, as the editor wrote it.
///
/// Kept as calendar fields rather than a `Date` so that an issue dated
/// `2026-03-09` shows as 9 March 2026 wherever the site is built, whatever the
/// machine's time zone. `sortKey` orders issues, applying any UTC offset given.
public struct IssueDate: Sendable, Hashable, Comparable {
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int
    public let minute: Int
    public let second: Int
    /// Offset from UTC in seconds, when the editor gave one.
    public let utcOffsetSeconds: Int?

    /// Makes a date from fields already checked to be valid.
    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, utcOffsetSeconds: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// Seconds since 1970-01-01T00:00:00Z (a time with no offset is taken as UTC).
    public var sortKey: Int {
        let days = IssueDate.daysFromCivil(year: year, month: month, day: day)
        return days * 86_400 + hour * 3600 + minute * 60 + second - (utcOffsetSeconds ?? 0)
    }

    /// `2026-03-09`, for `<time datetime>` and sitemaps.
    public var isoDate: String {
        "\(IssueDate.pad(year, 4))-\(IssueDate.pad(month, 2))-\(IssueDate.pad(day, 2))"
    }

    /// `2026-03-09T00:00:00Z` (or the given offset), for feeds.
    public var rfc3339: String {
        let time = "\(IssueDate.pad(hour, 2)):\(IssueDate.pad(minute, 2)):\(IssueDate.pad(second, 2))"
        guard let offset = utcOffsetSeconds, offset != 0 else { return "\(isoDate)T\(time)Z" }
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        return "\(isoDate)T\(time)\(sign)\(IssueDate.pad(magnitude / 3600, 2)):\(IssueDate.pad(magnitude % 3600 / 60, 2))"
    }

    /// English month names, for display and archive headings.
    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                                    "August", "September", "October", "November", "December"]

    /// `9 March 2026`: unambiguous in every English-speaking country.
    public var display: String { "\(day) \(IssueDate.monthNames[month - 1]) \(year)" }

    public static func < (lhs: IssueDate, rhs: IssueDate) -> Bool { lhs.sortKey < rhs.sortKey }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
