import Foundation
import Testing
@testable import DraftFlow

@Suite("Deadline rules")
struct DeadlineTests {
    let zurich = TimeZone(identifier: "Europe/Zurich")!
    let utc = TimeZone(identifier: "UTC")!

    func invalidInput(_ body: () throws -> Date) -> DraftFlowError? {
        do {
            _ = try body()
            return nil
        } catch let error as DraftFlowError {
            return error
        } catch {
            return nil
        }
    }

    // MARK: The seed deadline: 1 March 2020 in Geneva time.

    @Test func bareDateClosesAtEndOfDayInZone() throws {
        let close = try Deadline.parse("2020-03-01", timeZone: zurich)
        #expect(close == utcInstant(2020, 3, 1, 22, 59, 59))
        #expect(close == (try Deadline.parse("2020-03-01T23:59:59+01:00", timeZone: utc)))
        #expect(InstantFormat.iso(close, in: zurich) == "2020-03-01T23:59:59+01:00")
    }

    @Test func instantsAroundTheClose() throws {
        let close = try Deadline.parse("2020-03-01", timeZone: zurich)
        let nextMidnight = try Deadline.parseInstant("2020-03-02T00:00:00+01:00", timeZone: zurich)
        let elevenZ = try Deadline.parseInstant("2020-03-01T23:00:00Z", timeZone: zurich)
        let exact = try Deadline.parseInstant("2020-03-01T22:59:59Z", timeZone: zurich)
        #expect(nextMidnight > close)
        #expect(elevenZ > close)
        #expect(exact == close)
        #expect(Deadline.isOnTime(exact, close: close))
        #expect(!Deadline.isOnTime(nextMidnight, close: close))
        #expect(!Deadline.isOnTime(elevenZ, close: close))
        #expect(nextMidnight.timeIntervalSince(close) == 1)
    }

    @Test func summerTimeClose() throws {
        let close = try Deadline.parse("2020-07-01", timeZone: zurich)
        #expect(close == utcInstant(2020, 7, 1, 21, 59, 59))
        #expect(InstantFormat.iso(close, in: zurich) == "2020-07-01T23:59:59+02:00")
        #expect(InstantFormat.human(close, in: zurich) == "1 July 2020, 23:59:59 CEST (Europe/Zurich)")
    }

    @Test func parseInstantBareDateIsStartOfDay() throws {
        let start = try Deadline.parseInstant("2020-03-01", timeZone: zurich)
        #expect(start == utcInstant(2020, 2, 29, 23, 0, 0))
        #expect(InstantFormat.iso(start, in: zurich) == "2020-03-01T00:00:00+01:00")
        #expect(try Deadline.parseInstant("2020-03-01", timeZone: utc) == utcInstant(2020, 3, 1, 0, 0, 0))
    }

    @Test func localDateTimeWithoutOffsetIsReadInTheZone() throws {
        #expect(try Deadline.parse("2020-03-01T18:00", timeZone: zurich) == utcInstant(2020, 3, 1, 17, 0, 0))
        #expect(try Deadline.parse("2020-03-01T18:00:30", timeZone: zurich) == utcInstant(2020, 3, 1, 17, 0, 30))
        #expect(try Deadline.parse("2020-03-01 18:00", timeZone: zurich) == utcInstant(2020, 3, 1, 17, 0, 0))
        let newYork = try Deadline.timeZone("America/New_York")
        #expect(try Deadline.parse("2020-03-01T18:00", timeZone: newYork) == utcInstant(2020, 3, 1, 23, 0, 0))
    }

    @Test func offsetsAndFractions() throws {
        let expected = utcInstant(2020, 3, 1, 22, 59, 59)
        for text in ["2020-03-01T23:59:59+01:00", "2020-03-01T22:59:59Z", "2020-03-01T22:59:59z",
                     "2020-03-01T23:59:59+0100", "2020-03-01T23:59:59+01", "2020-03-01T17:59:59-05:00",
                     "  2020-03-01T22:59:59Z\n", "2020-03-01T22:59:59.000Z"] {
            #expect(try Deadline.parse(text, timeZone: zurich) == expected, "\(text)")
        }
        let fractional = try Deadline.parse("2020-03-01T22:59:59.250Z", timeZone: zurich)
        #expect(abs(fractional.timeIntervalSince(expected) - 0.25) < 0.000_1)
        #expect(InstantFormat.iso(fractional, in: zurich) == "2020-03-01T23:59:59+01:00")
        let india = try Deadline.parse("2020-03-02T04:29:59+05:30", timeZone: utc)
        #expect(india == expected)
    }

