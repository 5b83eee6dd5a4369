import Foundation
import Testing
import TestSupport

@Suite struct WithdrawCommandTests {
    static let merging = "2020-03-02T10:00:00+01:00"

    /// The round of `makeRoundWorkspace` with two comments from Canada (2.2 and 1.2), merged.
    func makeCanadaRound(_ scratch: ScratchDirectory) throws -> CLI {
        let cli = try makeRoundWorkspace(scratch)
        let can = try scratch.write("can.md", """
            ## 2.2 (technical)
            Be precise.
            Proposed change: 2.2 Connectivity remains a serious challenge.

            ## 1.2 (editorial)
            Say who.
            Proposed change: 1.2 This input was prepared by the ITU working group.

            """)
        #expect(try cli.run(["comment", "CAN", can.path], now: "2020-02-20T10:00:00+01:00").status == 0)
        let merged = try cli.run(["merge"], now: Self.merging)
        #expect(merged.status == 0, "\(merged.error)")
        return cli
    }

    func candidate(_ cli: CLI) throws -> String {
        try String(contentsOf: cli.folder.appendingPathComponent("Drafts/outline.md"), encoding: .utf8)
    }

    @Test func disposeUndecidedTakesADecisionBack() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeCanadaRound(scratch)
        #expect(try cli.run(["dispose", "CAN-1", "rejected", "--note", "No."], now: Self.merging).status == 0)
        #expect(try candidate(cli).contains("2.2 Connectivity remains a challenge.\n"))
        #expect(try cli.run(["dispose", "CAN-2", "accepted"], now: Self.merging).status == 0)

        let undone = try cli.run(["dispose", "CAN-1", "undecided"], now: Self.merging)
        #expect(undone.status == 0, "\(undone.error)")
        #expect(undone.output == "CAN-1: Undecided\n")
        #expect(try git(["log", "-1", "--format=%B"], in: cli.folder).output == """
            Dispose of CAN-1 (Canada, 2.2): Undecided

            The disposition Not accepted is taken back; the comment waits for a decision again.

            DraftFlow-Event: dispose
            DraftFlow-Round: draft-1
            DraftFlow-Member: CAN


            """)
        // The proposed change is back in the candidate, as before the decision.
        #expect(try candidate(cli).contains("2.2 Connectivity remains a serious challenge.\n"))
        let csvFile = cli.folder.deletingLastPathComponent().appendingPathComponent("d.csv")
        #expect(try cli.run(["dispositions", "--format", "csv", "-o", csvFile.path], now: Self.merging).status == 0)
        let csv = try String(contentsOf: csvFile, encoding: .utf8)
        try #require(csv.components(separatedBy: "\r\n").count == 4)
        #expect(csv.components(separatedBy: "\r\n")[1] == "CAN-1,Canada (CAN),,,2.2,technical,Be precise.,2.2 Connectivity remains a challenge. → 2.2 Connectivity remains a serious challenge.,Undecided,")
        let status = try #require(try JSONSerialization.jsonObject(with: Data(try cli.run(["status", "--json"], now: Self.merging).output.utf8)) as? [String: Any])
        #expect((status["merge"] as? [String: Any])?["undecided"] as? [String] == ["CAN-1"])

        let refused = try cli.run(["publish", "draft-2"], now: Self.merging)
        #expect(refused.status == 3)
        #expect(refused.error.contains("comments without a disposition: CAN-1"))
        let again = try cli.run(["dispose", "CAN-1", "undecided"], now: Self.merging)
        #expect(again.status == 3)
        #expect(again.error == "error: CAN-1 is already undecided\n  fix: see `draftflow dispositions`\n")
        #expect(try cli.run(["dispose", "CAN-1", "undecided", "--note", "x"], now: Self.merging).status == 2)
        #expect(try cli.run(["dispose", "CAN-1", "accepted"], now: Self.merging).status == 0)
        #expect(try cli.run(["publish", "draft-2"], now: Self.merging).status == 0)
        #expect(try git(["status", "--porcelain"], in: cli.folder).output == "")
        #expect(try git(["fsck", "--strict"], in: cli.folder).status == 0)
    }

    @Test func undoingTheOnlyDispositionLeavesNoneRecorded() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeCanadaRound(scratch)
        #expect(try cli.run(["dispose", "CAN-1", "rejected"], now: Self.merging).status == 0)
        #expect(try cli.run(["dispose", "CAN-1", "undecided"], now: Self.merging).status == 0)
        let json = try cli.run(["dispositions", "--format", "json"], now: Self.merging)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["disposition"] as? String } == ["undecided", "undecided"])
        #expect(try cli.run(["dispose", "CAN-1", "undecided"], now: Self.merging).status == 3)
    }

    @Test func withdrawOnTheMembersBehalf() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeCanadaRound(scratch)
        let withdrawn = try cli.run(["withdraw", "CAN-2", "--note", "By e-mail of 3 March."], now: Self.merging)
        #expect(withdrawn.status == 0, "\(withdrawn.error)")
        #expect(withdrawn.output == "CAN-2: Withdrawn (By e-mail of 3 March.)\n")
        #expect(try git(["log", "-1", "--format=%B"], in: cli.folder).output == """
            Withdraw CAN-2 (Canada, 1.2) on the member's behalf

