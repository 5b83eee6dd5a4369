import DraftFlow
import Foundation
import Testing
import TestSupport

/// Records DraftFlow did not write, or that were damaged, are refused naming the file and the
/// commit that last changed it; nothing is written over them.
@Suite struct StrictRecordTests {
    let fixture: OpenRoundFixture
    var zone: TimeZone { fixture.zone }
    var draft: String { OpenRoundFixture.draft }
    var store: MemoryWorkspaceStore { fixture.store }

    init() throws {
        fixture = try OpenRoundFixture(members: [("CAN", "Canada"), ("USA", "United States")])
    }

    func at(_ text: String) throws -> DraftingContext {
        try fixture.at(text)
    }

    func file(_ text: String) -> IncomingFile { .init(name: "c.md", data: Data(text.utf8)) }

    /// Commits `writes` (nil removes) by hand, as a person with git would; returns the commit id.
    @discardableResult
    func handCommit(_ summary: String, _ writes: [String: String?]) throws -> String {
        let person = Person(name: "Someone", email: "someone@example.org", time: try Deadline.parseInstant("2020-02-21T09:00:00+01:00", timeZone: zone), timeZone: zone)
        var change = WorkspaceChange(author: person, committer: person, message: summary + "\n")
        for (path, text) in writes {
            if let text { change.writes[path] = Data(text.utf8) } else { change.removals.append(path) }
        }
        return try #require(try store.commit { _ in change })
    }

