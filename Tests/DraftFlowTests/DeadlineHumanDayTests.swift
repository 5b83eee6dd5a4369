import Foundation
import Testing
import DraftFlow

@Suite struct DeadlineHumanDayTests {
    let zurich = TimeZone(identifier: "Europe/Zurich")!

    @Test func theDayOfTheHumanFormat() throws {
        let close = try Deadline.parse("2020-03-16", timeZone: zurich)
        #expect(Deadline.human(close, in: zurich) == "16 March 2020, 23:59:59 CET (Europe/Zurich)")
        #expect(Deadline.humanDay(close, in: zurich) == "16 March 2020")
        // The day is the zone's day.
        #expect(Deadline.humanDay(close, in: TimeZone(identifier: "UTC")!) == "16 March 2020")
        #expect(Deadline.humanDay(close, in: TimeZone(identifier: "Asia/Tokyo")!) == "17 March 2020")
        #expect(Deadline.humanDay(try Deadline.parseInstant("2020-07-01T00:30:00+02:00", timeZone: zurich), in: zurich) == "1 July 2020")
        #expect(Deadline.humanDay(try Deadline.parseInstant("2020-07-01T00:30:00+02:00", timeZone: zurich), in: TimeZone(identifier: "UTC")!)
                == "30 June 2020")
    }
}
