import Foundation
import Testing
import TestSupport

/// `draftflow demo` replays the 2020 case as the seed tells it, the same way on every run.
@Suite struct DemoCommandTests {
    @Test func theDemoEndsWithTheChairsTransmissionAndWritesWhatMembersReceive() throws {
        let scratch = try ScratchDirectory()
        let first = scratch.url.appendingPathComponent("one")
        let second = scratch.url.appendingPathComponent("two")
        for folder in [first, second] {
            let made = try CLI.run(["demo", "--out", folder.path], now: nil, in: scratch.url)
            #expect(made.status == 0, "\(made.error)")
        }
        // Deterministic: the same commits on every run.
        #expect(try gitOutput(["rev-parse", "HEAD"], in: first) == gitOutput(["rev-parse", "HEAD"], in: second))

        // The final draft is circulated by 12 March, silence closes before 16 March, final is
        // published, then the transmission is recorded on the due date.
        let tags = try gitOutput(["for-each-ref", "--format=%(refname:short) %(taggerdate:iso-strict)", "refs/tags"], in: first)
        #expect(tags == "draft-1 2020-02-14T10:00:00+01:00\nfinal 2020-03-13T10:00:00+01:00\nfinal-draft 2020-03-05T10:00:00+01:00\n")
        let last = try gitOutput(["log", "-1", "--format=%s|%aI|%(trailers:key=DraftFlow-Event,valueonly)"], in: first)
        #expect(last == "Submit final to the President of ECOSOC, through the Chair of the ITU Council|2020-03-16T11:00:00+01:00|submitted\n\n")

        let packet = scratch.url.appendingPathComponent("one-packet")
        let written = try FileManager.default.contentsOfDirectory(atPath: packet.path).sorted()
        #expect(written == ["final-draft-circulated.html", "final-packet.docx", "final-packet.html", "final-packet.md", "final-packet.pdf",
                            "receipt-draft-1-CAN.md", "receipt-draft-1-USA.md", "report-draft-1-CAN.html", "report-draft-1-USA.html"])
        // A member's receipt holds against the workspace.
        let cli = CLI(folder: first, now: "2020-03-17T10:00:00+01:00")
        let check = try cli.run(["verify", "--receipt", packet.appendingPathComponent("receipt-draft-1-USA.md").path])
        #expect(check.status == 0, "\(check.output)\(check.error)")
        #expect(check.output.hasSuffix("All checks hold.\n"))
    }
}
