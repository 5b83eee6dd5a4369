import DraftFlow
import Foundation
import Testing

/// A proposed change that the resolution of its collision did not take is not in the text: it
/// cannot be recorded as accepted, neither one by one nor by `--all-undecided accepted`, and a
/// resolution cannot leave an accepted change out.
@Suite struct SupersededChangeTests {
    let zone = TimeZone(identifier: "Europe/Zurich")!
    let draft = """
    # Input

    ## 1 Introduction

    1.1 The Council welcomes the invitation.

    1.2 Connectivity remains a challenge.

    """
    let store: MemoryWorkspaceStore

    init() throws {
        let first = try WorkspaceSetup.initialChange(
            title: "Input", documentName: "input.md", document: Data(draft.utf8), timezone: "Europe/Zurich",
            secretariat: Secretariat(name: "Secretariat", email: "s@example.org"), recipient: nil, due: nil,
            now: try Deadline.parseInstant("2020-02-07T17:00:00+01:00", timeZone: zone))
        store = try MemoryWorkspaceStore(first: first)
        let setUp = try at("2020-02-14T10:00:00+01:00")
        for (code, name) in [("CAN", "Canada"), ("USA", "United States"), ("FRA", "France")] {
            try Membership(setUp).add(code: code, name: name, email: nil)
        }
        _ = try Publishing(setUp).publish(label: "draft-1", note: nil)
        _ = try Rounds(setUp).open(on: "draft-1", closes: "2020-03-01", kind: .comments, name: nil)
        let during = try at("2020-02-20T10:00:00+01:00")
        for (code, text) in [
            ("CAN", "## 1.2 (technical)\nStronger.\n\nProposed change: 1.2 Connectivity remains a major challenge.\n"),
            ("USA", "## 1.2 (technical)\nMore precise.\n\nProposed change: 1.2 Connectivity remains a serious challenge.\n"),
            ("FRA", "Nous appuyons le projet.\n"),
        ] {
            _ = try Submissions(during).record(member: code, file: IncomingFile(name: "\(code).md", data: Data(text.utf8)), proposal: nil,
                                               received: nil, late: false, roundName: nil)
        }
        let merged = try MergeDesk(try at("2020-03-02T09:00:00+01:00")).merge(round: nil)
        precondition(merged.openCollisions.map(\.id) == ["C1"])
    }

    func at(_ text: String) throws -> DraftingContext {
        DraftingContext(store: store, now: try Deadline.parseInstant(text, timeZone: zone))
    }

    func paragraph12() throws -> String {
        let text = String(decoding: try store.snapshot().file("Drafts/input.md") ?? Data(), as: UTF8.self)
        return try #require(text.split(separator: "\n").first { $0.hasPrefix("1.2 ") }.map(String.init))
    }

