import DraftFlow
import Foundation
import Testing
import TestSupport

/// `round open --visible`: said when opened, recorded in `Workflow.md`, and shown by `status`.
@Suite struct VisibleRoundCommandTests {
    @Test func aVisibleRoundIsSaidOpenedAndShownInStatus() throws {
        let scratch = try ScratchDirectory("visible-round")
        let draft = try scratch.write("outline.md", sampleDraft)
        let cli = CLI(folder: scratch.url.appendingPathComponent("ws"), now: "2020-02-14T10:00:00+01:00")
        #expect(try CLI.run(["init", "ws", "--title", "Council input", "--document", draft.path], now: cli.now, in: scratch.url).status == 0)
        #expect(try cli.run(["member", "add", "CAN", "--name", "Canada"]).status == 0)
        #expect(try cli.run(["publish", "draft-1"]).status == 0)

        let opened = try cli.run(["round", "open", "--on", "draft-1", "--closes", "2020-03-01", "--name", "draft-1", "--visible"])
        #expect(opened.status == 0)
        #expect(opened.output == """
            Opened comment round draft-1 on draft-1
              closes 1 March 2020, 23:59:59 CET (Europe/Zurich)
                     1 March 2020, 22:59:59 UTC
              submissions visible to all members as they arrive

            """)
        let status = try cli.run(["status"], now: "2020-02-20T10:00:00+01:00")
        #expect(status.output.contains("Round draft-1: comment round on draft-1, OPEN\n  closes 1 March 2020, 23:59:59 CET (Europe/Zurich)\n         2020-03-01T22:59:59Z\n  submissions visible to all members as they arrive (--visible)\n  time left: 10 days 13 hours\n"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try cli.run(["status", "--json"]).output.utf8)) as? [String: Any])
        #expect((json["round"] as? [String: Any])?["visible"] as? Bool == true)
    }

    @Test func aRoundOpenedWithoutItSaysNothingOfIt() throws {
        let scratch = try ScratchDirectory("normal-round")
        let cli = try makeRoundWorkspace(scratch)
        let status = try cli.run(["status"], now: "2020-02-20T10:00:00+01:00")
        #expect(status.status == 0)
        #expect(!status.output.contains("visible"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try cli.run(["status", "--json"]).output.utf8)) as? [String: Any])
        #expect((json["round"] as? [String: Any])?["visible"] == nil)
    }
}
