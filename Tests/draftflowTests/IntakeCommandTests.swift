import Foundation
import Testing
import TestSupport

@Suite struct IntakeCommandTests {
    @Test func aFolderOfSubmissionsBecomesOneAttributedCommitEach() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        try scratch.write("inbox/CAN.md", "## 2.2 (technical)\nSharper.\nProposed change: 2.2 Connectivity remains a major challenge.\n")
        try scratch.write("inbox/CAN.proposal.md", sampleDraft.replacingOccurrences(of: "a challenge", with: "a major challenge"))
        try scratch.write("inbox/USA.csv", "MB/NC,Clause/Subclause,Paragraph/Figure/Table/Note,Type of comment,Comments,Proposed change\nUS,1,1.1,ed,Fine.,\n")
        let before = try git(["rev-parse", "HEAD"], in: cli.folder).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let result = try cli.run(["intake", scratch.url.appendingPathComponent("inbox").path, "--received", "2020-02-28T12:00:00+01:00"], now: "2020-02-28T13:00:00+01:00")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Recorded 2 submissions (2 comments, 1 edited copy)"))
        let log = try git(["log", "--format=%an|%aI|%s", "\(before)..HEAD"], in: cli.folder).output
        #expect(log == """
            United States|2020-02-28T12:00:00+01:00|Comments of United States (USA) on draft-1: 1 comment
            Canada|2020-02-28T12:00:00+01:00|Comments of Canada (CAN) on draft-1: 1 comment

            """)
        #expect(try git(["show", "HEAD~1:Comments/draft-1/CAN/submission-1.proposal.md"], in: cli.folder).output.contains("a major challenge"))
        let fsck = try git(["fsck", "--strict"], in: cli.folder)
        #expect(fsck.status == 0)
        #expect(!fsck.output.contains("dangling"), "\(fsck.output)")
        #expect(try git(["status", "--porcelain"], in: cli.folder).output == "")
        // Each commit carries the round's index as of that commit: status reads it, not every record.
        let index = try JSONSerialization.jsonObject(with: Data(try git(["show", "HEAD:Comments/draft-1/index.json"], in: cli.folder).output.utf8)) as? [String: Any]
        let members = try #require(index?["members"] as? [String: [String: Any]])
        #expect(members["CAN"]?["comments"] as? [String] == ["CAN-1"])
        #expect(members["USA"]?["proposal"] as? Bool == false)
        #expect(try git(["show", "HEAD~1:Comments/draft-1/index.json"], in: cli.folder).output.contains("USA") == false)
        // The objects went into one pack, not one loose object each.
        #expect(try git(["count-objects", "-v"], in: cli.folder).output.contains("packs: 1"))
    }

    @Test func oneBadFileStopsTheWholeIntake() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        try scratch.write("inbox/CAN.md", "Fine.\n")
        try Data([0x41, 0xff, 0x42]).write(to: scratch.url.appendingPathComponent("inbox/USA.md"))
        let before = try git(["rev-parse", "HEAD"], in: cli.folder).output
        let result = try cli.run(["intake", scratch.url.appendingPathComponent("inbox").path], now: "2020-02-28T13:00:00+01:00")
        #expect(result.status == 2)
        #expect(result.error.contains("UTF-8"))
        #expect(try git(["rev-parse", "HEAD"], in: cli.folder).output == before)
        try scratch.write("inbox2/XYZ.md", "Fine.\n")
        let unknown = try cli.run(["intake", scratch.url.appendingPathComponent("inbox2").path], now: "2020-02-28T13:00:00+01:00")
        #expect(unknown.status == 2)
        #expect(unknown.error.contains("XYZ is not a registered member"))
        #expect(try git(["rev-parse", "HEAD"], in: cli.folder).output == before)
    }
}
