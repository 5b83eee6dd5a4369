import Foundation
import Testing
import TestSupport

/// `export VERSION` reads the version's commit; `verify` follows every submission from the first
/// version to the tip and names commits DraftFlow did not make.
@Suite struct IntegrityCommandTests {
    func makePublishedSecondDraft(_ scratch: ScratchDirectory) throws -> CLI {
        let cli = try makeRoundWorkspace(scratch)
        let can = try scratch.write("can.md", "## 2.2 (technical)\nBe precise.\nProposed change: 2.2 Connectivity remains a serious challenge.\n")
        let usa = try scratch.write("usa.md", "## 1.1 (editorial)\nFine.\n")
        #expect(try cli.run(["comment", "CAN", can.path], now: "2020-02-20T10:00:00+01:00").status == 0)
        #expect(try cli.run(["comment", "USA", usa.path], now: "2020-02-21T10:00:00+01:00").status == 0)
        _ = try cli.run(["merge"], now: "2020-03-02T10:00:00+01:00")
        #expect(try cli.run(["dispose", "CAN-1", "accepted", "--note", "Agreed."], now: "2020-03-02T11:00:00+01:00").status == 0)
        let published = try cli.run(["publish", "draft-2", "--allow-undecided"], now: "2020-03-03T10:00:00+01:00")
        #expect(published.status == 0, "\(published.error)")
        return cli
    }

    @Test func exportOfAVersionIgnoresDispositionsMadeAfterIt() throws {
        let scratch = try ScratchDirectory()
        let cli = try makePublishedSecondDraft(scratch)
        let before = scratch.url.appendingPathComponent("before.md")
        #expect(try cli.run(["export", "draft-2", "--format", "md", "-o", before.path], now: "2020-03-04T10:00:00+01:00").status == 0)
        // A disposition changed after draft-2 was published.
        let late = try cli.run(["dispose", "USA-1", "rejected", "--note", "Changed later."], now: "2020-03-05T10:00:00+01:00")
        #expect(late.status == 0, "\(late.error)")
        #expect(try cli.run(["dispositions"], now: "2020-03-05T10:01:00+01:00").output.contains("Changed later."))
        let after = scratch.url.appendingPathComponent("after.md")
        #expect(try cli.run(["export", "draft-2", "--format", "md", "-o", after.path], now: "2020-03-04T10:00:00+01:00").status == 0)
        let packet = try String(contentsOf: after, encoding: .utf8)
        #expect(!packet.contains("Changed later."), "status \(late.status): the packet of draft-2 shows a disposition made after it")
        // Only the line naming the workspace's HEAD differs.
        let old = try String(contentsOf: before, encoding: .utf8).split(separator: "\n").filter { !$0.contains("workspace (HEAD)") }
        #expect(packet.split(separator: "\n").filter { !$0.contains("workspace (HEAD)") } == old)
    }

    @Test func verifyFindsAnOriginalRewrittenAfterTheLastVersionAndNamesTheHandCommit() throws {
        let scratch = try ScratchDirectory()
        let cli = try makePublishedSecondDraft(scratch)
        let clean = try cli.run(["verify", "--json"], now: "2020-03-04T10:00:00+01:00")
        #expect(clean.status == 0, "\(clean.output)\(clean.error)")

        try Data("## general\nWe reject it.\n".utf8).write(to: cli.folder.appendingPathComponent("Comments/draft-1/CAN/submission-1.md"))
        #expect(try git(["commit", "-qam", "Fix typo"], in: cli.folder).status == 0)
        let hand = try gitOutput(["rev-parse", "--short=7", "HEAD"], in: cli.folder).trimmingCharacters(in: .whitespacesAndNewlines)
        let blob = try gitOutput(["rev-parse", "HEAD:Comments/draft-1/CAN/submission-1.md"], in: cli.folder).trimmingCharacters(in: .whitespacesAndNewlines)
        let received = try gitOutput(["rev-parse", "HEAD~1:Comments/draft-1/CAN/submission-1.md"], in: cli.folder).trimmingCharacters(in: .whitespacesAndNewlines)
        let recordedIn = try gitOutput(["log", "--format=%h", "--diff-filter=A", "--", "Comments/draft-1/CAN/submission-1.json"], in: cli.folder).trimmingCharacters(in: .whitespacesAndNewlines)
        let result = try cli.run(["verify"], now: "2020-03-04T10:00:00+01:00")
        #expect(result.status == 7)
        #expect(result.error.hasPrefix("""
            error: submissions-kept: Comments/draft-1/CAN/submission-1.md is not what was received (commit \(recordedIn), blob \(received)) at commit \(hand): blob \(blob)
            error: foreign-commits: commit \(hand) (Fix typo) was not made by DraftFlow and changes Comments/draft-1/CAN/submission-1.md

            """))
    }

    @Test func verifyFindsARecordDeletedAfterTheLastVersion() throws {
        let scratch = try ScratchDirectory()
        let cli = try makePublishedSecondDraft(scratch)
        #expect(try git(["rm", "-q", "Comments/draft-1/USA/submission-1.json"], in: cli.folder).status == 0)
        #expect(try git(["commit", "-qm", "Tidy"], in: cli.folder).status == 0)
        let hand = try gitOutput(["rev-parse", "--short=7", "HEAD"], in: cli.folder).trimmingCharacters(in: .whitespacesAndNewlines)
        let result = try cli.run(["verify"], now: "2020-03-04T10:00:00+01:00")
        #expect(result.status == 7)
        #expect(result.output.contains("! the submission record Comments/draft-1/USA/submission-1.json, recorded in commit "))
        #expect(result.output.contains(", disappeared in commit \(hand)\n"))
        #expect(result.output.contains("! commit \(hand) (Tidy) was not made by DraftFlow and changes Comments/draft-1/USA/submission-1.json\n"))
    }

    @Test func verifyNamesAHandEditOfWorkflowMd() throws {
        let scratch = try ScratchDirectory()
        let cli = try makePublishedSecondDraft(scratch)
        let workflow = cli.folder.appendingPathComponent("Workflow.md")
        try (try String(contentsOf: workflow, encoding: .utf8) + "\nA note added by hand.\n").write(to: workflow, atomically: true, encoding: .utf8)
        #expect(try git(["commit", "-qam", "Note"], in: cli.folder).status == 0)
        let hand = try gitOutput(["rev-parse", "--short=7", "HEAD"], in: cli.folder).trimmingCharacters(in: .whitespacesAndNewlines)
        let result = try cli.run(["verify"], now: "2020-03-04T10:00:00+01:00")
        #expect(result.status == 7)
        #expect(result.error.hasPrefix("error: foreign-commits: commit \(hand) (Note) was not made by DraftFlow and changes Workflow.md\n"))
        #expect(result.output.contains("ok     5. Every submission stays as received at every commit from the first version to the tip\n"))
    }
}
