import Foundation
import Testing
import TestSupport

/// The submission due date in `status`, the warnings of `finalize` and `export` after it, and the
/// chair's transmission recorded by `submitted`.
@Suite struct SubmissionDueCommandTests {
    /// A workspace due to the President of ECOSOC on 16 March 2020, with final-draft under a silence
    /// procedure closing 12 March.
    func makeDue(_ scratch: ScratchDirectory) throws -> CLI {
        let draft = try scratch.write("outline.md", sampleDraft)
        let cli = CLI(folder: scratch.url.appendingPathComponent("ws"), now: "2020-02-14T10:00:00+01:00")
        let created = try CLI.run(["init", "ws", "--title", "Council input", "--document", draft.path,
                                   "--recipient", "the President of ECOSOC", "--due", "2020-03-16"], now: cli.now, in: scratch.url)
        #expect(created.status == 0, "\(created.error)")
        #expect(try cli.run(["member", "add", "CAN", "--name", "Canada"]).status == 0)
        #expect(try cli.run(["publish", "final-draft"]).status == 0)
        #expect(try cli.run(["round", "open", "--on", "final-draft", "--closes", "2020-03-12", "--kind", "silence"]).status == 0)
        return cli
    }

    func dueSection(_ cli: CLI, at now: String) throws -> String {
        try cli.run(["status"], now: now).output.components(separatedBy: "\n\n")[2]
    }

