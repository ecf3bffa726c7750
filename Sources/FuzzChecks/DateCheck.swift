import Archive

/// Dates: whatever is accepted is a real calendar date and time, and reads back as
/// itself from its RFC 3339 form; anything else is refused, never misread.
enum DateCheck {
    static func check(_ input: [UInt8]) -> String? {
        let text = String(decoding: input, as: UTF8.self)
        guard let date = IssueDate(parsing: text) else { return nil }
        guard (1...12).contains(date.month) else { return "'\(text)' gave month \(date.month)" }
        let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][date.month - 1]
        guard (1...days).contains(date.day) else { return "'\(text)' gave day \(date.day) of month \(date.month)" }
        if date.month == 2 && date.day == 29 {
            let leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0
            if !leap { return "'\(text)' gave 29 February of \(date.year)" }
        }
        guard (0...23).contains(date.hour), (0...59).contains(date.minute), (0...60).contains(date.second) else {
            return "'\(text)' gave time \(date.hour):\(date.minute):\(date.second)"
        }
        if let offset = date.utcOffsetSeconds, abs(offset) >= 86_400 { return "'\(text)' gave offset \(offset) s" }
        // A date without an offset is taken as UTC, so compare the written forms.
        guard let again = IssueDate(parsing: date.rfc3339), again.rfc3339 == date.rfc3339, again.sortKey == date.sortKey else {
            return "'\(text)' → \(date.rfc3339) does not read back as itself"
        }
        return nil
    }
}