    @Test func leapDayAndCalendarValidation() throws {
        #expect(try Deadline.parse("2020-02-29", timeZone: utc) == utcInstant(2020, 2, 29, 23, 59, 59))
        for text in ["2019-02-29", "2020-02-30", "2020-04-31", "2020-13-01", "2020-00-10", "2020-03-00",
                     "2020-03-01T24:00", "2020-03-01T23:60", "2020-03-01T23:59:60Z", "2020-03-01T12:00+19:00"] {
            let error = invalidInput { try Deadline.parse(text, timeZone: zurich) }
            #expect(error?.kind == .invalidInput, "\(text)")
            #expect(error?.message.contains("is not a valid date or time") == true, "\(text): \(String(describing: error))")
        }
    }

    @Test func malformedInputsAreRefusedWithExamples() {
        for text in ["", "   ", "1 March 2020", "01/03/2020", "2020-3-1", "20200301", "2020-03-01T", "2020-03-01T18",
                     "2020-03-01T18:00 CET", "2020-03-01T18:00+1", "2020-03-01T18:00:00.Z", "tomorrow",
                     "2020-03-01x", "２０２０-03-01", "2020-03-01T18:00Z junk"] {
            let error = invalidInput { try Deadline.parse(text, timeZone: zurich) }
            #expect(error?.kind == .invalidInput, "\(text)")
            #expect(error?.fix?.contains("2020-03-01T23:59:59+01:00") == true, "\(text)")
            #expect(error?.fix?.contains("2020-03-01T22:59:59Z") == true, "\(text)")
        }
    }

    @Test func nonexistentLocalTimeIsRefused() throws {
        // Clocks in Zurich went from 02:00 to 03:00 on 29 March 2020.
        let error = invalidInput { try Deadline.parse("2020-03-29T02:30", timeZone: zurich) }
        #expect(error?.kind == .invalidInput)
        #expect(error?.message.contains("does not exist in Europe/Zurich") == true)
        #expect(try Deadline.parse("2020-03-29T03:30", timeZone: zurich) == utcInstant(2020, 3, 29, 1, 30, 0))
    }

    // MARK: Time zone names

    @Test func knownTimeZones() throws {
        #expect(try Deadline.timeZone("Europe/Zurich").identifier == "Europe/Zurich")
        #expect(try Deadline.timeZone("America/New_York").identifier == "America/New_York")
        #expect(try Deadline.timeZone("Asia/Kolkata").identifier == "Asia/Kolkata")
        #expect(try Deadline.timeZone(" Europe/Zurich ").identifier == "Europe/Zurich")
        let utcZone = try Deadline.timeZone("UTC")
        #expect(utcZone.secondsFromGMT(for: Date(timeIntervalSince1970: 0)) == 0)
        #expect(InstantFormat.iso(Date(timeIntervalSince1970: 0), in: utcZone) == "1970-01-01T00:00:00Z")
    }

    @Test func unknownTimeZonesAreRefused() {
        for name in ["", "Mars/Olympus", "Geneva", "GMT+5", "../../etc/passwd", "Europe/Zurich\u{0}", "CET ist"] {
            do {
                _ = try Deadline.timeZone(name)
                Issue.record("'\(name)' accepted")
            } catch let error as DraftFlowError {
                #expect(error.kind == .invalidInput)
                #expect(error.fix?.contains("Europe/Zurich") == true, "\(name)")
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
        do {
            _ = try Deadline.timeZone("europe/zurich")
            Issue.record("lowercase accepted")
        } catch let error as DraftFlowError {
            #expect(error.message == "unknown time zone 'europe/zurich'")
            #expect(error.fix?.contains("'Europe/Zurich'") == true)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