    @Test func aChangeTheResolutionDidNotTakeIsRefusedAsAcceptedAndTakesAnotherDecision() throws {
        let deciding = try at("2020-03-03T10:00:00+01:00")
        _ = try Resolutions(deciding).resolve(collision: "C1", choice: .member("USA"), note: nil, round: nil)
        #expect(try Reports(deciding).status().merge?.superseded == ["CAN-1": "C1"])
        let before = try store.history()

        let error = try #require(throws: DraftFlowError.self) {
            try DispositionDesk(deciding).dispose(comment: "CAN-1", decision: .accepted, text: nil, note: nil, round: nil)
        }
        #expect(error.kind == .refused)
        #expect(error.message == "CAN-1's proposed change to 1.2 is not in the candidate: collision C1 at 1.2 was resolved to take the text of "
            + "United States; it cannot be accepted as proposed")
        #expect(error.fix == "dispose of it as noted or rejected (with --note saying why), or as modified with --text FILE; "
            + "or take its wording with `draftflow resolve C1 --take CAN`")
        #expect(try store.history() == before)

        let (disposition, _) = try DispositionDesk(deciding).dispose(comment: "CAN-1", decision: .rejected, text: nil, note: "Superseded by C1.", round: nil)
        #expect(disposition.decision == .rejected)
        #expect(try paragraph12() == "1.2 Connectivity remains a serious challenge.")
        #expect(try DispositionDesk(deciding).dispose(comment: "USA-1", decision: .accepted, text: nil, note: nil, round: nil).0.decision == .accepted)
    }

    @Test func acceptingAllUndecidedLeavesOutTheChangesTheResolutionSuperseded() throws {
        let deciding = try at("2020-03-03T10:00:00+01:00")
        _ = try Resolutions(deciding).resolve(collision: "C1", choice: .base, note: nil, round: nil)

        let accepted = try DispositionDesk(deciding).disposeAll(undecided: .accepted, note: nil, round: nil)
        #expect(accepted.disposed == ["FRA-1"])
        #expect(accepted.superseded == ["CAN-1": "C1", "USA-1": "C1"])
        #expect(try Reports(deciding).status().merge?.undecided == ["CAN-1", "USA-1"])

        let before = try store.history()
        let error = try #require(throws: DraftFlowError.self) {
            try DispositionDesk(deciding).disposeAll(undecided: .accepted, note: nil, round: nil)
        }
        #expect(error.kind == .refused)
        #expect(error.message == "every comment left undecided in round draft-1-comments has a proposed change that is not in the candidate: "
            + "CAN-1 (collision C1 at 1.2 was resolved to keep the text of draft-1); USA-1 (collision C1 at 1.2 was resolved to keep the text of draft-1); "
            + "none can be accepted as proposed")
        #expect(try store.history() == before)

        let rejected = try DispositionDesk(deciding).disposeAll(undecided: .rejected, note: "Superseded.", round: nil)
        #expect(rejected.disposed == ["CAN-1", "USA-1"])
        #expect(rejected.superseded == [:])
        #expect(try paragraph12() == "1.2 Connectivity remains a challenge.")
        #expect(try Reports(deciding).status().merge?.undecided == [])
    }

    @Test func aResolutionThatWouldLeaveAnAcceptedChangeOutIsRefused() throws {
        let deciding = try at("2020-03-03T10:00:00+01:00")
        _ = try DispositionDesk(deciding).dispose(comment: "CAN-1", decision: .accepted, text: nil, note: nil, round: nil)
        let before = try store.history()

        for choice in [ResolutionChoice.member("USA"), .base] {
            let error = try #require(throws: DraftFlowError.self) {
                try Resolutions(deciding).resolve(collision: "C1", choice: choice, note: nil, round: nil)
            }
            #expect(error.kind == .refused)
            #expect(error.fix == "take that disposition back first (`draftflow dispose CAN-1 undecided`), resolve C1, then dispose of it as noted, rejected or modified")
            if choice == .member("USA") {
                #expect(error.message == "CAN-1 was accepted with its proposed change to 1.2; resolving collision C1 to take the text of United States "
                    + "would leave it accepted without that change in the text")
            }
        }
        for choice in [ResolutionChoice.member("USA"), .base] {
            let error = try #require(throws: DraftFlowError.self) { try Resolutions(deciding).resolveAll(choice: choice, note: nil, round: nil) }
            #expect(error.kind == .refused)
        }
        #expect(try store.history() == before)

        _ = try Resolutions(deciding).resolve(collision: "C1", choice: .member("CAN"), note: nil, round: nil)
        #expect(try paragraph12() == "1.2 Connectivity remains a major challenge.")
    }

    /// The secretariat's own wording may take a member's point in: accepting the point then says so,
    /// before or after the resolution, as with a `modified` disposition.
    @Test func theSecretariatsOwnTextLeavesAcceptingOpen() throws {
        let deciding = try at("2020-03-03T10:00:00+01:00")
        _ = try DispositionDesk(deciding).dispose(comment: "CAN-1", decision: .accepted, text: nil, note: "Taken into the secretariat's text.", round: nil)
        _ = try Resolutions(deciding).resolve(collision: "C1", choice: .text("1.2 Connectivity remains a major and serious challenge."), note: nil, round: nil)
        let accepted = try DispositionDesk(deciding).disposeAll(undecided: .accepted, note: nil, round: nil)
        #expect(accepted.disposed == ["FRA-1", "USA-1"])
        #expect(accepted.superseded == [:])
        #expect(try paragraph12() == "1.2 Connectivity remains a major and serious challenge.")
    }
}