            Note: By e-mail of 3 March.
            The proposed change is taken out of the candidate.

            DraftFlow-Event: dispose
            DraftFlow-Round: draft-1
            DraftFlow-Member: CAN


            """)
        #expect(try cli.run(["dispositions"], now: Self.merging).output == """
            # Council input to the 2020 HLPF: disposition of comments, round draft-1

            | Id | Member | Line number | Clause/Subclause | Paragraph | Type of comment | Comments | Proposed change | Disposition | Observations of the secretariat |
            |---|---|---|---|---|---|---|---|---|---|
            | CAN-1 | Canada (CAN) |  |  | 2.2 | technical | Be precise. | 2.2 Connectivity remains a challenge. → 2.2 Connectivity remains a serious challenge. | Undecided |  |
            | CAN-2 | Canada (CAN) |  |  | 1.2 | editorial | Say who. | …prepared by the working group. → …prepared by the ITU working group. | Withdrawn | By e-mail of 3 March. |

            """)
        #expect(try candidate(cli) == """
            # Outline of the input

            ## 1 Introduction

            1.1 The Council welcomes the invitation to provide an input.

            1.2 This input was prepared by the working group.

            ## 2 Contribution

            2.1 ITU contributes to the SDGs.

            2.2 Connectivity remains a serious challenge.

            """)
        let csvFile = cli.folder.deletingLastPathComponent().appendingPathComponent("d.csv")
        #expect(try cli.run(["dispositions", "--format", "csv", "-o", csvFile.path], now: Self.merging).status == 0)
        let csv = try String(contentsOf: csvFile, encoding: .utf8)
        try #require(csv.components(separatedBy: "\r\n").count == 4)
        #expect(csv.components(separatedBy: "\r\n")[2] == "CAN-2,Canada (CAN),,,1.2,editorial,Say who.,…prepared by the working group. → …prepared by the ITU working group.,Withdrawn,By e-mail of 3 March.")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(try cli.run(["dispositions", "--format", "json"], now: Self.merging).output.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["disposition"] as? String } == ["undecided", "withdrawn"])
        #expect(try cli.run(["dispositions", "--format", "html"], now: Self.merging).output.contains("<td class=\"disposition\" dir=\"auto\">Withdrawn</td>"))

        // Withdrawing twice, or as a disposition, is refused and changes nothing.
        let head = try git(["rev-parse", "HEAD"], in: cli.folder).output
        #expect(try cli.run(["withdraw", "CAN-2"], now: Self.merging).status == 3)
        let asDisposition = try cli.run(["dispose", "CAN-1", "withdrawn"], now: Self.merging)
        #expect(asDisposition.status == 2)
        #expect(asDisposition.error == "error: a withdrawal is the member's, not a disposition\n  fix: record it with `draftflow withdraw CAN-1`\n")
        #expect(try cli.run(["withdraw", "XYZ-9"], now: Self.merging).status == 2)
        #expect(try git(["rev-parse", "HEAD"], in: cli.folder).output == head)

        // Publish waits for CAN-1 only: a withdrawn comment needs no disposition.
        let refused = try cli.run(["publish", "draft-2"], now: Self.merging)
        #expect(refused.status == 3)
        #expect(refused.error.contains("comments without a disposition: CAN-1"))
        #expect(try cli.run(["dispose", "CAN-1", "accepted"], now: Self.merging).status == 0)
        #expect(try cli.run(["publish", "draft-2"], now: Self.merging).status == 0)
        #expect(try git(["fsck", "--strict"], in: cli.folder).status == 0)
    }
}

@Suite struct StableCommentIDTests {
    @Test func aResubmissionKeepsTheIdsOfTheCommentsStillInIt() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let first = try scratch.write("can-1.md", """
            ## 2.2 (technical)
            Be precise.
            Proposed change: 2.2 Connectivity remains a serious challenge.

            ## 1.2 (editorial)
            Say who.
            Proposed change: 1.2 This input was prepared by the ITU working group.

            ## general
            Thanks.

            """)
        let second = try scratch.write("can-2.md", """
            ## 2.1 (technical)
            Name the goals.
            Proposed change: 2.1 ITU contributes to all 17 SDGs.

