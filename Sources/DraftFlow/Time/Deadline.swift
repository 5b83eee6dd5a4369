import Foundation

/// The deadline rules: reading the dates and times users type, the on-time rule, and time zone
/// names. Showing instants is `InstantFormat`'s part.
///
/// Nothing here depends on the machine's time zone or locale: every function takes the zone it
/// works in and uses a Gregorian calendar set to that zone.
///
/// Accepted input forms (surrounding whitespace is ignored):
/// - a calendar date `2020-03-01`: for `parse`, the END of that day (23:59:59) in the given zone;
///   for `parseInstant`, the START of that day (00:00:00);
/// - an ISO 8601 instant with an offset: `2020-03-01T23:59:59+01:00`, `2020-03-01T22:59:59Z`,
///   `2020-03-01T22:59:59.250Z`, `2020-03-01T23:59+0100`, `2020-03-01T23:59:59+01`;
/// - a local date-time without offset, read in the given zone: `2020-03-01T18:00`,
///   `2020-03-01T18:00:30`, `2020-03-01 18:00`. A local time that does not exist in the zone
///   (skipped by a change to summer time) is refused.
public enum Deadline {
    // MARK: Parsing

    /// Parses a deadline (the instant a round closes).
    ///
    /// A bare date `YYYY-MM-DD` means the end of that day in `timeZone`: `"2020-03-01"` in
    /// Europe/Zurich is `2020-03-01T23:59:59+01:00`. Date-times with an offset are exact
    /// instants; date-times without an offset are read in `timeZone`.
    /// - Throws: `DraftFlowError(.invalidInput)` with examples of the accepted forms.
    public static func parse(_ text: String, timeZone: TimeZone) throws -> Date {
        try parse(text, timeZone: timeZone, bareDate: .endOfDay)
    }

    /// Parses an instant, such as the moment a comment was received.
    ///
    /// Same forms as `parse(_:timeZone:)`, except that a bare date `YYYY-MM-DD` means the START
    /// of that day, 00:00:00 in `timeZone` (so a comment dated only by its day is never placed
    /// after a deadline that closes at the end of that same day).
    /// - Throws: `DraftFlowError(.invalidInput)` with examples of the accepted forms.
    public static func parseInstant(_ text: String, timeZone: TimeZone) throws -> Date {
        try parse(text, timeZone: timeZone, bareDate: .startOfDay)
    }

    /// Whether something that arrived at `instant` is within a round closing at `close`.
    /// The close instant itself is still on time (a round closing "2020-03-01" accepts
    /// 2020-03-01T23:59:59 but not 2020-03-02T00:00:00).
    ///
    /// The whole closing second counts: `23:59:59.5` is on time for a close at `23:59:59`, as is
    /// anything received in the second the secretariat closed a round early.
    public static func isOnTime(_ instant: Date, close: Date) -> Bool {
        instant < endOfSecond(close)
    }

    /// The first instant after the second that holds `instant`.
    public static func endOfSecond(_ instant: Date) -> Date {
        Date(timeIntervalSince1970: (instant.timeIntervalSince1970 + 1).rounded(.down))
    }

    /// The time zone for an IANA identifier such as `Europe/Zurich`, `America/New_York` or `UTC`.
    ///
    /// Identifiers are case-sensitive, as in the IANA database. Abbreviations and offsets that
    /// Foundation would also accept (`GMT+5`) are refused, because they have no summer time rules.
    /// - Throws: `DraftFlowError(.invalidInput)` for unknown identifiers.
    public static func timeZone(_ identifier: String) throws -> TimeZone {
        let name = identifier.trimmingCharacters(in: .whitespacesAndNewlines)
        let fix = "use an IANA time zone name such as Europe/Zurich, America/New_York, Asia/Tokyo or UTC"
        if name.isEmpty {
            throw DraftFlowError(.invalidInput, "time zone is empty", fix: fix)
        }
        let shown = SafeName.display(name)
        let plausible = name.unicodeScalars.allSatisfy { s in
            SafeName.isUpperASCII(s) || SafeName.isLowerASCII(s) || SafeName.isDigitASCII(s)
                || s == "/" || s == "_" || s == "-" || s == "+"
        } && !name.contains("..") && !name.hasPrefix("/")
        if plausible, let zone = TimeZone(identifier: name),
           zone.identifier == name || utcIdentifiers.contains(name) {
            return zone
        }
        if let match = TimeZone.knownTimeZoneIdentifiers.first(where: { $0.lowercased() == name.lowercased() }) {
            throw DraftFlowError(.invalidInput, "unknown time zone '\(shown)'", fix: "time zone names are case-sensitive: write '\(match)'")
        }
        throw DraftFlowError(.invalidInput, "unknown time zone '\(shown)'", fix: fix)
    }

