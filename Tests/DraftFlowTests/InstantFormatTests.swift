import Foundation
import Testing
@testable import DraftFlow

@Suite("InstantFormat")
struct InstantFormatTests {
    let zurich = TimeZone(identifier: "Europe/Zurich")!
    let utc = TimeZone(identifier: "UTC")!

    @Test func isoFormatting() throws {
        let instant = utcInstant(2020, 3, 1, 22, 59, 59)
        #expect(InstantFormat.iso(instant, in: zurich) == "2020-03-01T23:59:59+01:00")
        #expect(InstantFormat.iso(instant, in: utc) == "2020-03-01T22:59:59Z")
        #expect(InstantFormat.iso(instant, in: TimeZone(identifier: "GMT")!) == "2020-03-01T22:59:59Z")
        #expect(InstantFormat.iso(instant, in: try Deadline.timeZone("Europe/London")) == "2020-03-01T22:59:59+00:00")
        #expect(InstantFormat.iso(instant, in: try Deadline.timeZone("America/New_York")) == "2020-03-01T17:59:59-05:00")
        #expect(InstantFormat.iso(instant, in: try Deadline.timeZone("Asia/Kolkata")) == "2020-03-02T04:29:59+05:30")
        // Round trip through parse.
        for zone in [zurich, utc, try Deadline.timeZone("Asia/Kolkata")] {
            #expect(try Deadline.parse(InstantFormat.iso(instant, in: zone), timeZone: utc) == instant)
        }
    }

