import Foundation
import Testing
import TestSupport

/// The silence procedure on the final draft, and finalize.
@Suite struct SilenceCommandTests {
    @Test func silenceKeptThenFinal() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeSilenceWorkspace(scratch)
        let during = try statusRound(cli, at: "2020-03-10T10:00:00+01:00")
        #expect(during["kind"] as? String == "silence")
        #expect(during["silence"] as? String == "kept")
        #expect(during["brokenBy"] as? [String] == [])
        // Not before the close.
        let early = try cli.run(["finalize"], now: "2020-03-12T23:59:59+01:00")
        #expect(early.status == 3)
        #expect(early.error.contains("runs until 12 March 2020, 23:59:59 CET"))
        let final = try cli.run(["finalize"], now: "2020-03-13T10:00:00+01:00")
        #expect(final.status == 0, "\(final.error)")
        #expect(final.output.contains("silence kept"))
        #expect(try git(["tag", "-n3", "final"], in: cli.folder).output.contains("Silence kept: no member objected to final-draft before 12 March 2020, 23:59:59 CET"))
        #expect(try git(["log", "-1", "--format=%(trailers:key=DraftFlow-Silence,valueonly)"], in: cli.folder).output.trimmingCharacters(in: .whitespacesAndNewlines) == "kept")
        // The final text is the text circulated.
        #expect(try git(["diff", "final-draft", "final", "--", "Drafts"], in: cli.folder).output == "")
        #expect(try cli.run(["finalize"], now: "2020-03-13T10:05:00+01:00").status == 5)
    }

    @Test func brokenTheMinuteBeforeTheCloseThenOverObjection() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeSilenceWorkspace(scratch)
        let objection = try scratch.write("objection.md", "## 2.2 (technical)\nWe cannot accept this paragraph.\n")
        let broken = try cli.run(["comment", "CHN", objection.path, "--received", "2020-03-12T23:59:00+01:00"], now: "2020-03-13T08:00:00+01:00")
        #expect(broken.status == 0, "\(broken.error)")
        let round = try statusRound(cli, at: "2020-03-13T09:00:00+01:00")
        #expect(round["silence"] as? String == "broken")
        #expect(round["brokenBy"] as? [String] == ["CHN"])
        #expect((round["objections"] as? [[String: Any]])?.first?["received"] as? String == "2020-03-12T23:59:00+01:00")
        let text = try cli.run(["status"], now: "2020-03-13T09:00:00+01:00").output
        #expect(text.contains("silence: BROKEN by CHN at 2020-03-12T23:59:00+01:00"))

        let refused = try cli.run(["finalize"], now: "2020-03-13T10:00:00+01:00")
        #expect(refused.status == 3)
        #expect(refused.error.contains("silence was broken in final-draft-silence by China (CHN, 12 March 2020, 23:59:00 CET"))
        #expect(refused.error.contains("--over-objection"))
        #expect(try cli.run(["finalize", "--over-objection"], now: "2020-03-13T10:00:00+01:00").status == 2)
        let over = try cli.run(["finalize", "--over-objection", "--note", "The objection concerns wording already agreed at the 35th meeting."], now: "2020-03-13T10:00:00+01:00")
        #expect(over.status == 0, "\(over.error)")
        #expect(over.output.contains("over the objection of CHN"))
        let message = try git(["log", "-1", "--format=%B"], in: cli.folder).output
        #expect(message.contains("Silence broken by CHN; the secretariat finalized over the objection: The objection concerns wording already agreed at the 35th meeting."))
        #expect(message.contains("DraftFlow-Over-Objection: CHN"))
    }

    @Test func aLateObjectionDoesNotBreakSilence() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeSilenceWorkspace(scratch)
        let objection = try scratch.write("objection.md", "We object.\n")
        let refused = try cli.run(["comment", "CHN", objection.path, "--received", "2020-03-13T00:00:00+01:00"], now: "2020-03-13T08:00:00+01:00")
        #expect(refused.status == 3)
        #expect(refused.error.contains("12 March 2020, 23:59:59 CET"))
        let recorded = try cli.run(["comment", "CHN", objection.path, "--received", "2020-03-13T00:00:00+01:00", "--late"], now: "2020-03-13T08:00:00+01:00")
        #expect(recorded.status == 0)
        let round = try statusRound(cli, at: "2020-03-13T09:00:00+01:00")
        #expect(round["silence"] as? String == "kept")
        let status = try #require(try JSONSerialization.jsonObject(with: Data(try cli.run(["status", "--json"], now: "2020-03-13T09:00:00+01:00").output.utf8)) as? [String: Any])
        #expect(status["late"] as? [String] == ["CHN"])
        #expect(try cli.run(["finalize"], now: "2020-03-13T10:00:00+01:00").status == 0)
    }

    @Test func finalizeNeedsASilenceProcedureAndDecisions() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let refused = try cli.run(["finalize"], now: "2020-03-13T10:00:00+01:00")
        #expect(refused.status == 3)
        #expect(refused.error.contains("silence procedure"))
    }
}
