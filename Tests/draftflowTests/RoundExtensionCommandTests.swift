import Foundation
import Testing
import TestSupport

/// `round extend`, with and without `--reopen`: the closes shown everywhere, and what counts as late.
@Suite struct RoundExtensionCommandTests {
    @Test func extendWhileOpenThenReopenAfterTheClose() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)  // draft-1 closes 1 March 2020 (Europe/Zurich)

        // While open: a later close, recorded with its note.
        let extended = try cli.run(["round", "extend", "--closes", "2020-03-03", "--note", "at the request of the Chair"], now: "2020-02-25T10:00:00+01:00")
        #expect(extended.status == 0, "\(extended.error)")
        #expect(extended.output == """
        Extended round draft-1 on draft-1
          closes 3 March 2020, 23:59:59 CET (Europe/Zurich)
                 3 March 2020, 22:59:59 UTC
          was to close 1 March 2020, 23:59:59 CET (Europe/Zurich)

        """)
        // The new close must be later than the one in force.
        let earlier = try cli.run(["round", "extend", "--closes", "2020-03-02"], now: "2020-02-26T10:00:00+01:00")
        #expect(earlier.status == 3)
        #expect(earlier.error == """
        error: the new close 2 March 2020, 23:59:59 CET (Europe/Zurich) is not after the round's close, 3 March 2020, 23:59:59 CET (Europe/Zurich)
          fix: give a later date, e.g. --closes 2020-03-10

        """)

        // The United States sends its comments after the extended close: recorded late.
        let usa = try scratch.write("usa.md", "## 2.2\n\nConnectivity remains a challenge for many.\n")
        #expect(try cli.run(["comment", "USA", usa.path, "--late"], now: "2020-03-04T09:00:00+01:00").status == 0)

        // After the close, only with --reopen; refused without, and nothing is committed.
        let head = try gitOutput(["rev-parse", "HEAD"], in: cli.folder)
        let refused = try cli.run(["round", "extend", "--closes", "2020-03-06"], now: "2020-03-04T10:00:00+01:00")
        #expect(refused.status == 3)
        #expect(refused.error == """
        error: round draft-1 closed 3 March 2020, 23:59:59 CET (Europe/Zurich)
          fix: to reopen it until the new close, add --reopen (it is recorded); what arrived late in between then counts as on time

        """)
        #expect(try gitOutput(["rev-parse", "HEAD"], in: cli.folder) == head)
        let reopened = try cli.run(["round", "extend", "--closes", "2020-03-06", "--reopen"], now: "2020-03-04T10:00:00+01:00")
        #expect(reopened.status == 0, "\(reopened.error)")
        #expect(reopened.output == """
        Reopened round draft-1 on draft-1
          closes 6 March 2020, 23:59:59 CET (Europe/Zurich)
                 6 March 2020, 22:59:59 UTC
          was to close 3 March 2020, 23:59:59 CET (Europe/Zurich)

        """)
        #expect(try gitOutput(["log", "-1", "--format=%B"], in: cli.folder) == """
        Reopen round draft-1 until 6 March 2020, 23:59:59 CET (Europe/Zurich)

        It was to close 3 March 2020, 23:59:59 CET (Europe/Zurich); it had closed, and what was received since then counts as on time.

        Closes 2020-03-06T23:59:59+01:00 (6 March 2020, 22:59:59 UTC).

        DraftFlow-Event: round-extend
        DraftFlow-Round: draft-1
        DraftFlow-Version: draft-1


        """)
        // Canada answers after the reopened round closed: late still.
        let can = try scratch.write("can.md", "## 1.1\n\nWelcome the invitation warmly.\n")
        #expect(try cli.run(["comment", "CAN", can.path, "--late"], now: "2020-03-07T08:00:00+01:00").status == 0)

        let status = try cli.run(["status"], now: "2020-03-07T10:00:00+01:00")
        #expect(status.status == 0, "\(status.error)")
        #expect(status.output.components(separatedBy: "\n\n")[2] == """
        Round draft-1: comment round on draft-1, CLOSED
          closes 6 March 2020, 23:59:59 CET (Europe/Zurich)
                 2020-03-06T22:59:59Z
          extended 2020-02-25T10:00:00+01:00: was to close 1 March 2020, 23:59:59 CET (Europe/Zurich) (at the request of the Chair)
          reopened 2020-03-04T10:00:00+01:00: was to close 3 March 2020, 23:59:59 CET (Europe/Zurich)
          closed 10 hours ago
        """)
        #expect(status.output.components(separatedBy: "\n\n")[3] == """
        Members:
          CAN   Canada                   late 2020-03-07T08:00:00+01:00, 1 comment
          USA   United States            received 2020-03-04T09:00:00+01:00, 1 comment
          CHN   China                    no response
        Late: CAN
        """)

        let workflow = try String(contentsOf: cli.folder.appendingPathComponent("Workflow.md"), encoding: .utf8)
        #expect(workflow.components(separatedBy: "## Rounds\n\n").last == """
        - draft-1: comment round on draft-1, opened 14 February 2020, 10:00:00 CET (Europe/Zurich), closes 6 March 2020, 23:59:59 CET (Europe/Zurich)
          - extended 25 February 2020, 10:00:00 CET (Europe/Zurich): the close moved from 1 March 2020, 23:59:59 CET (Europe/Zurich) to 3 March 2020, 23:59:59 CET (Europe/Zurich) (at the request of the Chair)
          - reopened 4 March 2020, 10:00:00 CET (Europe/Zurich): the close moved from 3 March 2020, 23:59:59 CET (Europe/Zurich) to 6 March 2020, 23:59:59 CET (Europe/Zurich)

        """)

        let log = try cli.run(["log"], now: "2020-03-07T10:00:00+01:00")
        #expect(log.output.split(separator: "\n").suffix(6).joined(separator: "\n") == """
        2020-02-25T10:00:00+01:00  Extend round draft-1 to 3 March 2020, 23:59:59 CET (Europe/Zurich)
        2020-03-03T23:59:59+01:00  Round draft-1 closed at 3 March 2020, 23:59:59 CET (Europe/Zurich) (reopened later)
        2020-03-04T09:00:00+01:00  Comments of United States (USA) on draft-1: 1 comment, late
        2020-03-04T10:00:00+01:00  Reopen round draft-1 until 6 March 2020, 23:59:59 CET (Europe/Zurich)
        2020-03-06T23:59:59+01:00  Round draft-1 closed at its deadline, 6 March 2020, 23:59:59 CET (Europe/Zurich)
        2020-03-07T08:00:00+01:00  Comments of Canada (CAN) on draft-1: 1 comment, late
        """)

        // The merge and the dispositions: the United States' comment is on time, Canada's late.
        #expect(try cli.run(["merge"], now: "2020-03-07T11:00:00+01:00").status == 0)
        let table = try cli.run(["dispositions"], now: "2020-03-07T11:00:00+01:00")
        #expect(table.output.split(separator: "\n").suffix(2).joined(separator: "\n") == """
        | CAN-1 | Canada (CAN) |  |  | 1.1 | general | Welcome the invitation warmly. |  | Undecided (late) |  |
        | USA-1 | United States (USA) |  |  | 2.2 | general | Connectivity remains a challenge for many. |  | Undecided |  |
        """)
        // The packet's timeline shows the original close, each extension and the reopening.
        #expect(try cli.run(["publish", "draft-2", "--allow-undecided"], now: "2020-03-08T10:00:00+01:00").status == 0)
        let packet = scratch.url.appendingPathComponent("draft-2.md")
        let export = try cli.run(["export", "draft-2", "--format", "md", "-o", packet.path], now: "2020-03-08T11:00:00+01:00")
        #expect(export.status == 0, "\(export.error)")
        let rows = try String(contentsOf: packet, encoding: .utf8).split(separator: "\n").filter { $0.contains("round draft-1") || $0.contains("Round draft-1") }
        #expect(rows.joined(separator: "\n") == """
        | 14 February 2020, 10:00:00 CET (Europe/Zurich) | Open comment round draft-1 on draft-1, closing 1 March 2020, 23:59:59 CET (Europe/Zurich) |
        | 25 February 2020, 10:00:00 CET (Europe/Zurich) | Extend round draft-1 to 3 March 2020, 23:59:59 CET (Europe/Zurich) |
        | 3 March 2020, 23:59:59 CET (Europe/Zurich) | Round draft-1 closed at 3 March 2020, 23:59:59 CET (Europe/Zurich) (reopened later) |
        | 4 March 2020, 10:00:00 CET (Europe/Zurich) | Reopen round draft-1 until 6 March 2020, 23:59:59 CET (Europe/Zurich) |
        | 6 March 2020, 23:59:59 CET (Europe/Zurich) | Round draft-1 closed at its deadline, 6 March 2020, 23:59:59 CET (Europe/Zurich) |
        | 7 March 2020, 11:00:00 CET (Europe/Zurich) | Merge the proposals of round draft-1 into a candidate next draft |
        """)
        #expect(try git(["fsck", "--strict"], in: cli.folder).status == 0)
        #expect(try gitOutput(["status", "--porcelain"], in: cli.folder) == "")
    }

    @Test func extendRefusesANoteWithAControlCharacterAndAnUnknownWorkflowKey() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let bad = try cli.run(["round", "extend", "--closes", "2020-03-03", "--note", "ok\u{202E}txt"], now: "2020-02-25T10:00:00+01:00")
        #expect(bad.status == 2)
        #expect(bad.error == "error: the note holds the control or direction character U+202E\n  fix: type the note without it\n")
        // An extension's keys are checked as strictly as the round's.
        #expect(try cli.run(["round", "extend", "--closes", "2020-03-03"], now: "2020-02-25T10:00:00+01:00").status == 0)
        let path = cli.folder.appendingPathComponent("Workflow.md")
        let text = try String(contentsOf: path, encoding: .utf8)
        try text.replacingOccurrences(of: "    from:", with: "    From:").write(to: path, atomically: true, encoding: .utf8)
        #expect(try git(["commit", "-qam", "Hand edit"], in: cli.folder).status == 0)
        let status = try cli.run(["status"], now: "2020-02-26T10:00:00+01:00")
        #expect(status.status == 4)
        #expect(status.error.hasPrefix("error: Workflow.md has a key DraftFlow does not know: 'From' in rounds[1].extensions[1] (did you mean 'from'? keys are case-sensitive)"))
    }
}
