import DraftFlow
import Foundation
import Testing

/// The domain side of sharing through a git host: replaying a local commit on a tip another
/// officer moved, and checking what a member pushed before it is recorded.
@Suite struct DistributionTests {
    let zone = TimeZone(identifier: "Europe/Zurich")!

    func index(_ codes: [String]) throws -> Data {
        var index = RoundIndex()
        for code in codes {
            index.record(Submission(member: code, round: "draft-1", number: 1, received: Date(timeIntervalSince1970: 1_582_800_000 + Double(code.unicodeScalars.first!.value)), late: false,
                                    originalName: "\(code).md", file: "Comments/draft-1/\(code)/submission-1.md", proposal: nil,
                                    fileBlob: nil, proposalBlob: nil, comments: []))
        }
        return try RecordCoding.encoder(timeZone: zone).encode(index)
    }

    @Test func aRoundIndexBothOfficersChangedIsMergedMemberByMember() throws {
        let path = "Comments/draft-1/index.json"
        let record = "Comments/draft-1/USA/submission-1.json"
        let change = [Replay.FileChange(path: path, before: try index(["CAN"]), after: try index(["CAN", "USA"])),
                      Replay.FileChange(path: record, before: nil, after: Data("{}".utf8))]
        let theirs = [path: try index(["CAN", "CHN"])]
        let writes = try Replay.rebase(change, onto: { theirs[$0] }, zone: zone, commit: "Comments of United States (USA) on draft-1: 1 comment")
        #expect(writes.keys.sorted() == [record, path])
        let merged = try RecordCoding.decoder().decode(RoundIndex.self, from: try #require(writes[path] ?? nil))
        #expect(merged.members.keys.sorted() == ["CAN", "CHN", "USA"])
        // The merged index is written exactly as a recording writes it.
        #expect(writes[path] == (try index(["CAN", "CHN", "USA"])))
    }

    @Test func aFileTheRemoteAlreadyHoldsIsNotWrittenAgain() throws {
        let change = [Replay.FileChange(path: "Workflow.md", before: Data("a".utf8), after: Data("b".utf8))]
        #expect(try Replay.rebase(change, onto: { _ in Data("b".utf8) }, zone: zone, commit: "x").isEmpty)
        let removal = [Replay.FileChange(path: "Drafts/x.md", before: Data("a".utf8), after: nil)]
        let writes = try Replay.rebase(removal, onto: { _ in Data("a".utf8) }, zone: zone, commit: "x")
        #expect(writes.count == 1 && writes["Drafts/x.md"]! == nil)
    }

    @Test func aFileBothSidesChangedDifferentlyIsAConflictNamingIt() throws {
        let change = [Replay.FileChange(path: "Workflow.md", before: Data("a".utf8), after: Data("b".utf8))]
        let error = try #require(throws: DraftFlowError.self) {
            try Replay.rebase(change, onto: { _ in Data("c".utf8) }, zone: zone, commit: "Register FRA")
        }
        #expect(error.kind == .conflict)
        #expect(error.message == "the remote changed Workflow.md since the local commit \"Register FRA\" was made, and that commit changes it too")
    }

    @Test func submissionBranchNamesAreCheckedBeforeAnythingIsRead() throws {
        #expect(try SubmissionBranch(reference: "refs/heads/submissions/draft-1/CAN") == SubmissionBranch(round: "draft-1", member: "CAN"))
        for (reference, message) in [
            ("refs/heads/main", "refs/heads/main is not a submission branch (refs/heads/submissions/<round>/<CODE>)"),
            ("refs/heads/submissions/draft-1/CAN/x", "refs/heads/submissions/draft-1/CAN/x is not named refs/heads/submissions/<round>/<CODE>"),
            ("refs/heads/submissions/draft-1/C", "refs/heads/submissions/draft-1/C does not end in a member code: member code 'C' has 1 character; it must have 2 to 10"),
        ] {
            let error = try #require(throws: DraftFlowError.self) { try SubmissionBranch(reference: reference) }
            #expect(error.message == message)
        }
    }

    @Test func collectRecordsAValidBranchWithItsSentDateAndRefusesAnotherMembersFile() throws {
        let fixture = try OpenRoundFixture(members: [("CAN", "Canada"), ("USA", "United States")])
        let context = try fixture.at("2020-02-28T09:00:00+01:00")
        let sent = try Deadline.parseInstant("2020-02-27T17:42:00+01:00", timeZone: zone)
        let text = Data("## 1.1\nWelcome.\n".utf8)
        let good = SubmissionCandidate(reference: "refs/heads/submissions/draft-1/CAN", commitID: String(repeating: "a", count: 40), shapeProblem: nil,
                                       files: [SubmittedFile(path: "Comments/draft-1/CAN/sent/CAN.md", change: .added, size: text.count, data: text)], sent: sent)
        let bad = SubmissionCandidate(reference: "refs/heads/submissions/draft-1/USA", commitID: String(repeating: "b", count: 40), shapeProblem: nil,
                                      files: [SubmittedFile(path: "Comments/draft-1/CAN/sent/CAN.md", change: .added, size: text.count, data: text)], sent: sent)
        let report = try SubmissionCollection(context).collect([bad, good])
        #expect(report.refused == [.init(reference: bad.reference, reason: "it touches Comments/draft-1/CAN/sent/CAN.md, outside USA's own submission folder Comments/draft-1/USA/sent/")])
        let collected = try #require(report.collected.first)
        #expect(collected.submission.received == context.now)
        #expect(collected.submission.sent == sent)
        #expect(collected.submission.comments.map(\.id) == ["CAN-1"])
        // Collected again: recorded already, nothing new.
        let again = try SubmissionCollection(try fixture.at("2020-02-28T10:00:00+01:00")).collect([good])
        #expect(again.collected.map(\.alreadyRecorded) == [true])
    }
}
