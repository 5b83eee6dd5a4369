import Foundation

/// How DraftFlow writes instants: ISO 8601 for records and commit messages, one human format for
/// people, the calendar day, and the time left until a close.
///
/// Nothing here depends on the machine's time zone or locale: every function takes the zone it
/// shows the instant in, and months have their English names. Fractions of a second are dropped
/// (rounded down), never rounded up.
public enum InstantFormat {
    /// The zone `UTC` itself (named so, where `TimeZone.gmt` is named GMT).
    public static let utc = TimeZone(identifier: "UTC")!

    // MARK: ISO 8601

    /// ISO 8601 with the zone's offset at that instant, to the second:
    /// `2020-03-01T23:59:59+01:00`. `Z` is used only when the zone is UTC/GMT itself (not for a
    /// zone that merely has offset zero at that instant, such as Europe/London in winter).
    ///
    /// Foundation's `Date.ISO8601FormatStyle` writes the date and the wall-clock time (tests check
    /// that its digits are the zone calendar's, across zones, clock changes and fractions of a
    /// second). The offset is written here, because the style would write `Z` for every zero
    /// offset (`2020-03-01T22:59:59Z` in Europe/London, where records say `+00:00`) and seconds in
    /// historic offsets (`+00:29:46`).
    public static func iso(_ date: Date, in timeZone: TimeZone) -> String {
        let date = wholeSeconds(date)
        let stamp = date.formatted(Date.ISO8601FormatStyle(timeZone: timeZone).year().month().day().time(includingFractionalSeconds: false))
        if isUTC(timeZone) { return stamp + "Z" }
        return stamp + offsetString(timeZone.secondsFromGMT(for: date))
    }

    /// Reads the instants `iso(_:in:)` writes (`2020-03-01T23:59:59+01:00`, or with `Z`) without a
    /// calendar: records hold thousands of them. Nil for any other form (`Deadline.parseInstant`
    /// reads those).
    ///
    /// Not Foundation's `Date.ISO8601FormatStyle.parse`: it is about ten times slower here, puts
    /// dates before 1582 on the Julian calendar (0001-01-01 comes out two days off), refuses
    /// offsets past ±18:00 and reads `24:00:00`, where this reader keeps the proleptic Gregorian
    /// arithmetic the records were written with.
    public static func parseISO(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 || bytes.count == 25, bytes[4] == 45, bytes[7] == 45, bytes[10] == 84, bytes[13] == 58, bytes[16] == 58 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - 48
                guard digit >= 0 && digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
              let minute = number(14..<16), let second = number(17..<19), (1...12).contains(month), (1...31).contains(day),
              hour < 24, minute < 60, second < 61 else { return nil }
        var offset = 0
        if bytes.count == 25 {
            guard bytes[19] == 43 || bytes[19] == 45, bytes[22] == 58, let hours = number(20..<22), let minutes = number(23..<25) else { return nil }
            offset = (hours * 3600 + minutes * 60) * (bytes[19] == 45 ? -1 : 1)
        } else {
            guard bytes[19] == 90 else { return nil }
        }
        // Proleptic Gregorian arithmetic.
        return Deadline.fixedOffsetInstant(year, month, day, hour, minute, second, offset: offset)
    }