    func workflowText() throws -> String {
        String(decoding: try #require(try store.snapshot().file("Workflow.md")), as: UTF8.self)
    }

    @Test func aHandCommittedMembersKeyIsRefusedAndMemberAddErasesNothing() throws {
        let edited = try workflowText().replacingOccurrences(of: "\nmembers:", with: "\nMembers:")
        let commit = try handCommit("Edit the members by hand", ["Workflow.md": edited])
        let commits = store.commitCount
        var caught: DraftFlowError?
        do { try Membership(try at("2020-02-21T10:00:00+01:00")).add(code: "FRA", name: "France", email: nil) } catch let error as DraftFlowError { caught = error }
        let short = String(commit.prefix(7))
        #expect(caught?.kind == .workspace)
        #expect(caught?.message == "Workflow.md has a key DraftFlow does not know: 'Members' at the top level (did you mean 'members'? keys are case-sensitive); "
                + "it was last changed by commit \(short) (Edit the members by hand)")
        #expect(caught?.fix == "correct Workflow.md and commit the correction, or take it back to before that commit: "
                + "`git checkout \(short)~1 -- Workflow.md` and `git commit -m \"Restore Workflow.md\"`")
        #expect(store.commitCount == commits)
        #expect(try workflowText() == edited)
    }

    @Test func anUnknownKeyInsideAMemberAndADuplicateCodeAreRefused() throws {
        let nested = try workflowText().replacingOccurrences(of: "  name: Canada\n", with: "  name: Canada\n  phone: '+1 613'\n")
        try handCommit("Add a phone", ["Workflow.md": nested])
        #expect(throws: DraftFlowError.self) { try Membership(try at("2020-02-21T10:00:00+01:00")).members() }
        do { _ = try Membership(try at("2020-02-21T10:00:00+01:00")).members() } catch let error as DraftFlowError {
            #expect(error.message.hasPrefix("Workflow.md has a key DraftFlow does not know: 'phone' in members[1]; the keys there are code, name, email, otherEmails; it was last changed by commit "))
        }
        let twice = try workflowText().replacingOccurrences(of: "phone: '+1 613'", with: "email: a@b.org")
            .replacingOccurrences(of: "code: USA", with: "code: CAN")
        try handCommit("Duplicate", ["Workflow.md": twice])
        do { _ = try Membership(try at("2020-02-21T10:00:00+01:00")).members(); Issue.record("no error") } catch let error as DraftFlowError {
            #expect(error.message.hasPrefix("Workflow.md lists member CAN twice (the second is members[2]); it was last changed by commit "))
        }
    }

    @Test func aDeletedSubmissionRecordStopsTheMergeNamingTheCommitThatRemovedIt() throws {
        let during = try at("2020-02-20T10:00:00+01:00")
        _ = try Submissions(during).record(member: "CAN", file: file("## 1.1\nWarmer.\nProposed change: 1.1 The Council warmly welcomes the invitation.\n"),
                                           proposal: nil, received: nil, late: false, roundName: nil)
        _ = try Submissions(during).record(member: "USA", file: file("General support.\n"), proposal: nil, received: nil, late: false, roundName: nil)
        let commit = try handCommit("Tidy up", ["Comments/draft-1/CAN/submission-1.json": nil])
        var caught: DraftFlowError?
        do { _ = try MergeDesk(try at("2020-03-03T09:00:00+01:00")).merge(round: nil) } catch let error as DraftFlowError { caught = error }
        let short = String(commit.prefix(7))
        #expect(caught?.message == "Comments/draft-1/CAN/submission-1.json is missing: submission 1 of CAN in round draft-1 has no record, so it would be left out; "
                + "commit \(short) (Tidy up) removed it")
        #expect(caught?.fix == "restore it as it was before that commit: `git checkout \(short)~1 -- Comments/draft-1/CAN/submission-1.json` "
                + "and `git commit -m \"Restore Comments/draft-1/CAN/submission-1.json\"`")
    }

    @Test func aRecordWithAKeyDraftFlowDoesNotKnowIsRefused() throws {
        let during = try at("2020-02-20T10:00:00+01:00")
        _ = try Submissions(during).record(member: "CAN", file: file("General support.\n"), proposal: nil, received: nil, late: false, roundName: nil)
        let path = "Comments/draft-1/CAN/submission-1.json"
        let record = String(decoding: try #require(try store.snapshot().file(path)), as: UTF8.self)
        let edited = record.replacingOccurrences(of: "\"late\" : false", with: "\"late\" : false,\n  \"lateness\" : \"none\"")
        #expect(edited != record)
        let commit = try handCommit("Annotate", [path: edited])
        var caught: DraftFlowError?
        do { _ = try MergeDesk(try at("2020-03-03T09:00:00+01:00")).merge(round: nil) } catch let error as DraftFlowError { caught = error }
        #expect(caught?.kind == .workspace)
        #expect(caught?.message == "\(path) has a key DraftFlow does not know: lateness; it was last changed by commit \(commit.prefix(7)) (Annotate)")
    }

    @Test func anOlderSubmissionRecordedLaterDoesNotSupersedeTheNewerOne() throws {
        let now = try at("2020-02-21T10:00:00+01:00")
        let newer = try Submissions(now).record(member: "CAN", file: file("## 1.1\nNewer.\n"), proposal: nil,
                                                received: try Deadline.parseInstant("2020-02-20T10:00:00+01:00", timeZone: zone), late: false, roundName: nil)
        #expect(newer.stillCurrent == nil)
        let older = try Submissions(now).record(member: "CAN", file: file("## 1.2\nOlder.\n"), proposal: nil,
                                                received: try Deadline.parseInstant("2020-02-19T10:00:00+01:00", timeZone: zone), late: false, roundName: nil)
        #expect(older.number == 2)
        #expect(older.stillCurrent == Submission.StillCurrent(number: 1, received: newer.received))
        #expect(older.superseding == nil)
        let status = try Reports(now).status()
        let canada = try #require(status.members.first { $0.code == "CAN" })
        #expect(canada.submissions == 2)
        #expect(canada.comments == 1)
        #expect(canada.received == "2020-02-20T10:00:00+01:00")
        let message = try #require(try store.history().first?.message)
        #expect(message.contains("It was received before the member's submission 1 (received 20 February 2020, 10:00:00 CET (Europe/Zurich)), which stays the one that counts; this one is kept on record.\n"))
        #expect(!message.contains("supersedes"))
        // The merge takes the newer one's comment (on 1.1), not the older one's: the newer one
        // leaves the older one's comment out, so it counts as withdrawn.
        let outcome = try MergeDesk(try at("2020-03-03T09:00:00+01:00")).merge(round: nil)
        let rows = try DispositionDesk(try at("2020-03-03T09:10:00+01:00")).rows(round: nil).rows
        #expect(rows.map { "\($0.id) \($0.dispositionTitle)" } == ["CAN-1 Undecided", "CAN-2 Withdrawn"])
        #expect(outcome.round == "draft-1")
        // A third, received last, supersedes the first.
        let latest = try Submissions(now).record(member: "CAN", file: file("## 1.2\nLatest.\n"), proposal: nil, received: nil, late: false, roundName: nil)
        #expect(latest.superseding == 1)
        #expect(latest.stillCurrent == nil)
    }

    @Test func aRerunIntakeSkipsWhatIsRecordedAlready() throws {
        let now = try at("2020-02-21T10:00:00+01:00")
        let items = [
            Submissions.BatchItem(member: "CAN", file: file("General support.\n"), proposal: nil, received: nil),
            Submissions.BatchItem(member: "USA", file: file("## 1.2\nSharper.\n"), proposal: nil, received: nil),
        ]
        let first = try Submissions(now).intake(Array(items.prefix(1)), late: false, roundName: nil)
        #expect(first.recorded.map(\.member) == ["CAN"])
        let commits = store.commitCount
        let again = try Submissions(try at("2020-02-21T11:00:00+01:00")).intake(items, late: false, roundName: nil)
        #expect(again.recorded.map(\.member) == ["USA"])
        #expect(again.alreadyRecorded.map { "\($0.member)#\($0.number)" } == ["CAN#1"])
        #expect(store.commitCount == commits + 1)
        let third = try Submissions(try at("2020-02-21T12:00:00+01:00")).intake(items, late: false, roundName: nil)
        #expect(third.recorded.isEmpty)
        #expect(third.alreadyRecorded.count == 2)
        #expect(store.commitCount == commits + 1)
    }

    @Test func commandsThatNeedAMergeSayThereIsNoMergeYet() throws {
        var caught: DraftFlowError?
        do { _ = try Resolutions(try at("2020-03-03T09:00:00+01:00")).resolve(collision: "C1", choice: .base, note: nil, round: nil) } catch let error as DraftFlowError { caught = error }
        #expect(caught?.kind == .refused)
        #expect(caught?.message == "no merge yet: round draft-1 has not been merged, so there are no collisions, candidate or decisions to work on")
        #expect(caught?.fix == "run `draftflow merge --round draft-1` once the round has closed")
    }

    @Test func anEditedCopyWithAByteOrderMarkChangesNothingByItsMark() throws {
        let during = try at("2020-02-20T10:00:00+01:00")
        var copy = Data([0xEF, 0xBB, 0xBF])
        copy.append(Data(draft.replacingOccurrences(of: "a challenge", with: "a major challenge").utf8))
        _ = try Submissions(during).record(member: "CAN", file: file("## 1.2\nSharper.\n"), proposal: .init(name: "copy.md", data: copy),
                                           received: nil, late: false, roundName: nil)
        let outcome = try MergeDesk(try at("2020-03-03T09:00:00+01:00")).merge(round: nil)
        #expect(outcome.record.edits.isEmpty)
        let text = String(decoding: try #require(try store.snapshot().file("Drafts/input.md")), as: UTF8.self)
        #expect(text == draft.replacingOccurrences(of: "a challenge", with: "a major challenge"))
        // A copy that is only a mark and blank lines is empty.
        let empty = refusal { try Submissions(during).record(member: "USA", file: file("x\n"), proposal: .init(name: "e.md", data: Data([0xEF, 0xBB, 0xBF, 0x0A])),
                                                             received: nil, late: false, roundName: nil) }
        #expect(empty?.message == "the proposal e.md of USA is empty: merged, it would delete the whole text")
    }
}
