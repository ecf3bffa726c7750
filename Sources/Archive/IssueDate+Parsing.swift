extension IssueDate {
    /// Reads the date forms editors write: `2026-03-09`, `2026-3-9`,
    /// `2013-06-07 18:46`, `2026-03-09T10:00:00Z`, `2026-03-09T10:00:00+02:00`,
    /// `2026-03-09 10:00:00.123 -0500`. Returns nil for anything else, or for a
    /// day that does not exist (`2026-02-30`).
    public init?(parsing text: String) {
        var reader = DateReader(Array(text.utf8))
        reader.skipSpaces()
        guard let year = reader.number(minDigits: 4, maxDigits: 4), reader.take("-"),
              let month = reader.number(minDigits: 1, maxDigits: 2), reader.take("-"),
              let day = reader.number(minDigits: 1, maxDigits: 2),
              (1...12).contains(month), (1...IssueDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var hour = 0, minute = 0, second = 0
        var offset: Int?
        if reader.take("T") || reader.take("t") || (reader.peekIsSpace && reader.peekDigit(after: 1)) {
            reader.skipSpaces()
            guard let h = reader.number(minDigits: 1, maxDigits: 2), reader.take(":"),
                  let m = reader.number(minDigits: 2, maxDigits: 2), h < 24, m < 60 else { return nil }
            hour = h
            minute = m
            if reader.take(":") {
                guard let s = reader.number(minDigits: 2, maxDigits: 2), s < 61 else { return nil }
                second = min(s, 59)
                if reader.take(".") { _ = reader.number(minDigits: 1, maxDigits: 9) }
            }
            reader.skipSpaces()
            if reader.take("Z") || reader.take("z") {
                offset = 0
            } else if let sign = reader.sign() {
                // RFC 3339: hours 00-23, minutes 00-59 (`+6369` is a typo, not an offset).
                guard let oh = reader.number(minDigits: 2, maxDigits: 2), oh < 24 else { return nil }
                _ = reader.take(":")
                let om = reader.number(minDigits: 2, maxDigits: 2) ?? 0
                guard om < 60 else { return nil }
                offset = sign * (oh * 3600 + om * 60)
            } else if reader.takeWord("UTC") || reader.takeWord("GMT") {
                offset = 0
            }
        }
        reader.skipSpaces()
        guard reader.atEnd else { return nil }
        self.init(year: year, month: month, day: day, hour: hour, minute: minute, second: second, utcOffsetSeconds: offset)
    }
}

/// A cursor over the bytes of a date string.
private struct DateReader {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { position == bytes.count }
    var peekIsSpace: Bool { position < bytes.count && bytes[position] == 0x20 }

    func peekDigit(after offset: Int) -> Bool {
        var index = position + offset
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        return index < bytes.count && (0x30...0x39).contains(bytes[index])
    }

    mutating func skipSpaces() {
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
    }

    mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard position < bytes.count, bytes[position] == UInt8(character.value) else { return false }
        position += 1
        return true
    }

    mutating func takeWord(_ word: String) -> Bool {
        let wordBytes = Array(word.utf8)
        guard bytes.count - position >= wordBytes.count,
              Array(bytes[position..<position + wordBytes.count]) == wordBytes else { return false }
        position += wordBytes.count
        return true
    }

    mutating func sign() -> Int? {
        if take("+") { return 1 }
        if take("-") { return -1 }
        return nil
    }

    mutating func number(minDigits: Int, maxDigits: Int) -> Int? {
        var value = 0
        var digits = 0
        while digits < maxDigits, position < bytes.count, (0x30...0x39).contains(bytes[position]) {
            value = value * 10 + Int(bytes[position] - 0x30)
            position += 1
            digits += 1
        }
        return digits >= minDigits ? value : nil
    }
}