    /// The calendar day in the zone, ISO 8601: `2020-03-15`.
    public static func day(_ date: Date, in timeZone: TimeZone) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: timeZone).year().month().day())
    }

    // MARK: For people

    /// An instant for people, the one human format DraftFlow uses:
    /// `1 March 2020, 23:59:59 CET (Europe/Zurich)`; in UTC, `1 March 2020, 22:59:59 UTC`.
    ///
    /// The abbreviation is the one in force at that instant (CET in winter, CEST in summer), taken
    /// from the system's time zone database; when the zone has no alphabetic abbreviation, the
    /// offset is shown instead (`UTC+04:00`).
    public static func human(_ date: Date, in timeZone: TimeZone) -> String {
        let date = wholeSeconds(date)
        let c = calendar(timeZone).dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let base = "\(humanDay(c)), \(pad(c.hour ?? 0, 2)):\(pad(c.minute ?? 0, 2)):\(pad(c.second ?? 0, 2))"
        if isUTC(timeZone) { return base + " UTC" }
        return base + " \(abbreviation(timeZone, at: date)) (\(timeZone.identifier))"
    }

    /// The day part of `human(_:in:)`: `1 March 2020`.
    public static func humanDay(_ date: Date, in timeZone: TimeZone) -> String {
        humanDay(calendar(timeZone).dateComponents([.year, .month, .day], from: wholeSeconds(date)))
    }

    /// How long until `close`, or how long since it passed, in at most two units:
    /// `3 days 4 hours`, `2 hours 5 minutes`, `45 minutes`, `less than a minute`,
    /// `closed 2 days ago`, `closed just now`. Partial units are dropped, never rounded up.
    /// At the close instant itself the round is still open (`less than a minute`).
    public static func remaining(from now: Date, to close: Date) -> String {
        let seconds = close.timeIntervalSince(now)
        if seconds >= 0 {
            return span(Int(seconds.rounded(.down))) ?? "less than a minute"
        }
        if let ago = span(Int((-seconds).rounded(.down))) { return "closed \(ago) ago" }
        return "closed just now"
    }

    // MARK: - Zone abbreviations

    /// The abbreviation in force at `date` (`CET`, `CEST`, `EST`), or the offset (`UTC+04:00`).
    ///
    /// Foundation on Linux reports `GMT+1` rather than `CET`, so the abbreviation is read from the
    /// system's tz database (TZif files), with Foundation's answer and then the offset as fallbacks.
    static func abbreviation(_ zone: TimeZone, at date: Date) -> String {
        if let name = TZif.abbreviation(identifier: zone.identifier, at: date,
                                        isDaylightSaving: zone.isDaylightSavingTime(for: date)),
           isAlphabetic(name) {
            return name
        }
        if let name = zone.abbreviation(for: date), isAlphabetic(name),
           !name.hasPrefix("GMT") || name == "GMT" {
            return name
        }
        return "UTC" + offsetString(zone.secondsFromGMT(for: date))
    }

    private static func isAlphabetic(_ name: String) -> Bool {
        (2...6).contains(name.unicodeScalars.count)
            && name.unicodeScalars.allSatisfy { SafeName.isUpperASCII($0) || SafeName.isLowerASCII($0) }
    }

    // MARK: - Shared with the deadline rules

    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// A Gregorian calendar in `zone`, independent of the machine's settings.
    static func calendar(_ zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        calendar.locale = Locale(identifier: "en_US_POSIX")
        return calendar
    }

    // MARK: - Implementation

    private static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    private static func isUTC(_ zone: TimeZone) -> Bool {
        Deadline.utcIdentifiers.contains(zone.identifier)
    }

    private static func humanDay(_ c: DateComponents) -> String {
        "\(c.day ?? 0) \(monthNames[max(0, min(11, (c.month ?? 1) - 1))]) \(c.year ?? 0)"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        return value < 0 ? "-" + padded : padded
    }

    private static func offsetString(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return "\(sign)\(pad(minutes / 60, 2)):\(pad(minutes % 60, 2))"
    }

    private static func span(_ total: Int) -> String? {
        func unit(_ n: Int, _ name: String) -> String { "\(n) \(name)\(n == 1 ? "" : "s")" }
        let days = total / 86_400, hours = (total % 86_400) / 3_600, minutes = (total % 3_600) / 60
        if days > 0 { return hours > 0 ? "\(unit(days, "day")) \(unit(hours, "hour"))" : unit(days, "day") }
        if hours > 0 { return minutes > 0 ? "\(unit(hours, "hour")) \(unit(minutes, "minute"))" : unit(hours, "hour") }
        if minutes > 0 { return unit(minutes, "minute") }
        return nil
    }
}
