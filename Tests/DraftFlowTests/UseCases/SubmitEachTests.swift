import DraftFlow
import Foundation
import Testing

/// `Submissions.submitEach`, the portal's group commit: members' submissions recorded together,
/// each answered on its own.
@Suite struct SubmitEachTests {
    let fixture: OpenRoundFixture
    var store: MemoryWorkspaceStore { fixture.store }

    init() throws {
        fixture = try OpenRoundFixture(members: [("CAN", "Canada"), ("USA", "United States"), ("FRA", "France")])
    }

    func item(_ member: String, _ text: String) -> Submissions.BatchItem {
        .init(member: member, file: .init(name: "\(member).md", data: Data(text.utf8)), proposal: nil, received: nil)
    }

    @Test func twoMembersAreRecordedAsTwoCommitsEachAuthoredByItsMember() throws {
        let commits = store.commitCount
        let results = try Submissions(fixture.at("2020-02-21T10:00:00+01:00"))
            .submitEach([item("CAN", "## 1.1\nWelcome the theme.\n"), item("USA", "## 1.2\nSharper.\n")], roundName: "draft-1")
        let outcomes = try results.map { try $0.get() }
        #expect(outcomes.map { "\($0.submission.member)#\($0.submission.number) \($0.alreadyRecorded)" } == ["CAN#1 false", "USA#1 false"])
        #expect(store.commitCount == commits + 2)
        let history = try store.history()
        #expect(outcomes.map(\.commitID) == [history[1].id, history[0].id])
        #expect(history.prefix(2).map(\.authorName) == ["United States", "Canada"])
        let status = try Reports(fixture.at("2020-02-21T10:00:00+01:00")).status()
        let standing = status.members.map { "\($0.code) \($0.submissions)" }
        #expect(standing == ["CAN 1", "USA 1", "FRA 0"])
    }

    @Test func aRefusedSubmissionAnswersOnlyItsOwnMember() throws {
        let commits = store.commitCount
        let results = try Submissions(fixture.at("2020-02-21T10:00:00+01:00"))
            .submitEach([item("CAN", "## 1.1\nWelcome the theme.\n"), item("USA", ""), item("FRA", "## 1.2\nPlus nette.\n")], roundName: "draft-1")
        #expect(try results[0].get().submission.member == "CAN")
        #expect(try results[2].get().submission.member == "FRA")
        var refused: DraftFlowError?
        if case .failure(let error) = results[1] { refused = error as? DraftFlowError }
        #expect(refused?.kind == .invalidInput)
        #expect(refused?.message == "USA: comment file 'USA.md' is empty")
        #expect(store.commitCount == commits + 2)
        #expect(try store.history().prefix(2).map(\.authorName) == ["France", "Canada"])
    }

    @Test func aSubmissionSentAgainIsFoundRecordedInTheBatch() throws {
        let now = try fixture.at("2020-02-21T10:00:00+01:00")
        _ = try Submissions(now).submit(member: "CAN", file: item("CAN", "## 1.1\nWelcome the theme.\n").file, proposal: nil, received: nil,
                                        late: false, roundName: "draft-1")
        let commits = store.commitCount
        let results = Submissions(now).submitEach([item("CAN", "## 1.1\nWelcome the theme.\n"), item("USA", "## 1.2\nSharper.\n")], roundName: "draft-1")
        let outcomes = try results.map { try $0.get() }
        #expect(outcomes.map { "\($0.submission.member)#\($0.submission.number) \($0.alreadyRecorded) \($0.commitID == nil)" }
            == ["CAN#1 true true", "USA#1 false false"])
        #expect(store.commitCount == commits + 1)
    }
}
