import Foundation
import Testing
import TestSupport

/// "No objection" replies in a silence procedure: recorded as confirmations, which keep silence.
@Suite struct NoObjectionCommandTests {
    @Test func markedNoObjectionKeepsSilenceAndFinalizes() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeSilenceWorkspace(scratch)
        let reply = try scratch.write("reply-canada.md", "Canada can join consensus on the text as circulated.\n")
        let recorded = try cli.run(["comment", "CAN", reply.path, "--no-objection", "--received", "2020-03-10T09:30:00+01:00"], now: "2020-03-10T10:00:00+01:00")
        #expect(recorded.status == 0, "\(recorded.error)")
        #expect(recorded.output == """
            Recorded CAN's confirmation of no objection in round final-draft-silence
              received 10 March 2020, 09:30:00 CET (Europe/Zurich)
              silence is not broken

            """)
        let state = try statusRound(cli, at: "2020-03-11T10:00:00+01:00")
        #expect(state["silence"] as? String == "kept")
        #expect(state["brokenBy"] as? [String] == [])
        #expect((state["confirmations"] as? [[String: String]]) == [["member": "CAN", "received": "2020-03-10T09:30:00+01:00"]])
        let text = try cli.run(["status"], now: "2020-03-11T10:00:00+01:00").output
        #expect(text.contains("  silence: not broken so far\n  no objection: CAN at 2020-03-10T09:30:00+01:00\n"))
        let record = try String(contentsOf: cli.folder.appendingPathComponent("Comments/final-draft-silence/CAN/submission-1.json"), encoding: .utf8)
        #expect(record.contains("\"noObjection\" : \"marked\""))
        #expect(record.contains("\"comments\" : [\n\n  ]"))
        let log = try cli.run(["log"], now: "2020-03-11T10:00:00+01:00").output
        #expect(log.contains("No objection from Canada (CAN) to final-draft"))
        let trailer = try git(["log", "-1", "--format=%(trailers:key=DraftFlow-No-Objection,valueonly)"], in: cli.folder).output
        #expect(trailer.trimmingCharacters(in: .whitespacesAndNewlines) == "marked")
        let final = try cli.run(["finalize"], now: "2020-03-13T10:00:00+01:00")
        #expect(final.status == 0, "\(final.error)")
    }

    @Test func aWholeReplyOfNoObjectionInAnyUNLanguageIsAConfirmation() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeSilenceWorkspace(scratch)
        let french = try scratch.write("fra.md", "Pas d’objection.\n")
        let chinese = try scratch.write("chn.txt", "\u{FEFF}无异议。\n")
        let french1 = try cli.run(["comment", "CAN", french.path, "--received", "2020-03-09T09:00:00+01:00"], now: "2020-03-10T10:00:00+01:00")
        #expect(french1.status == 0, "\(french1.error)")
        #expect(french1.output == """
            Recorded CAN's confirmation of no objection in round final-draft-silence
              received 9 March 2020, 09:00:00 CET (Europe/Zurich)
              note: the reply's whole text is a no-objection statement, so it is recorded as a confirmation; silence is not broken

            """)
        #expect(try cli.run(["comment", "CHN", chinese.path, "--received", "2020-03-09T10:00:00+01:00"], now: "2020-03-10T10:00:00+01:00").status == 0)
        // A reply that says more than "no objection" is an objection.
        let more = try scratch.write("usa.md", "No objection, but paragraph 2.2 should say 2021.\n")
        let objection = try cli.run(["comment", "USA", more.path, "--received", "2020-03-09T11:00:00+01:00"], now: "2020-03-10T10:00:00+01:00")
        #expect(objection.output.hasPrefix("Recorded 1 comment from USA in round final-draft-silence\n"))
        let state = try statusRound(cli, at: "2020-03-10T10:00:00+01:00")
        #expect(state["brokenBy"] as? [String] == ["USA"])
        #expect((state["confirmations"] as? [[String: String]])?.map { $0["member"] } == ["CAN", "CHN"])
        // The packet of the text adopted after the silence lists the confirmations (a packet is read
        // at its version's commit: final-draft's own predates its silence procedure).
        let finalized = try cli.run(["finalize", "--over-objection", "--note", "Adopted by the Chair over the objection."], now: "2020-03-13T10:00:00+01:00")
        #expect(finalized.status == 0, "\(finalized.error)")
        let packet = scratch.url.appendingPathComponent("final.md").path
        #expect(try cli.run(["export", "final", "--format", "md", "-o", packet], now: "2020-03-13T10:00:00+01:00").status == 0)
        let markdown = try String(contentsOfFile: packet, encoding: .utf8)
        #expect(markdown.contains("""
            ### Silence procedure

            Silence broken by USA; the secretariat finalized over the objection: Adopted by the Chair over the objection. \
            No objection confirmed in final-draft-silence by CAN on 9 March 2020, 09:00:00 CET (Europe/Zurich); CHN on 9 March 2020, 10:00:00 CET (Europe/Zurich).
            """))
        #expect(markdown.contains("""
            | Member | Received | Comments |
            |---|---|---|
            | Canada (no objection in final-draft-silence) (CAN) | 9 March 2020, 09:00:00 CET (Europe/Zurich) | 0 |
            | China (no objection in final-draft-silence) (CHN) | 9 March 2020, 10:00:00 CET (Europe/Zurich) | 0 |
            | United States (objection in final-draft-silence) (USA) | 9 March 2020, 11:00:00 CET (Europe/Zurich) | 1 |
            """))
    }

    @Test func noObjectionIsRefusedInACommentRound() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let reply = try scratch.write("reply.md", "No objection.\n")
        let refused = try cli.run(["comment", "CAN", reply.path, "--no-objection"], now: "2020-02-15T10:00:00+01:00")
        #expect(refused.status == 3)
        #expect(refused.error.contains("round draft-1 is a comment round: --no-objection is for replies to a silence procedure"))
        #expect(try git(["status", "--porcelain"], in: cli.folder).output == "")
        // Without the flag, in a comment round, the reply is a general comment.
        let recorded = try cli.run(["comment", "CAN", reply.path], now: "2020-02-15T10:00:00+01:00")
        #expect(recorded.output.hasPrefix("Recorded 1 comment from CAN in round draft-1\n"))
    }
}