    @Test func statusShowsTheDueDateAndTheDaysLeft() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeDue(scratch)
        #expect(try dueSection(cli, at: "2020-03-10T10:00:00+01:00")
                == "Submission to the President of ECOSOC: due 16 March 2020, 23:59:59 CET (Europe/Zurich), 6 days left")
        #expect(try dueSection(cli, at: "2020-03-15T23:00:00+01:00")
                == "Submission to the President of ECOSOC: due 16 March 2020, 23:59:59 CET (Europe/Zurich), 1 day left")
        #expect(try dueSection(cli, at: "2020-03-16T00:00:00+01:00")
                == "Submission to the President of ECOSOC: due 16 March 2020, 23:59:59 CET (Europe/Zurich), due today")
        #expect(try dueSection(cli, at: "2020-03-18T10:00:00+01:00")
                == "Submission to the President of ECOSOC: due 16 March 2020, 23:59:59 CET (Europe/Zurich), passed 2 days ago")
        let json = try cli.run(["status", "--json"], now: "2020-03-10T10:00:00+01:00")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let due = try #require(object["due"] as? [String: Any])
        #expect(due["dueAt"] as? String == "2020-03-16T23:59:59+01:00")
        #expect(due["daysLeft"] as? Int == 6)
        #expect(due["recipient"] as? String == "the President of ECOSOC")
    }

    @Test func finalizeAndExportWarnAfterTheDueDateAndSubmittedIsTheLastEvent() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeDue(scratch)
        // Nothing to submit before the final version.
        let early = try cli.run(["submitted", "--to", "President of ECOSOC"], now: "2020-03-10T10:00:00+01:00")
        #expect(early.status == 3)
        #expect(early.error == "error: no final version has been published\n  fix: finalize the text first with `draftflow finalize`\n")

        // After the due date: the final text is adopted, with a warning, exit 0.
        let final = try cli.run(["finalize"], now: "2020-03-17T10:00:00+01:00")
        #expect(final.status == 0, "\(final.error)")
        let warning = "warning: the submission to the President of ECOSOC was due 16 March 2020, 23:59:59 CET (Europe/Zurich), 2 days ago\n"
        #expect(final.error == "warning: the submission to the President of ECOSOC was due 16 March 2020, 23:59:59 CET (Europe/Zurich), 1 day ago\n")
        let packet = scratch.url.appendingPathComponent("final.md")
        let export = try cli.run(["export", "final", "--format", "md", "-o", packet.path], now: "2020-03-18T10:00:00+01:00")
        #expect(export.status == 0, "\(export.error)")
        #expect(export.error == warning)

        // When it was sent: not in the future, not before the final version.
        let future = try cli.run(["submitted", "--to", "President of ECOSOC", "--at", "2020-03-19T10:00"], now: "2020-03-18T10:00:00+01:00")
        #expect(future.status == 3)
        #expect(future.error == """
        error: 19 March 2020, 10:00:00 CET (Europe/Zurich) is in the future (now: 18 March 2020, 10:00:00 CET (Europe/Zurich))
          fix: record the transmission once it has happened

        """)
        let before = try cli.run(["submitted", "--to", "President of ECOSOC", "--at", "2020-03-16T10:00"], now: "2020-03-18T10:00:00+01:00")
        #expect(before.status == 3)
        #expect(before.error.hasPrefix("error: 16 March 2020, 10:00:00 CET (Europe/Zurich) is before final was finalized (17 March 2020, 10:00:00 CET (Europe/Zurich))\n"))

        let sent = try cli.run(["submitted", "--to", "President of ECOSOC", "--at", "2020-03-17T15:00", "--note", "by e-mail"], now: "2020-03-18T10:00:00+01:00")
        #expect(sent.status == 0, "\(sent.error)")
        #expect(sent.output == """
        Recorded the submission of final to President of ECOSOC
          sent 17 March 2020, 15:00:00 CET (Europe/Zurich)
               17 March 2020, 14:00:00 UTC

        """)
        #expect(try gitOutput(["log", "-1", "--format=%B"], in: cli.folder) == """
        Submit final to President of ECOSOC

        The chair sent final to President of ECOSOC 17 March 2020, 15:00:00 CET (Europe/Zurich) (17 March 2020, 14:00:00 UTC). It was due 16 March 2020, 23:59:59 CET (Europe/Zurich): it went 1 day late.

        by e-mail

        DraftFlow-Event: submitted
        DraftFlow-Version: final
        DraftFlow-Sent: 2020-03-17T15:00:00+01:00


        """)
        // Once.
        let again = try cli.run(["submitted", "--to", "President of ECOSOC"], now: "2020-03-18T11:00:00+01:00")
        #expect(again.status == 3)
        #expect(again.error == """
        error: the chair's transmission of final to President of ECOSOC is recorded already (17 March 2020, 15:00:00 CET (Europe/Zurich))
          fix: it is recorded once; see `draftflow log`

        """)

        // status, log, Workflow.md and the packet's timeline show it; the warning stops.
        #expect(try dueSection(cli, at: "2020-03-18T12:00:00+01:00") == """
        Submission to the President of ECOSOC: due 16 March 2020, 23:59:59 CET (Europe/Zurich)
          submitted final to President of ECOSOC 17 March 2020, 15:00:00 CET (Europe/Zurich)
        """)
        let log = try cli.run(["log"], now: "2020-03-18T12:00:00+01:00").output
        #expect(log.split(separator: "\n").suffix(2).joined(separator: "\n") == """
        2020-03-17T10:00:00+01:00  Finalize final: the text of final-draft is adopted
        2020-03-17T15:00:00+01:00  Submit final to President of ECOSOC
        """)
        let workflow = try String(contentsOf: cli.folder.appendingPathComponent("Workflow.md"), encoding: .utf8)
        #expect(workflow.components(separatedBy: "## Submission\n\n").last == """
        - Due: 16 March 2020, 23:59:59 CET (Europe/Zurich)
        - Submitted final to President of ECOSOC, 17 March 2020, 15:00:00 CET (Europe/Zurich) (by e-mail)

        """)
        let exported = try cli.run(["export", "final", "--format", "md", "-o", packet.path], now: "2020-03-18T12:00:00+01:00")
        #expect(exported.status == 0, "\(exported.error)")
        #expect(exported.error == "")
        let text = try String(contentsOf: packet, encoding: .utf8)
        #expect(text.contains("| 17 March 2020, 15:00:00 CET (Europe/Zurich) | Submit final to President of ECOSOC |\n"))
        #expect(try git(["fsck", "--strict"], in: cli.folder).status == 0)
    }

    @Test func finalizeBeforeTheDueDateDoesNotWarn() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeDue(scratch)
        let final = try cli.run(["finalize"], now: "2020-03-13T10:00:00+01:00")
        #expect(final.status == 0, "\(final.error)")
        #expect(final.error == "")
        // A round whose text has been adopted is not reopened.
        let reopen = try cli.run(["round", "extend", "--closes", "2020-03-20", "--reopen"], now: "2020-03-13T11:00:00+01:00")
        #expect(reopen.status == 3)
        #expect(reopen.error == """
        error: version final was published after round final-draft-silence opened, so the round cannot be reopened
          fix: open a new round on final with `draftflow round open --on final`

        """)
    }
}