    // MARK: - Implementation

    private enum BareDate { case startOfDay, endOfDay }

    /// The identifiers of UTC itself (not of zones that merely have offset zero).
    static let utcIdentifiers: Set<String> = [
        "UTC", "GMT", "Etc/UTC", "Etc/GMT", "Etc/UCT", "UCT", "Etc/Zulu", "Zulu", "Universal",
        "Etc/Universal", "GMT0", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0", "GMT+0", "GMT-0",
        "Greenwich", "Etc/Greenwich",
    ]

    private static func formError(_ text: String, _ problem: String? = nil) -> DraftFlowError {
        let shown = SafeName.display(text)
        let message = problem.map { "'\(shown)' is not a valid date or time: \($0)" }
            ?? "'\(shown)' is not a date or time DraftFlow understands"
        return DraftFlowError(
            .invalidInput, message,
            fix: "write a date such as 2020-03-01 (a deadline closes at the end of that day), "
                + "an instant with its offset such as 2020-03-01T23:59:59+01:00 or 2020-03-01T22:59:59Z, "
                + "or a local time such as 2020-03-01T18:00")
    }

    /// A small scanner over the ASCII bytes of the input.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var atEnd: Bool { index >= bytes.count }
        var peek: UInt8? { atEnd ? nil : bytes[index] }

        mutating func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for i in index..<(index + count) {
                let b = bytes[i]
                guard b >= 0x30 && b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            index += count
            return value
        }

