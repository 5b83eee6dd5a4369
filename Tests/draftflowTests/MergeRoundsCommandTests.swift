import Foundation
import Testing
import TestSupport

@Suite struct MergeRoundsCommandTests {
    /// Two rounds on draft-1 (the second opened after the first closed), each with a submission:
    /// a merge of one says that it leaves the other's submissions out.
    @Test func aMergeOfOneRoundWarnsThatAnotherOnTheSameVersionHasSubmissions() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let can = try scratch.write("can.md", "## 2.2 (technical)\nBe precise.\nProposed change: 2.2 Connectivity remains a serious challenge.\n")
        let usa = try scratch.write("usa.md", "## 1.2 (technical)\nSay who.\nProposed change: 1.2 This input was prepared by the ITU working group.\n")
        #expect(try cli.run(["comment", "CAN", can.path], now: "2020-02-20T10:00:00+01:00").status == 0)
        let alone = try cli.run(["merge"], now: "2020-03-02T09:00:00+01:00")
        #expect(alone.status == 0)
        #expect(alone.error == "")
        #expect(try cli.run(["round", "open", "--on", "draft-1", "--closes", "2020-03-05", "--name", "draft-1b"], now: "2020-03-02T10:00:00+01:00").status == 0)
        #expect(try cli.run(["comment", "USA", usa.path], now: "2020-03-03T10:00:00+01:00").status == 0)

        let merged = try cli.run(["merge"], now: "2020-03-06T10:00:00+01:00")
        #expect(merged.status == 0, "\(merged.error)")
        #expect(merged.error == "warning: round draft-1 on draft-1 also received submissions, which this merge of round draft-1b does not take\n")
        let named = try cli.run(["merge", "--round", "draft-1"], now: "2020-03-06T10:01:00+01:00")
        #expect(named.status == 0, "\(named.error)")
        #expect(named.error == "warning: round draft-1b on draft-1 also received submissions, which this merge of round draft-1 does not take\n")
    }
}