    @Test func humanFormatting() throws {
        let instant = utcInstant(2020, 3, 1, 22, 59, 59)
        #expect(InstantFormat.human(instant, in: zurich) == "1 March 2020, 23:59:59 CET (Europe/Zurich)")
        #expect(InstantFormat.human(instant, in: utc) == "1 March 2020, 22:59:59 UTC")
        #expect(InstantFormat.human(utcInstant(2020, 3, 16, 9, 5, 0), in: try Deadline.timeZone("America/New_York"))
            == "16 March 2020, 05:05:00 EDT (America/New_York)")
        #expect(InstantFormat.human(utcInstant(2020, 12, 16, 9, 5, 0), in: try Deadline.timeZone("America/New_York"))
            == "16 December 2020, 04:05:00 EST (America/New_York)")
        // A zone without an alphabetic abbreviation shows its offset, never "GMT+4" guesses.
        let dubai = InstantFormat.human(instant, in: try Deadline.timeZone("Asia/Dubai"))
        #expect(dubai.hasPrefix("2 March 2020, 02:59:59 "))
        #expect(dubai.hasSuffix(" (Asia/Dubai)"))
    }

    @Test func remaining() {
        let now = utcInstant(2020, 2, 26, 18, 0, 0)
        let close = utcInstant(2020, 3, 1, 22, 59, 59)
        #expect(InstantFormat.remaining(from: now, to: close) == "4 days 4 hours")
        #expect(InstantFormat.remaining(from: now, to: now.addingTimeInterval(3 * 86_400 + 4 * 3_600)) == "3 days 4 hours")
        #expect(InstantFormat.remaining(from: now, to: now.addingTimeInterval(86_400 + 59)) == "1 day")
        #expect(InstantFormat.remaining(from: now, to: now.addingTimeInterval(2 * 3_600 + 5 * 60 + 7)) == "2 hours 5 minutes")
        #expect(InstantFormat.remaining(from: now, to: now.addingTimeInterval(3_600)) == "1 hour")
        #expect(InstantFormat.remaining(from: now, to: now.addingTimeInterval(45 * 60 + 30)) == "45 minutes")
        #expect(InstantFormat.remaining(from: now, to: now.addingTimeInterval(60)) == "1 minute")
        #expect(InstantFormat.remaining(from: now, to: now.addingTimeInterval(59)) == "less than a minute")
        #expect(InstantFormat.remaining(from: now, to: now) == "less than a minute")
        #expect(InstantFormat.remaining(from: now, to: now.addingTimeInterval(-1)) == "closed just now")
        #expect(InstantFormat.remaining(from: now, to: now.addingTimeInterval(-2 * 86_400 - 30)) == "closed 2 days ago")
        #expect(InstantFormat.remaining(from: now, to: now.addingTimeInterval(-3 * 3_600)) == "closed 3 hours ago")
    }


    @Test func recordInstantsReadWithoutACalendarMatchTheFullParser() throws {
        let zone = TimeZone(identifier: "Europe/Zurich")!
        for text in ["2020-03-01T23:59:59+01:00", "2020-07-01T23:59:59+02:00", "2020-03-01T22:59:59Z", "1999-12-31T23:59:59-05:30",
                     "2030-03-13T08:00:00+01:00", "2000-02-29T12:00:00Z"] {
            #expect(InstantFormat.parseISO(text) == (try Deadline.parseInstant(text, timeZone: zone)), "\(text)")
        }
        #expect(InstantFormat.parseISO("2020-03-01") == nil)
        #expect(InstantFormat.parseISO("2020-13-01T00:00:00Z") == nil)
        #expect(InstantFormat.parseISO("2020-03-01T23:59:59+0100") == nil)
    }

    // MARK: Foundation's ISO 8601 style gives the zone calendar's digits

    /// `iso` as it was written before Foundation's ISO 8601 style took over the date and time:
    /// from the components of a Gregorian calendar in the zone.
    func calendarISO(_ date: Date, in zone: TimeZone) -> String {
        let date = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        calendar.locale = Locale(identifier: "en_US_POSIX")
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let stamp = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
        if ["UTC", "GMT"].contains(zone.identifier) { return stamp + "Z" }
        let offset = zone.secondsFromGMT(for: date), minutes = abs(offset) / 60
        return stamp + String(format: "%@%02d:%02d", offset < 0 ? "-" : "+", minutes / 60, minutes % 60)
    }

    /// Zones with half- and quarter-hour offsets, negative offsets, summer time in either
    /// hemisphere, a half-hour summer shift (Lord Howe) and zero offsets that are not UTC.
    let zoneNames = ["Europe/Zurich", "Europe/London", "Europe/Dublin", "Africa/Monrovia", "America/New_York",
                     "America/St_Johns", "America/Sao_Paulo", "Asia/Kolkata", "Asia/Kathmandu", "Asia/Tokyo",
                     "Australia/Lord_Howe", "Pacific/Chatham", "Pacific/Kiritimati", "UTC", "GMT"]

    @Test func isoMatchesTheZoneCalendarAcrossZonesClockChangesAndFractions() throws {
        var instants: [TimeInterval] = [0, -0.5, 1_583_103_599, 1_583_103_599.999, 951_782_400, 4_102_444_799.75, -2_208_988_800]
        // Every hour and half hour around the 2020 clock changes of Europe, North America and
        // Australia, each a hair before, at and after the whole second.
        for change in [1_585_443_600.0, 1_603_587_600, 1_583_650_800, 1_604_210_400, 1_586_016_000, 1_601_822_400] {
            for step in stride(from: -7_200.0, through: 7_200, by: 1_800) {
                instants += [change + step - 0.001, change + step, change + step + 0.5]
            }
        }
        var compared = 0
        for name in zoneNames {
            let zone = try #require(TimeZone(identifier: name))
            for instant in instants {
                let date = Date(timeIntervalSince1970: instant)
                #expect(InstantFormat.iso(date, in: zone) == calendarISO(date, in: zone), "\(name) \(instant)")
                #expect(InstantFormat.day(date, in: zone) == String(calendarISO(date, in: zone).prefix(10)), "\(name) \(instant)")
                compared += 1
            }
        }
        #expect(compared == 15 * 169)
        // Where Foundation alone would differ: a zero offset that is not UTC, and a historic offset with seconds.
        let london = try Deadline.timeZone("Europe/London")
        #expect(InstantFormat.iso(utcInstant(2020, 1, 15, 12, 0, 0), in: london) == "2020-01-15T12:00:00+00:00")
        #expect(utcInstant(2020, 1, 15, 12, 0, 0).formatted(Date.ISO8601FormatStyle(timeZone: london)) == "2020-01-15T12:00:00Z")
        #expect(InstantFormat.iso(utcInstant(1870, 1, 8, 0, 0, 0), in: zurich) == "1870-01-08T00:29:46+00:29")
    }

    @Test func calendarDay() throws {
        let instant = utcInstant(2020, 3, 1, 22, 59, 59)
        #expect(InstantFormat.day(instant, in: zurich) == "2020-03-01")
        #expect(InstantFormat.day(instant, in: try Deadline.timeZone("Asia/Tokyo")) == "2020-03-02")
        #expect(InstantFormat.day(instant, in: try Deadline.timeZone("America/New_York")) == "2020-03-01")
        #expect(InstantFormat.day(utcInstant(987, 6, 5, 12, 0, 0), in: utc) == "0987-06-05")
        #expect(InstantFormat.humanDay(instant, in: zurich) == "1 March 2020")
        #expect(InstantFormat.humanDay(instant, in: try Deadline.timeZone("Asia/Tokyo")) == "2 March 2020")
        #expect(InstantFormat.humanDay(utcInstant(2020, 3, 16, 22, 59, 59), in: zurich) == "16 March 2020")
        // The day is the zone's day, in summer time too.
        #expect(InstantFormat.humanDay(utcInstant(2020, 6, 30, 22, 30, 0), in: zurich) == "1 July 2020")
        #expect(InstantFormat.humanDay(utcInstant(2020, 6, 30, 22, 30, 0), in: utc) == "30 June 2020")
        #expect(InstantFormat.humanDay(utcInstant(2020, 3, 16, 22, 59, 59), in: try Deadline.timeZone("Asia/Tokyo")) == "17 March 2020")
    }

    @Test func recordInstantsOutsideWhatDraftFlowWritesAreLeftToTheFullParser() {
        // Proleptic Gregorian, as the records were written (Foundation's parser says 0000-12-30).
        #expect(InstantFormat.parseISO("0001-01-01T00:00:00Z") == Date(timeIntervalSince1970: -62_135_596_800))
        #expect(InstantFormat.parseISO("2020-03-01T24:00:00Z") == nil)
        #expect(InstantFormat.parseISO("2020-03-01T22:59:59.5Z") == nil)
        #expect(InstantFormat.parseISO(" 2020-03-01T22:59:59Z") == nil)
        #expect(InstantFormat.parseISO("2020-03-01T23:59:59+01:00") == Date(timeIntervalSince1970: 1_583_103_599))
    }
}
