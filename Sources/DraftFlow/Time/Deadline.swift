import Foundation

/// Deadlines and instants: parsing what users type, and showing instants in a workspace's zone.
///
/// Nothing here depends on the machine's time zone or locale: every function takes the zone it
/// works in, uses a Gregorian calendar set to that zone, and English month names.
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
    public static func isOnTime(_ instant: Date, close: Date) -> Bool {
        instant <= close
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

    // MARK: Formatting

    /// ISO 8601 with the zone's offset at that instant, to the second:
    /// `2020-03-01T23:59:59+01:00`. `Z` is used only when the zone is UTC/GMT itself (not for a
    /// zone that merely has offset zero at that instant, such as Europe/London in winter).
    /// Fractions of a second are dropped.
    public static func iso(_ date: Date, in timeZone: TimeZone) -> String {
        let date = Date(timeIntervalSince1970: (date.timeIntervalSince1970).rounded(.down))
        let c = calendar(timeZone).dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let stamp = "\(pad(c.year ?? 0, 4))-\(pad(c.month ?? 0, 2))-\(pad(c.day ?? 0, 2))T\(pad(c.hour ?? 0, 2)):\(pad(c.minute ?? 0, 2)):\(pad(c.second ?? 0, 2))"
        if isUTC(timeZone) { return stamp + "Z" }
        return stamp + offsetString(timeZone.secondsFromGMT(for: date))
    }

    /// A date for people: `1 March 2020, 23:59:59 CET (Europe/Zurich)`; in UTC,
    /// `1 March 2020, 22:59:59 UTC`.
    ///
    /// The abbreviation is the one in force at that instant (CET in winter, CEST in summer), taken
    /// from the system's time zone database; when the zone has no alphabetic abbreviation, the
    /// offset is shown instead (`UTC+04:00`).
    public static func human(_ date: Date, in timeZone: TimeZone) -> String {
        let date = Date(timeIntervalSince1970: (date.timeIntervalSince1970).rounded(.down))
        let c = calendar(timeZone).dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let base = "\(day(c)), \(pad(c.hour ?? 0, 2)):\(pad(c.minute ?? 0, 2)):\(pad(c.second ?? 0, 2))"
        if isUTC(timeZone) { return base + " UTC" }
        return base + " \(abbreviation(timeZone, at: date)) (\(timeZone.identifier))"
    }

    /// The day of `human`, alone: `1 March 2020`.
    public static func humanDay(_ date: Date, in timeZone: TimeZone) -> String {
        let date = Date(timeIntervalSince1970: (date.timeIntervalSince1970).rounded(.down))
        return day(calendar(timeZone).dateComponents([.year, .month, .day], from: date))
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

    // MARK: - Implementation

    private enum BareDate { case startOfDay, endOfDay }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    private static let utcIdentifiers: Set<String> = [
        "UTC", "GMT", "Etc/UTC", "Etc/GMT", "Etc/UCT", "UCT", "Etc/Zulu", "Zulu", "Universal",
        "Etc/Universal", "GMT0", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0", "GMT+0", "GMT-0",
        "Greenwich", "Etc/Greenwich",
    ]

    private static func isUTC(_ zone: TimeZone) -> Bool {
        utcIdentifiers.contains(zone.identifier)
    }

    private static func calendar(_ zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        calendar.locale = Locale(identifier: "en_US_POSIX")
        return calendar
    }

    /// "1 March 2020".
    private static func day(_ c: DateComponents) -> String {
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
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
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
            throw formError(text, "\(monthNames[month - 1]) \(year) has \(monthDays) days")
        }
        let zoneCalendar = calendar(timeZone)

        if s.atEnd {
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
            return try localDate(zoneCalendar, year, month, day, hour, minute, second, text: text)
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
        guard let fixed = TimeZone(secondsFromGMT: offset) else { throw formError(text, "the offset is out of range") }
        return try localDate(calendar(fixed), year, month, day, hour, minute, second, text: text)
            .addingTimeInterval(fraction)
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

    /// The instant of a wall-clock time in the calendar's zone; refuses times that do not exist there.
    private static func localDate(_ calendar: Calendar, _ year: Int, _ month: Int, _ day: Int,
                                  _ hour: Int, _ minute: Int, _ second: Int, text: String) throws -> Date {
        var parts = DateComponents()
        parts.year = year; parts.month = month; parts.day = day
        parts.hour = hour; parts.minute = minute; parts.second = second
        guard let date = calendar.date(from: parts) else { throw formError(text) }
        let back = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        guard back.year == year, back.month == month, back.day == day,
              back.hour == hour, back.minute == minute, back.second == second else {
            throw DraftFlowError(
                .invalidInput,
                "'\(SafeName.display(text))' does not exist in \(calendar.timeZone.identifier): the clocks skip that time",
                fix: "give a time outside the clock change, or an instant with its offset such as 2020-03-29T03:30:00+02:00")
        }
        return date
    }

    // MARK: Zone abbreviations

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

    /// Minimal reader of TZif files (RFC 8536), for zone abbreviations only.
    private enum TZif {
        static let directories = ["/usr/share/zoneinfo", "/var/db/timezone/zoneinfo", "/usr/lib/zoneinfo"]

        static func abbreviation(identifier: String, at date: Date, isDaylightSaving: Bool) -> String? {
            guard !identifier.isEmpty, !identifier.contains(".."), !identifier.hasPrefix("/"),
                  identifier.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0 != "\\" }) else { return nil }
            guard let bytes = Files.shared.bytes(identifier) else { return nil }
            return abbreviation(in: bytes, at: Int64(date.timeIntervalSince1970.rounded(.down)), isDaylightSaving: isDaylightSaving)
        }

        /// Zone files read once per process: a batch names the same zone hundreds of times.
        final class Files: @unchecked Sendable {
            static let shared = Files()
            // Guarded by `lock`.
            private let lock = NSLock()
            private var cache: [String: [UInt8]?] = [:]

            func bytes(_ identifier: String) -> [UInt8]? {
                lock.lock()
                defer { lock.unlock() }
                if let cached = cache[identifier] { return cached }
                var found: [UInt8]?
                for directory in TZif.directories {
                    let url = URL(fileURLWithPath: directory).appendingPathComponent(identifier)
                    if let data = try? Data(contentsOf: url), data.count < 1_000_000, data.starts(with: [0x54, 0x5A, 0x69, 0x66]) {
                        found = [UInt8](data)
                        break
                    }
                }
                cache[identifier] = .some(found)
                return found
            }
        }

        private struct Header {
            var isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0
        }

        private static func u32(_ b: [UInt8], _ at: Int) -> UInt32? {
            guard at >= 0, at + 4 <= b.count else { return nil }
            return UInt32(b[at]) << 24 | UInt32(b[at + 1]) << 16 | UInt32(b[at + 2]) << 8 | UInt32(b[at + 3])
        }

        private static func i64(_ b: [UInt8], _ at: Int) -> Int64? {
            guard let hi = u32(b, at), let lo = u32(b, at + 4) else { return nil }
            return Int64(bitPattern: UInt64(hi) << 32 | UInt64(lo))
        }

        private static func header(_ b: [UInt8], _ at: Int) -> Header? {
            guard at + 44 <= b.count, b[at] == 0x54, b[at + 1] == 0x5A, b[at + 2] == 0x69, b[at + 3] == 0x66 else { return nil }
            var h = Header()
            guard let a = u32(b, at + 20), let s = u32(b, at + 24), let l = u32(b, at + 28),
                  let t = u32(b, at + 32), let ty = u32(b, at + 36), let c = u32(b, at + 40),
                  a < 100_000, s < 100_000, l < 100_000, t < 100_000, ty < 256, c < 100_000 else { return nil }
            h.isutcnt = Int(a); h.isstdcnt = Int(s); h.leapcnt = Int(l)
            h.timecnt = Int(t); h.typecnt = Int(ty); h.charcnt = Int(c)
            return h
        }

        static func abbreviation(in b: [UInt8], at time: Int64, isDaylightSaving: Bool) -> String? {
            guard let v1 = header(b, 0) else { return nil }
            let version = b[4]
            var timeSize = 4
            var start = 44
            var h = v1
            if version >= 0x32 {
                // Skip the 32-bit block; use the 64-bit one that follows.
                let v1Length = v1.timecnt * 5 + v1.typecnt * 6 + v1.charcnt + v1.leapcnt * 8 + v1.isstdcnt + v1.isutcnt
                guard let v2 = header(b, 44 + v1Length) else { return nil }
                h = v2
                start = 44 + v1Length + 44
                timeSize = 8
            }
            let timesAt = start
            let indicesAt = timesAt + h.timecnt * timeSize
            let typesAt = indicesAt + h.timecnt
            let charsAt = typesAt + h.typecnt * 6
            let end = charsAt + h.charcnt + h.leapcnt * (timeSize + 4) + h.isstdcnt + h.isutcnt
            guard h.typecnt > 0, end <= b.count else { return nil }

            func name(ofType type: Int) -> String? {
                guard type >= 0, type < h.typecnt else { return nil }
                let index = Int(b[typesAt + type * 6 + 5])
                guard index < h.charcnt else { return nil }
                var bytes: [UInt8] = []
                var i = charsAt + index
                while i < charsAt + h.charcnt, b[i] != 0 { bytes.append(b[i]); i += 1 }
                return String(decoding: bytes, as: UTF8.self)
            }

            var lastTransition: Int64?
            var type: Int?
            for i in 0..<h.timecnt {
                let t: Int64
                if timeSize == 8 {
                    guard let value = i64(b, timesAt + i * 8) else { return nil }
                    t = value
                } else {
                    guard let value = u32(b, timesAt + i * 4) else { return nil }
                    t = Int64(Int32(bitPattern: value))
                }
                if t <= time { type = Int(b[indicesAt + i]); lastTransition = t } else { break }
            }
            let afterLast: Bool
            if let last = lastTransitionTime(b, timesAt, h.timecnt, timeSize) {
                afterLast = lastTransition == last
            } else {
                afterLast = true
            }
            if afterLast, timeSize == 8, let footer = footerNames(b, from: end) {
                return isDaylightSaving ? (footer.dst ?? footer.std) : footer.std
            }
            if let type { return name(ofType: type) }
            return name(ofType: 0)
        }

        private static func lastTransitionTime(_ b: [UInt8], _ at: Int, _ count: Int, _ size: Int) -> Int64? {
            guard count > 0 else { return nil }
            if size == 8 { return i64(b, at + (count - 1) * 8) }
            return u32(b, at + (count - 1) * 4).map { Int64(Int32(bitPattern: $0)) }
        }

        /// The standard and daylight abbreviations of the POSIX TZ string in the footer
        /// (`\nCET-1CEST,M3.5.0,M10.5.0/3\n`).
        private static func footerNames(_ b: [UInt8], from: Int) -> (std: String, dst: String?)? {
            guard from < b.count, b[from] == 0x0A else { return nil }
            var i = from + 1
            func readName() -> String? {
                var bytes: [UInt8] = []
                if i < b.count, b[i] == UInt8(ascii: "<") {
                    i += 1
                    while i < b.count, b[i] != UInt8(ascii: ">") { bytes.append(b[i]); i += 1 }
                    guard i < b.count else { return nil }
                    i += 1
                } else {
                    while i < b.count, (b[i] >= 0x41 && b[i] <= 0x5A) || (b[i] >= 0x61 && b[i] <= 0x7A) {
                        bytes.append(b[i]); i += 1
                    }
                }
                return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
            }
            guard let std = readName() else { return nil }
            // Skip the standard offset: [+-]hh[:mm[:ss]]
            while i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: ":")
                    || (b[i] >= 0x30 && b[i] <= 0x39) { i += 1 }
            guard i < b.count, b[i] != 0x0A, b[i] != UInt8(ascii: ",") else { return (std, nil) }
            return (std, readName())
        }
    }
}