        mutating func take(_ byte: UInt8) -> Bool {
            if peek == byte { index += 1; return true }
            return false
        }
    }

    private static func parse(_ text: String, timeZone: TimeZone, bareDate: BareDate) throws -> Date {
        let trimmed = TextTrimming.trimming(text, in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw formError(text, "it is empty")
        }
        guard trimmed.unicodeScalars.allSatisfy({ $0.isASCII }) else { throw formError(text) }
        var s = Scanner(bytes: Array(trimmed.utf8))

        guard let year = s.digits(4), s.take(UInt8(ascii: "-")),
              let month = s.digits(2), s.take(UInt8(ascii: "-")),
              let day = s.digits(2) else { throw formError(text) }
        guard (1...12).contains(month) else { throw formError(text, "there is no month \(month)") }
        guard year >= 1 else { throw formError(text, "there is no year 0") }
        let monthDays = daysIn(month: month, year: year)
        guard (1...monthDays).contains(day) else {
            throw formError(text, "\(InstantFormat.monthNames[month - 1]) \(year) has \(monthDays) days")
        }
        if s.atEnd {
            let zoneCalendar = InstantFormat.calendar(timeZone)
            switch bareDate {
            case .startOfDay:
                let noon = try localDate(zoneCalendar, year, month, day, 12, 0, 0, text: text)
                return zoneCalendar.startOfDay(for: noon)
            case .endOfDay:
                if let end = try? localDate(zoneCalendar, year, month, day, 23, 59, 59, text: text) { return end }
                // 23:59:59 skipped by a clock change (practically never): the second before the next day starts.
                let noon = try localDate(zoneCalendar, year, month, day, 12, 0, 0, text: text)
                let start = zoneCalendar.startOfDay(for: noon)
                guard let next = zoneCalendar.date(byAdding: .day, value: 1, to: start) else { throw formError(text) }
                return next.addingTimeInterval(-1)
            }
        }

        guard s.take(UInt8(ascii: "T")) || s.take(UInt8(ascii: "t")) || s.take(UInt8(ascii: " ")) else {
            throw formError(text)
        }
        guard let hour = s.digits(2), s.take(UInt8(ascii: ":")), let minute = s.digits(2) else {
            throw formError(text)
        }
        var second = 0
        var fraction = 0.0
        if s.take(UInt8(ascii: ":")) {
            guard let sec = s.digits(2) else { throw formError(text) }
            second = sec
            if s.take(UInt8(ascii: ".")) || s.take(UInt8(ascii: ",")) {
                var scale = 0.1
                var any = false
                while let b = s.peek, b >= 0x30 && b <= 0x39 {
                    fraction += Double(b - 0x30) * scale
                    scale /= 10
                    any = true
                    s.index += 1
                }
                guard any else { throw formError(text) }
            }
        }
        guard (0...23).contains(hour) else { throw formError(text, "there is no hour \(hour)") }
        guard (0...59).contains(minute) else { throw formError(text, "there is no minute \(minute)") }
        guard (0...59).contains(second) else { throw formError(text, "there is no second \(second)") }

        if s.atEnd {
            return try localDate(InstantFormat.calendar(timeZone), year, month, day, hour, minute, second, text: text)
                .addingTimeInterval(fraction)
        }

        var offset = 0
        if s.take(UInt8(ascii: "Z")) || s.take(UInt8(ascii: "z")) {
            offset = 0
        } else if let signByte = s.peek, signByte == UInt8(ascii: "+") || signByte == UInt8(ascii: "-") {
            s.index += 1
            guard let oh = s.digits(2) else { throw formError(text) }
            var om = 0
            if s.take(UInt8(ascii: ":")) {
                guard let m = s.digits(2) else { throw formError(text) }
                om = m
            } else if !s.atEnd {
                guard let m = s.digits(2) else { throw formError(text) }
                om = m
            }
            guard oh <= 18, om <= 59 else { throw formError(text, "the offset is out of range") }
            offset = (oh * 3600 + om * 60) * (signByte == UInt8(ascii: "-") ? -1 : 1)
        } else {
            throw formError(text)
        }
        guard s.atEnd else { throw formError(text) }
        if year >= firstArithmeticYear, abs(offset) <= 18 * 3600 {
            return fixedOffsetInstant(year, month, day, hour, minute, second, offset: offset).addingTimeInterval(fraction)
        }
        guard let fixed = TimeZone(secondsFromGMT: offset) else { throw formError(text, "the offset is out of range") }
        return try localDate(InstantFormat.calendar(fixed), year, month, day, hour, minute, second, text: text)
            .addingTimeInterval(fraction)
    }

    /// From this year on, Foundation's Gregorian calendar is the proleptic one (it switches from
    /// the Julian calendar in October 1582), so a date-time with an offset is plain arithmetic.
    static let firstArithmeticYear = 1600

    /// The instant of a date-time written with its offset, by arithmetic: what
    /// `localDate(InstantFormat.calendar(TimeZone(secondsFromGMT: offset)), …)` gives from 1600 on
    /// (`DeadlineTests` compares them), without building a calendar and a zone for each of the
    /// thousands of instants `log` reads.
    static func fixedOffsetInstant(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int, offset: Int) -> Date {
        // Days from the civil date (Howard Hinnant's algorithm), as InstantFormat.parseISO counts them.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3600 + minute * 60 + second - offset))
    }

    /// The calendar route `fixedOffsetInstant` stands for (for its test).
    static func calendarInstant(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int, offset: Int) throws -> Date {
        guard let fixed = TimeZone(secondsFromGMT: offset) else { throw formError("", "the offset is out of range") }
        return try localDate(InstantFormat.calendar(fixed), year, month, day, hour, minute, second, text: "")
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The instant of a wall-clock time in the calendar's zone. Refuses a time that does not exist
    /// there (skipped when the clocks go forward) and a time that happens twice (when they go
    /// back), naming both instants: DraftFlow never picks one silently.
    private static func localDate(_ calendar: Calendar, _ year: Int, _ month: Int, _ day: Int,
                                  _ hour: Int, _ minute: Int, _ second: Int, text: String) throws -> Date {
        var parts = DateComponents()
        parts.year = year; parts.month = month; parts.day = day
        parts.hour = hour; parts.minute = minute; parts.second = second
        // The wall-clock time read as if in UTC; each offset the zone has around it gives a candidate.
        guard let wall = InstantFormat.calendar(InstantFormat.utc).date(from: parts) else { throw formError(text) }
        let zone = calendar.timeZone
        var offsets = Set<Int>()
        for hours in stride(from: -36, through: 36, by: 3) {
            offsets.insert(zone.secondsFromGMT(for: wall.addingTimeInterval(Double(hours) * 3600)))
        }
        let instants = offsets.map { wall.addingTimeInterval(-Double($0)) }
            .filter { zone.secondsFromGMT(for: $0) == Int(wall.timeIntervalSince($0)) }
            .sorted()
        guard let first = instants.first else {
            throw DraftFlowError(
                .invalidInput,
                "'\(SafeName.display(text))' does not exist in \(zone.identifier): the clocks skip that time",
                fix: "give a time outside the clock change, or an instant with its offset such as 2020-03-29T03:30:00+02:00")
        }
        if instants.count > 1 {
            let both = instants.map { InstantFormat.iso($0, in: zone) }
            throw DraftFlowError(
                .invalidInput,
                "'\(SafeName.display(text))' happens twice in \(zone.identifier): the clocks go back that night, so it is "
                    + "\(both[0]) (\(InstantFormat.abbreviation(zone, at: instants[0]))) or \(both[1]) (\(InstantFormat.abbreviation(zone, at: instants[1])))",
                fix: "write the instant with its offset: \(both[0]) or \(both[1])")
        }
        return first
    }
}
