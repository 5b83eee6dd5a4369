import Foundation
import Testing
@testable import DraftFlow
import TestSupport

/// The fast paths of `Deadline.parse`: date-times with an offset by arithmetic, and texts with no
/// blank ends read without trimming. Each gives what the general route gives.
@Suite struct DeadlineArithmeticTests {
    @Test func instantsWithAnOffsetAreTheCalendarsFrom1600On() throws {
        var generator = SeededGenerator(1600)
        let years = [1600, 1700, 1899, 1900, 1970, 1999, 2000, 2020, 2024, 2100, 2400, 9999]
        for index in 0..<3000 {
            let year = index < 600 ? generator.pick(years) : 1600 + generator.below(8400)
            let month = 1 + generator.below(12)
            let days = Calendar(identifier: .gregorian).range(of: .day, in: .month,
                                                              for: InstantFormat.calendar(InstantFormat.utc).date(from: DateComponents(year: year, month: month, day: 1))!)!.count
            let day = index % 7 == 0 ? days : 1 + generator.below(days)
            let hour = generator.below(24), minute = generator.below(60), second = generator.below(60)
            let offset = (generator.below(37) - 18) * 3600 + (generator.below(2) == 0 ? 0 : generator.pick([15, 30, 45]) * 60) * (generator.below(2) == 0 ? 1 : -1)
            guard abs(offset) <= 18 * 3600 else { continue }
            let fast = Deadline.fixedOffsetInstant(year, month, day, hour, minute, second, offset: offset)
            let general = try Deadline.calendarInstant(year, month, day, hour, minute, second, offset: offset)
            #expect(fast == general, "\(year)-\(month)-\(day)T\(hour):\(minute):\(second) \(offset)")
        }
    }

    @Test func parsedTextsGiveTheCalendarsInstant() throws {
        let zurich = TimeZone(identifier: "Europe/Zurich")!
        #expect(try Deadline.parseInstant("2030-02-27T02:00:00+01:00", timeZone: zurich)
                == Deadline.calendarInstant(2030, 2, 27, 2, 0, 0, offset: 3600))
        #expect(try Deadline.parseInstant("2020-03-01T22:59:59Z", timeZone: zurich) == Date(timeIntervalSince1970: 1_583_103_599))
        #expect(try Deadline.parseInstant("2020-03-01T22:59:59.750Z", timeZone: zurich) == Date(timeIntervalSince1970: 1_583_103_599.75))
        #expect(try Deadline.parseInstant("2020-03-01T23:59+0100", timeZone: zurich) == Date(timeIntervalSince1970: 1_583_103_540))
        // Before 1600 the calendar decides (Julian before October 1582).
        #expect(try Deadline.parseInstant("1500-03-01T00:00:00Z", timeZone: zurich)
                == Deadline.calendarInstant(1500, 3, 1, 0, 0, 0, offset: 0))
        #expect(throws: DraftFlowError.self) { try Deadline.parseInstant("2020-03-01T23:59:59+18:30", timeZone: zurich) }
    }

    @Test func onlyTextsWithBlankEndsAreTrimmed() {
        let pieces = ["", " ", "\t", "\n", "\r\n", "\u{A0}", "\u{3000}", "\u{2028}", "\u{85}", "\u{200B}", "\u{301}", "2020-03-01", "T", "é", "信"]
        var generator = SeededGenerator(1601)
        for _ in 0..<2000 {
            let text = (0..<generator.below(6)).map { _ in generator.pick(pieces) }.joined()
            #expect(TextTrimming.hasEnd(text, in: .whitespacesAndNewlines) == (text.trimmingCharacters(in: .whitespacesAndNewlines) != text), "\(text.debugDescription)")
        }
    }
}