            ## 1.2 (editorial)
            Say who.
            Proposed change: 1.2 This input was prepared by the ITU working group.

            """)
        #expect(try cli.run(["comment", "CAN", first.path], now: "2020-02-20T10:00:00+01:00").output.contains("  CAN-3  general  general\n"))
        let resubmitted = try cli.run(["comment", "CAN", second.path], now: "2020-02-21T10:00:00+01:00")
        #expect(resubmitted.status == 0, "\(resubmitted.error)")
        // What was recorded, then the receipt (ReceiptCommandTests checks the receipt itself).
        #expect(resubmitted.output.components(separatedBy: "  Receipt ").first == """
            Recorded 2 comments from CAN in round draft-1, superseding submission 1
              received 21 February 2020, 10:00:00 CET (Europe/Zurich)
              CAN-4  2.1  technical  (proposed text)
              CAN-2  1.2  editorial  (proposed text)

            """)
        #expect(try cli.run(["merge"], now: "2020-03-02T10:00:00+01:00").status == 0)
        #expect(try cli.run(["dispositions"], now: "2020-03-02T10:00:00+01:00").output == """
            # Council input to the 2020 HLPF: disposition of comments, round draft-1

            | Id | Member | Line number | Clause/Subclause | Paragraph | Type of comment | Comments | Proposed change | Disposition | Observations of the secretariat |
            |---|---|---|---|---|---|---|---|---|---|
            | CAN-1 | Canada (CAN) |  |  | 2.2 | technical | Be precise. | 2.2 Connectivity remains a challenge. → 2.2 Connectivity remains a serious challenge. | Withdrawn | Not in the member's later submission. |
            | CAN-2 | Canada (CAN) |  |  | 1.2 | editorial | Say who. | …prepared by the working group. → …prepared by the ITU working group. | Undecided |  |
            | CAN-3 | Canada (CAN) |  |  | general | general | Thanks. |  | Withdrawn | Not in the member's later submission. |
            | CAN-4 | Canada (CAN) |  |  | 2.1 | technical | Name the goals. | 2.1 ITU contributes to the SDGs. → 2.1 ITU contributes to all 17 SDGs. | Undecided |  |

            """)
        // A left-out comment is withdrawn already: deciding on it is refused, and says why.
        let disposed = try cli.run(["dispose", "CAN-1", "accepted"], now: "2020-03-02T10:01:00+01:00")
        #expect(disposed.status == 3)
        #expect(disposed.error == """
            error: CAN-1 counts as withdrawn: CAN's later submission (2 in round draft-1) no longer has it, so it needs no disposition
              fix: its row in `draftflow dispositions` says Withdrawn; to bring it back, record the member's submission with the comment again

            """)
        #expect(try cli.run(["withdraw", "CAN-3"], now: "2020-03-02T10:01:00+01:00").status == 3)
        // The left-out comment's change is not in the candidate; the kept and the new one are.
        #expect(try String(contentsOf: cli.folder.appendingPathComponent("Drafts/outline.md"), encoding: .utf8) == """
            # Outline of the input

            ## 1 Introduction

            1.1 The Council welcomes the invitation to provide an input.

            1.2 This input was prepared by the ITU working group.

            ## 2 Contribution

            2.1 ITU contributes to all 17 SDGs.

            2.2 Connectivity remains a challenge.

            """)
        // Publishing waits for the two comments that count, not for the withdrawn ones.
        let refused = try cli.run(["publish", "draft-2"], now: "2020-03-02T10:01:00+01:00")
        #expect(refused.status == 3)
        #expect(refused.error.contains("comments without a disposition: CAN-2, CAN-4"))
    }

    @Test func aCommentSentAgainAfterItWasLeftOutGetsANewNumber() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let one = try scratch.write("a.md", "## 2.2 (technical)\nBe precise.\n\n## 1.2 (editorial)\nSay who.\n")
        let two = try scratch.write("b.md", "## 1.2 (editorial)\nSay who.\n")
        let three = try scratch.write("c.md", "## 2.2 (technical)\nBe precise.\n\n## 1.2 (editorial)\nSay who.\n")
        #expect(try cli.run(["comment", "CAN", one.path], now: "2020-02-20T10:00:00+01:00").status == 0)
        #expect(try cli.run(["comment", "CAN", two.path], now: "2020-02-21T10:00:00+01:00").output.contains("  CAN-2  1.2  editorial\n"))
        let again = try cli.run(["comment", "CAN", three.path], now: "2020-02-22T10:00:00+01:00")
        #expect(again.output.components(separatedBy: "  Receipt ").first?.hasSuffix("  CAN-3  2.2  technical\n  CAN-2  1.2  editorial\n") == true, "\(again.output)")
    }
}
