import DraftFlow
import Foundation
import Testing

/// The DraftFlowError `body` throws, of any kind; nil when it throws none.
private func failure<T>(_ body: () throws -> T) -> DraftFlowError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error as? DraftFlowError
    }
}

/// Several addresses per member (`member add --email A --email B`, `member edit`) and a round's
/// mail subject, on the in-memory store.
@Suite struct MemberAddressTests {
    @Test func aMemberSendsFromEachOfItsAddressesInAnyCase() throws {
        let fixture = try OpenRoundFixture(members: [])
        let setUp = try fixture.at("2020-02-14T11:00:00+01:00")
        let china = try Membership(setUp).add(code: "CHN", name: "China", emails: ["chn@example.org", "Geneva@China-Mission.example.cn"])
        #expect(china.email == "chn@example.org")
        #expect(china.otherEmails == ["Geneva@China-Mission.example.cn"])
        #expect(china.sends(from: "geneva@china-mission.example.cn"))
        #expect(!china.sends(from: "beijing@china-mission.example.cn"))
        // A member registered before with one address has no otherEmails: the file stays as it was.
        let canada = try Membership(setUp).add(code: "CAN", name: "Canada", email: "can@example.org")
        #expect(canada.otherEmails == nil)
        #expect(try Membership(setUp).members() == [china, canada])
    }

    @Test func editReplacesTheAddressesAndRefusesOneOfAnotherMember() throws {
        let fixture = try OpenRoundFixture(members: [("CAN", "Canada"), ("USA", "United States")])
        let setUp = try fixture.at("2020-02-14T11:00:00+01:00")
        let edited = try Membership(setUp).edit(code: "CAN", name: nil, emails: ["can@example.org", "ottawa@example.org"])
        #expect(edited == Member(code: "CAN", name: "Canada", email: "can@example.org", otherEmails: ["ottawa@example.org"]))
        let shared = failure { try Membership(setUp).edit(code: "USA", name: nil, emails: ["Ottawa@example.org"]) }
        #expect(shared?.kind == .conflict)
        #expect(shared?.message == "the address Ottawa@example.org is registered for CAN already: mail from it could not be attributed")
        let twice = failure { try Membership(setUp).add(code: "FRA", name: "France", emails: ["fra@example.org", "FRA@example.org"]) }
        #expect(twice?.message == "the address FRA@example.org is given twice")
        let unknown = failure { try Membership(setUp).edit(code: "GBR", name: "United Kingdom", emails: nil) }
        #expect(unknown?.message == "GBR is not a registered member")
        let same = failure { try Membership(setUp).edit(code: "CAN", name: "Canada", emails: nil) }
        #expect(same?.kind == .refused)
    }

    @Test func aRoundKeepsItsMailSubject() throws {
        let fixture = try OpenRoundFixture(members: [("CAN", "Canada")])
        let closing = try fixture.at("2020-03-02T10:00:00+01:00")
        let round = try Rounds(closing).open(on: "draft-1", closes: "2020-03-20", kind: .comments, name: "draft-1-second",
                                             subject: "  Council input to HLPF 2020 ")
        #expect(round.subject == "Council input to HLPF 2020")
        #expect(try closing.workflow().round(named: "draft-1-second")?.subject == "Council input to HLPF 2020")
        let empty = failure { try Rounds(closing).open(on: "draft-1", closes: "2020-03-20", kind: .comments, name: "x", subject: " ") }
        #expect(empty?.message == "the subject is empty")
    }
}
