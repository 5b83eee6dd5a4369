import Foundation
import Testing
import TestSupport

/// Receipts: printed by `comment` and `intake`, written by `receipt`, checked by `verify --receipt`.
@Suite struct ReceiptCommandTests {
    let canada = """
    # Comments of Canada

    ## 2.2 (technical)
    Mention meaningful connectivity.
    Proposed change: 2.2 Meaningful connectivity remains a challenge.

    ## general
    We welcome the draft.
    """

    func sha256(_ file: URL) throws -> String { try fileSHA256(file) }

    func head(_ cli: CLI) throws -> String {
        try git(["rev-parse", "HEAD"], in: cli.folder).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func commentPrintsAReceiptWithTheCommitTheInstantsAndEachFilesSHA256() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let file = try scratch.write("Canada comments.md", canada)
        let result = try cli.run(["comment", "CAN", file.path, "--received", "2020-02-27T17:42:00+01:00"], now: "2020-02-28T09:00:00+01:00")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output == """
            Recorded 2 comments from CAN in round draft-1
              received 27 February 2020, 17:42:00 CET (Europe/Zurich)
              CAN-1  2.2  technical  (proposed text)
              CAN-2  general  general
              Receipt draft-1/CAN/1
                Member: Canada (CAN)
                Round: draft-1 (on draft-1)
                Submission: 1
                Received: 2020-02-27T17:42:00+01:00 (Europe/Zurich)
                Received (UTC): 2020-02-27T16:42:00Z
                On time: yes
                Commit: \(try head(cli))
                SHA-256 of original: \(try sha256(file))  Canada comments.md (\(canada.utf8.count) bytes)
                CAN-1  2.2  technical
                CAN-2  general  general

            """)
    }

    @Test func aLateSubmissionsReceiptSaysSoAndIntakePrintsOneReceiptPerSubmission() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        try scratch.write("inbox/CAN.md", "## 2.2 (technical)\nSharper.\n")
        try scratch.write("inbox/USA.md", "A general comment.\n")
        let result = try cli.run(["intake", scratch.url.appendingPathComponent("inbox").path, "--received", "2020-03-02T08:00:00+01:00", "--late"],
                                 now: "2020-03-02T09:00:00+01:00")
        #expect(result.status == 0, "\(result.error)")
        let canCommit = try gitOutput(["rev-parse", "HEAD~1"], in: cli.folder).trimmingCharacters(in: .whitespacesAndNewlines)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("  Receipt ") } == ["  Receipt draft-1/CAN/1", "  Receipt draft-1/USA/1"])
        #expect(lines.filter { $0.hasPrefix("    On time: ") } == ["    On time: no (recorded late)", "    On time: no (recorded late)"])
        #expect(lines.filter { $0.hasPrefix("    Commit: ") } == ["    Commit: \(canCommit)", "    Commit: \(try head(cli))"])
        // The receipt written later is the same receipt.
        let written = try cli.run(["receipt", "CAN", "--format", "json"])
        #expect(written.status == 0, "\(written.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(written.output.utf8)) as? [String: Any])
        #expect(json["commit"] as? String == canCommit)
        #expect(json["onTime"] as? Bool == false)
        #expect(json["receivedUTC"] as? String == "2020-03-02T07:00:00Z")
    }

    @Test func aReceiptVerifiesUntilAHandCommitRewritesTheOriginal() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let file = try scratch.write("c.md", canada)
        #expect(try cli.run(["comment", "CAN", file.path, "--received", "2020-02-27T17:42:00+01:00"], now: "2020-02-28T09:00:00+01:00").status == 0)
        let recorded = try head(cli)
        #expect(try cli.run(["comment", "USA", file.path], now: "2020-02-28T10:00:00+01:00").status == 0)
        let json = scratch.url.appendingPathComponent("receipt-CAN.json")
        let md = scratch.url.appendingPathComponent("receipt-CAN.md")
        let wrote = try cli.run(["receipt", "draft-1/CAN/1", "--format", "json", "-o", json.path])
        #expect(wrote.status == 0, "\(wrote.error)")
        #expect(wrote.output == "Wrote the receipt of draft-1/CAN/1 (json) to \(json.path)\n")
        #expect(try cli.run(["receipt", "CAN/1", "-o", md.path]).status == 0)

        for receipt in [json, md] {
            let held = try cli.run(["verify", "--receipt", receipt.path])
            #expect(held.status == 0, "\(held.error)")
            #expect(held.output == """
                Verifying receipt draft-1/CAN/1 in \(cli.folder.path)
                  commit \(recorded)
                ok     1. the submission draft-1/CAN/1 is as its receipt says
                         1 file and 2 comments checked at the tip (\(try head(cli).prefix(7))) and the commit that recorded it (\(recorded.prefix(7)))
                All checks hold.

                """)
        }

        // Someone rewrites Canada's original by hand and commits it.
        let original = cli.folder.appendingPathComponent("Comments/draft-1/CAN/submission-1.md")
        try Data("## general\nWe reject the draft.\n".utf8).write(to: original)
        #expect(try git(["commit", "-qam", "Fix typo"], in: cli.folder).status == 0)
        let tip = try head(cli)
        let broken = try cli.run(["verify", "--receipt", json.path])
        #expect(broken.status == 7)
        let now = try sha256(original)
        #expect(broken.error == """
            error: receipt: Comments/draft-1/CAN/submission-1.md (the original) differs at the tip (\(tip.prefix(7))): its SHA-256 is \(now), the receipt's \(try sha256(file))
              fix: the submission was changed after its receipt was issued: `git log -p -- Comments/` in the workspace shows which commit changed it; restore the files from the commit the receipt names

            """)
        #expect(try cli.run(["verify", "--receipt", md.path]).status == 7)
    }

    @Test func aDeletedRecordOrAForeignFileFailsTheReceiptCheck() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let file = try scratch.write("c.md", canada)
        #expect(try cli.run(["comment", "CAN", file.path], now: "2020-02-28T09:00:00+01:00").status == 0)
        let json = scratch.url.appendingPathComponent("r.json")
        #expect(try cli.run(["receipt", "CAN", "--format", "json", "-o", json.path]).status == 0)
        let unknown = try cli.run(["receipt", "FRA"])
        #expect(unknown.status == 2)
        #expect(unknown.error.hasPrefix("error: FRA has no recorded submission"))
        #expect(try git(["rm", "-q", "Comments/draft-1/CAN/submission-1.json"], in: cli.folder).status == 0)
        #expect(try git(["commit", "-qm", "Tidy"], in: cli.folder).status == 0)
        let result = try cli.run(["verify", "--receipt", json.path])
        #expect(result.status == 7)
        #expect(result.output.contains("! Comments/draft-1/CAN/submission-1.json, the submission's record, is missing at the tip ("))

        let foreign = try scratch.write("not-a-receipt.json", "{\"hello\": 1}\n")
        let refused = try cli.run(["verify", "--receipt", foreign.path])
        #expect(refused.status == 2)
        #expect(refused.error.hasPrefix("error: the file is not a DraftFlow receipt"))
    }
}

/// `sha256sum`'s digest of a file: what a member checks a receipt with, without DraftFlow.
func fileSHA256(_ file: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = [file.path]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(String(decoding: data, as: UTF8.self).prefix(64))
}
