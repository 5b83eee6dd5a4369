import Foundation
import Testing
import TestSupport

/// `export VERSION --circulate`, and packets of versions that are not final.
@Suite struct CirculationCommandTests {
    /// draft-1 under comment; final-draft (2.2 edited) under silence closing 12 March 2020.
    func makeFinalDraft(_ scratch: ScratchDirectory) throws -> CLI {
        let cli = try makeRoundWorkspace(scratch)
        #expect(try cli.run(["round", "close"], now: "2020-02-20T10:00:00+01:00").status == 0)
        let edited = sampleDraft.replacingOccurrences(of: "2.2 Connectivity remains a challenge.", with: "2.2 Connectivity remains a major challenge.")
        try Data(edited.utf8).write(to: cli.folder.appendingPathComponent("Drafts/outline.md"))
        let published = try cli.run(["publish", "final-draft"], now: "2020-03-05T10:00:00+01:00")
        #expect(published.status == 0, "\(published.error)")
        let opened = try cli.run(["round", "open", "--on", "final-draft", "--closes", "2020-03-12", "--kind", "silence"], now: "2020-03-05T10:05:00+01:00")
        #expect(opened.status == 0, "\(opened.error)")
        return cli
    }

    func export(_ cli: CLI, _ scratch: ScratchDirectory, _ arguments: [String], now: String) throws -> String {
        let file = scratch.url.appendingPathComponent("out-\(arguments.joined(separator: "-")).md").path
        let result = try cli.run(["export"] + arguments + ["--format", "md", "-o", file], now: now)
        #expect(result.status == 0, "\(result.error)")
        return try String(contentsOfFile: file, encoding: .utf8)
    }

    @Test func theFinalDraftAsCirculatedUnderSilence() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeFinalDraft(scratch)
        let file = scratch.url.appendingPathComponent("circulated.md").path
        let result = try cli.run(["export", "final-draft", "--circulate", "--format", "md", "-o", file], now: "2020-03-05T11:00:00+01:00")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output == "Wrote final-draft as circulated in round final-draft-silence (md) to \(file)\n")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text == """
            # Council input to the 2020 HLPF

            **Version:** final-draft (a draft for comment, not the final text)  
            **Circulated by:** Secretariat, 5 March 2020, 11:00:00 CET (Europe/Zurich)

            ## 1. How to comment

            Silence procedure final-draft-silence on final-draft. Unless a member objects by 12 March 2020, 23:59:59 CET (Europe/Zurich) (12 March 2020, 22:59:59 UTC), the text is considered adopted.

            To object, send the objection to Secretariat \\<secretariat@example.org\\> before the deadline. A reply of "No objection." is recorded as a confirmation and does not break silence.

            ## 2. Changes since draft-1

            1 paragraph modified, 0 inserted, 0 deleted. Deletions are ~~struck through~~, insertions are in **bold**; moved paragraphs are noted.

            ### Outline of the input

            #### 1 Introduction

            1.1 The Council welcomes the invitation to provide an input.

            1.2 This input was prepared by the working group.

            #### 2 Contribution

            2.1 ITU contributes to the SDGs.

            2.2 Connectivity remains a **major** challenge.

            ## 3. Text of final-draft

            ### Outline of the input

            #### 1 Introduction

            1.1 The Council welcomes the invitation to provide an input.

            1.2 This input was prepared by the working group.

            #### 2 Contribution

            2.1 ITU contributes to the SDGs.

            2.2 Connectivity remains a major challenge.

            """)
    }

    @Test func aDraftsPacketNeverCallsItFinal() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeFinalDraft(scratch)
        #expect(try cli.run(["finalize"], now: "2020-03-13T10:00:00+01:00").status == 0)
        let draft = try export(cli, scratch, ["draft-1"], now: "2020-03-13T11:00:00+01:00")
        #expect(!draft.contains("Final text"))
        #expect(!draft.contains("Transmitted to"))
        #expect(draft.contains("**Status:** Draft draft-1, not the final text; not transmitted to the Chair  \n"))
        #expect(draft.contains("## 1. Summary\n"))
        #expect(draft.contains("## 2. Text of draft-1 (a draft, not the final text)\n"))
        #expect(draft.contains("### Silence procedure\n\nNo silence procedure was held on draft-1.\n"))
        // The final version's packet is the transmittal, with its outcome.
        let final = try export(cli, scratch, ["final"], now: "2020-03-13T11:00:00+01:00")
        #expect(final.contains("**Transmitted to:** the Chair  \n"))
        #expect(final.contains("## 2. Final text\n"))
        #expect(final.contains("### Silence procedure\n\nSilence kept: no member objected to final-draft before 12 March 2020, 23:59:59 CET (Europe/Zurich).\n"))
    }

    @Test func theCirculationAndADraftsPacketInHTML() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeFinalDraft(scratch)
        let file = scratch.url.appendingPathComponent("circulated.html").path
        #expect(try cli.run(["export", "final-draft", "--circulate", "-o", file], now: "2020-03-05T11:00:00+01:00").status == 0)
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(html.contains("<title>Council input to the 2020 HLPF — final-draft (draft for comment)</title>"))
        #expect(html.contains("<p><strong>Version:</strong> final-draft (a draft for comment, not the final text)<br>"))
        #expect(html.contains("Secretariat &lt;secretariat@example.org&gt; before the deadline"))
        #expect(html.contains("<ins>major </ins>"))
        #expect(html.contains("<p>2.2 Connectivity remains a major challenge.</p>"))
        #expect(!html.contains("Final text") && !html.contains("final text packet"))
        let packet = scratch.url.appendingPathComponent("final-draft-packet.html").path
        #expect(try cli.run(["export", "final-draft", "-o", packet], now: "2020-03-05T11:00:00+01:00").status == 0)
        let draftPacket = try String(contentsOfFile: packet, encoding: .utf8)
        #expect(draftPacket.contains("<tr><th scope=\"row\">Status</th><td dir=\"auto\">Draft final-draft, not the final text; not transmitted to the Chair</td></tr>"))
        #expect(!draftPacket.contains("Transmitted to") && !draftPacket.contains("Final text"))
    }

    @Test func circulatingNeedsARoundOnTheVersion() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        #expect(try cli.run(["round", "close"], now: "2020-02-20T10:00:00+01:00").status == 0)
        #expect(try cli.run(["publish", "draft-2"], now: "2020-03-05T10:00:00+01:00").status == 0)
        let file = scratch.url.appendingPathComponent("c.md").path
        let refused = try cli.run(["export", "draft-2", "--circulate", "-o", file], now: "2020-03-05T11:00:00+01:00")
        #expect(refused.status == 3)
        #expect(refused.error.contains("no round is open on draft-2: a circulation gives the round's deadline"))
        #expect(!FileManager.default.fileExists(atPath: file))
        // draft-1, the first version, under its comment round (closed early on 20 February).
        let first = try export(cli, scratch, ["draft-1", "--circulate"], now: "2020-03-05T11:00:00+01:00")
        #expect(first.contains("""
            ## 1. How to comment

            Comment round draft-1 on draft-1. Comments must be received by 20 February 2020, 10:00:00 CET (Europe/Zurich) (20 February 2020, 09:00:00 UTC).
            """))
        #expect(first.contains("## 2. Changes since the previous version\n\nThis is the first version.\n"))
    }
}
