import DraftFlow
import Foundation
import Testing
import TestSupport

/// The deadline's edges: the whole closing second is on time, for the stated close and for an
/// early close; a local time the clocks skip or repeat is refused.
@Suite struct DeadlineEdgeTests {
    let zurich = TimeZone(identifier: "Europe/Zurich")!

    func instant(_ text: String) throws -> Date { try Deadline.parseInstant(text, timeZone: zurich) }

    @Test func theWholeClosingSecondIsOnTime() throws {
        let close = try Deadline.parse("2020-03-01", timeZone: zurich)
        #expect(Deadline.isOnTime(try instant("2020-03-01T23:59:59.5+01:00"), close: close))
        #expect(Deadline.isOnTime(try instant("2020-03-01T23:59:59.999+01:00"), close: close))
        #expect(!Deadline.isOnTime(try instant("2020-03-02T00:00:00+01:00"), close: close))
        let round = Round(name: "r", on: "draft-1", kind: .comments, opened: try instant("2020-02-14T10:00:00+01:00"), closes: close)
        #expect(round.accepts(receivedAt: try instant("2020-03-01T23:59:59.5+01:00")))
        #expect(!round.accepts(receivedAt: try instant("2020-03-02T00:00:00+01:00")))
    }

    @Test func aCommentInTheSecondOfAnEarlyCloseIsOnTime() throws {
        let closedAt = try instant("2020-02-20T12:00:00.4+01:00")
        let round = Round(name: "r", on: "draft-1", kind: .comments, opened: try instant("2020-02-14T10:00:00+01:00"),
                          closes: try Deadline.parse("2020-03-01", timeZone: zurich), closedEarly: closedAt)
        #expect(round.accepts(receivedAt: try instant("2020-02-20T12:00:00+01:00")))
        #expect(round.accepts(receivedAt: try instant("2020-02-20T12:00:00.9+01:00")))
        #expect(!round.accepts(receivedAt: try instant("2020-02-20T12:00:01+01:00")))
        // Closed is closed from the instant of the close: no new round waits for the second to end.
        #expect(!round.isOpen(at: closedAt))
        #expect(round.isOpen(at: try instant("2020-02-20T12:00:00.2+01:00")))
    }

    @Test func anAmbiguousFallBackTimeIsRefusedNamingBothInstants() throws {
        let error = refusal { try Deadline.parse("2020-10-25T02:30", timeZone: zurich) }
        #expect(error?.message == "'2020-10-25T02:30' happens twice in Europe/Zurich: the clocks go back that night, so it is "
                + "2020-10-25T02:30:00+02:00 (CEST) or 2020-10-25T02:30:00+01:00 (CET)")
        #expect(error?.fix == "write the instant with its offset: 2020-10-25T02:30:00+02:00 or 2020-10-25T02:30:00+01:00")
        #expect(refusal { try Deadline.parseInstant("2020-10-25T02:00:00", timeZone: zurich) } != nil)
        // With its offset, each of the two is taken as written; the hours around it are not ambiguous.
        #expect(try Deadline.parse("2020-10-25T02:30+01:00", timeZone: zurich).timeIntervalSince(try Deadline.parse("2020-10-25T02:30+02:00", timeZone: zurich)) == 3600)
        #expect(InstantFormat.iso(try Deadline.parse("2020-10-25T01:59:59", timeZone: zurich), in: zurich) == "2020-10-25T01:59:59+02:00")
        #expect(InstantFormat.iso(try Deadline.parse("2020-10-25T03:00", timeZone: zurich), in: zurich) == "2020-10-25T03:00:00+01:00")
    }

    @Test func aSkippedSpringForwardTimeIsRefused() throws {
        let error = refusal { try Deadline.parse("2020-03-29T02:30", timeZone: zurich) }
        #expect(error?.message == "'2020-03-29T02:30' does not exist in Europe/Zurich: the clocks skip that time")
        #expect(InstantFormat.iso(try Deadline.parse("2020-03-29T03:00", timeZone: zurich), in: zurich) == "2020-03-29T03:00:00+02:00")
    }
}
