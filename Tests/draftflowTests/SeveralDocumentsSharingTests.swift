import Foundation
import Testing
import TestSupport

/// A workspace of several documents shared through a real `git daemon`: both documents' version
/// tags reach the host, a member submits to the second document's round from its clone, and
/// `collect` records it in that document's round.
@Suite struct SeveralDocumentsSharingTests {
    @Test func aSubmissionToTheSecondDocumentIsCollectedIntoItsRound() throws {
        let scratch = try ScratchDirectory("several-documents-sharing")
        let daemon = try GitDaemon()
        defer { daemon.kill() }
        let cli = try SeveralDocumentsCommandTests.workspace(scratch)
        let url = try daemon.createRepository("ws.git")
        #expect(try cli.run(["remote", "add", "origin", url]).status == 0)
        let pushed = try cli.run(["push"], now: "2020-02-14T13:00:00+01:00")
        #expect(pushed.status == 0, "\(pushed.error)")
        #expect(try gitOutput(["for-each-ref", "--format=%(refname)", "refs/tags"], in: daemon.path("ws.git"))
                == "refs/tags/council-report/draft-1\nrefs/tags/draft-1\n")

        let cloned = try CLI.run(["clone", url, "can", "--member", "CAN"], now: "2020-02-20T09:00:00+01:00", in: scratch.url)
        #expect(cloned.status == 0, "\(cloned.error)")
        let clone = CLI(folder: scratch.url.appendingPathComponent("can"), now: "2020-02-27T17:42:00+01:00")
        let file = try scratch.write("canada.md", SeveralDocumentsCommandTests.canada)
        // Two rounds are open, one per document: the member names the document.
        let unnamed = try clone.run(["submit", file.path])
        #expect(unnamed.status == 2)
        let sent = try clone.run(["submit", file.path, "--document", "council-report"])
        #expect(sent.status == 0, "\(sent.error)")
        #expect(sent.output.hasPrefix("Sent CAN's submission for round council-report-draft-1-comments on refs/heads/submissions/council-report-draft-1-comments/CAN (commit "))

        let collected = try cli.run(["collect"], now: "2020-02-28T09:00:00+01:00")
        #expect(collected.status == 0, "\(collected.error)")
        #expect(collected.output.hasPrefix("""
            Collected 1 submission from origin
              CAN: submission 1 in round council-report-draft-1-comments, 1 comment (CAN-1), commit
            """))
        #expect(try gitOutput(["log", "-1", "--format=%an|%s|%(trailers:key=DraftFlow-Document,valueonly)"], in: cli.folder)
                == "Canada|Comments of Canada (CAN) on draft-1: 1 comment|council-report\n\n")
        let status = try cli.run(["status", "--document", "council-report", "--json"], now: "2020-02-28T09:30:00+01:00")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(status.output.utf8)) as? [String: Any])
        #expect((json["members"] as? [[String: Any]])?.first?["state"] as? String == "received")
        let first = try cli.run(["status", "--document", "hlpf", "--json"], now: "2020-02-28T09:30:00+01:00")
        let firstJSON = try #require(try JSONSerialization.jsonObject(with: Data(first.output.utf8)) as? [String: Any])
        #expect((firstJSON["members"] as? [[String: Any]])?.first?["state"] as? String == "none")
        #expect(try git(["fsck", "--strict"], in: daemon.path("ws.git")).status == 0)
    }

    @Test func twoOfficersEachChangingTheirOwnDocumentPushWithoutAConflict() throws {
        let scratch = try ScratchDirectory("several-documents-officers")
        let daemon = try GitDaemon()
        defer { daemon.kill() }
        let first = try SeveralDocumentsCommandTests.workspace(scratch)
        let url = try daemon.createRepository("ws.git")
        #expect(try first.run(["remote", "add", "origin", url]).status == 0)
        #expect(try first.run(["push"], now: "2020-02-14T13:00:00+01:00").status == 0)
        let cloned = try CLI.run(["clone", url, "officer-2"], now: "2020-02-15T09:00:00+01:00", in: scratch.url)
        #expect(cloned.status == 0, "\(cloned.error)")
        let second = CLI(folder: scratch.url.appendingPathComponent("officer-2"), now: "2020-02-20T10:00:00+01:00")

        // Each extends the round of its own document; both change Workflow.md.
        #expect(try first.run(["round", "extend", "--document", "council-report", "--closes", "2020-03-20"], now: "2020-02-20T10:00:00+01:00").status == 0)
        #expect(try second.run(["round", "extend", "--document", "hlpf", "--closes", "2020-03-05"], now: "2020-02-20T10:05:00+01:00").status == 0)
        #expect(try first.run(["push"], now: "2020-02-20T11:00:00+01:00").status == 0)
        let replayed = try second.run(["push"], now: "2020-02-20T11:05:00+01:00")
        #expect(replayed.status == 0, "\(replayed.error)")
        #expect(try first.run(["pull"], now: "2020-02-20T11:10:00+01:00").status == 0)
        // Both extensions hold, on both sides.
        for officer in [first, second] {
            let status = try officer.run(["status"], now: "2020-02-20T11:15:00+01:00")
            #expect(status.output.contains("Round draft-1: comment round on draft-1, OPEN\n  closes 5 March 2020, 23:59:59 CET (Europe/Zurich)\n"))
            #expect(status.output.contains("Round council-report-draft-1-comments: comment round on draft-1, OPEN\n  closes 20 March 2020, 23:59:59 CET (Europe/Zurich)\n"))
        }
        #expect(try gitOutput(["rev-parse", "HEAD"], in: first.folder) == gitOutput(["rev-parse", "HEAD"], in: second.folder))
        #expect(try git(["fsck", "--strict"], in: daemon.path("ws.git")).status == 0)
    }
}
